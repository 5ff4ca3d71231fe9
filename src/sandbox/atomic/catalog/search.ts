import { COMPANIES, type CatalogCompany } from './companies.js';

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9+]+/)
    .filter(Boolean);

/** Edit distance of at most one (a typo): one substitution, insertion or deletion. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * How well `query` matches a company name (higher is better, 0 = no match): the whole name, a
 * prefix, every query word starting a name word, or a one-letter typo in a longer word.
 */
export function matchScore(name: string, query: string): number {
  const q = query.trim().toLowerCase();
  if (!q) return 1;
  const n = name.toLowerCase();
  if (n === q) return 4;
  if (n.startsWith(q)) return 3;
  const nameWords = words(name);
  const queryWords = words(query);
  if (queryWords.length === 0) return 0;
  if (queryWords.every((w) => nameWords.some((nw) => nw.startsWith(w)))) return 2;
  // A typo in a word of four letters or more, against the whole name word or its start.
  const close = (w: string, nw: string) => w.length >= 4 && (withinOneEdit(w, nw) || withinOneEdit(w, nw.slice(0, w.length)));
  return queryWords.every((w) => nameWords.some((nw) => nw.startsWith(w) || close(w, nw))) ? 1 : 0;
}

export interface SearchFilters {
  query?: string;
  product?: string;
  products?: string[];
  tags?: string[];
  excludedTags?: string[];
}

/** Company search: fuzzy on the name, then the product and tag filters; best matches first. */
export function searchCompanies(filters: SearchFilters): CatalogCompany[] {
  return COMPANIES.map((company) => ({ company, score: matchScore(company.name, filters.query ?? '') }))
    .filter(({ company, score }) => {
      if (score === 0) return false;
      if (filters.product && !company.availableProducts.includes(filters.product)) return false;
      if (filters.products && !filters.products.every((p) => company.availableProducts.includes(p))) return false;
      if (filters.tags && filters.tags.length > 0 && !filters.tags.some((t) => company.tags.includes(t))) return false;
      if (filters.excludedTags && filters.excludedTags.some((t) => company.tags.includes(t))) return false;
      return true;
    })
    .sort((a, b) => b.score - a.score || a.company.name.localeCompare(b.company.name))
    .map(({ company }) => company);
}
