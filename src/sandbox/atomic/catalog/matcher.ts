import { COMPANIES, type CatalogCompany } from './companies.js';

/**
 * Finds the PayLink company behind a bank transaction, the way Atomic's find-company does: from the
 * raw description ("POS Transaction Netflixcom NETFLIXCOM LOS GATOS CAUS", "SPOTIFY USA") or the
 * cleaned merchant name ("Amazon Prime"). Descriptions are upper-cased first; the first company
 * whose pattern matches wins (the catalog lists the specific ones first).
 */
export function findCompanyFor(description: string, merchantName?: string): CatalogCompany | undefined {
  for (const text of [merchantName, description]) {
    if (!text) continue;
    const upper = text.toUpperCase();
    const company = COMPANIES.find((c) => c.kind === 'paylink' && c.patterns?.some((p) => p.test(upper)));
    if (company) return company;
  }
  return undefined;
}
