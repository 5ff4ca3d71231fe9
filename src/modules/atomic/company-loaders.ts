import DataLoader from 'dataloader';
import type { AtomicAdapter } from '../../upstreams/atomic/atomic-adapter.js';
import type { AtomicCompany, AtomicFindCompanyResponse } from '../../upstreams/atomic/atomic-wire.js';
import { CompanyMatchCache } from './company-cache.js';

export const FIND_COMPANY_PATH = 'pay-link/financial-transactions/find-company';

/**
 * Transaction → company enrichment for one request. DataLoader collects every description the
 * query asks for in one tick and de-duplicates them; cached matches (any request, per TTL) are
 * answered locally; the rest go to find-company in ONE call, split only above Atomic's batch limit.
 */
export function createCompanyForDescriptionLoader(
  atomic: () => AtomicAdapter,
  cache: CompanyMatchCache<AtomicCompany>,
  cacheScope: string,
  batchLimit: number,
): DataLoader<string, AtomicCompany | null> {
  return new DataLoader<string, AtomicCompany | null, string>(
    async (descriptions) => {
      const keyOf = (d: string) => `${cacheScope}|${CompanyMatchCache.normalise(d)}`;
      const misses = [...new Set(descriptions.filter((d) => !cache.get(keyOf(d)).hit).map(CompanyMatchCache.normalise))];
      for (let i = 0; i < misses.length; i += batchLimit) {
        const chunk = misses.slice(i, i + batchLimit);
        const res = await atomic().post<AtomicFindCompanyResponse>(
          FIND_COMPANY_PATH,
          { financialTransactions: chunk.map((description, n) => ({ identifier: String(n), description })) },
          { readOnly: true },
        );
        const byIdentifier = new Map(res.data.financialTransactions.map((t) => [t.identifier, t.company ?? null]));
        chunk.forEach((d, n) => cache.set(`${cacheScope}|${d}`, byIdentifier.get(String(n)) ?? null));
      }
      return descriptions.map((d) => {
        const entry = cache.get(keyOf(d));
        return entry.hit ? entry.value : null;
      });
    },
    // The same merchant under different spacing/case is one key.
    { cacheKeyFn: (d) => CompanyMatchCache.normalise(d) },
  );
}
