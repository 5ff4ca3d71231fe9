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
      // One entry per normalised text (the cache key); Atomic gets the text as the bank wrote it.
      const misses = new Map<string, string>();
      for (const d of descriptions) if (!cache.get(keyOf(d)).hit && !misses.has(keyOf(d))) misses.set(keyOf(d), d);
      const pending = [...misses.entries()];
      for (let i = 0; i < pending.length; i += batchLimit) {
        const chunk = pending.slice(i, i + batchLimit);
        const res = await atomic().post<AtomicFindCompanyResponse>(
          FIND_COMPANY_PATH,
          { financialTransactions: chunk.map(([, description], n) => ({ identifier: String(n), description })) },
          { readOnly: true },
        );
        const byIdentifier = new Map(res.data.financialTransactions.map((t) => [t.identifier, t.company ?? null]));
        chunk.forEach(([key], n) => cache.set(key, byIdentifier.get(String(n)) ?? null));
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
