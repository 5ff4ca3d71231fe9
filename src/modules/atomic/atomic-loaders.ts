import DataLoader from 'dataloader';
import type { AtomicAdapter } from '../../upstreams/atomic/atomic-adapter.js';
import type { AtomicCompany, AtomicPayLinkAccount, AtomicPayLinkAccountResponse } from '../../upstreams/atomic/atomic-wire.js';
import type { CompanyMatchCache } from './company-cache.js';
import { createCompanyForDescriptionLoader } from './company-loaders.js';
import type { AtomicLoaders } from './type-resolvers.js';

/**
 * The per-request Atomic loaders (never shared across requests, so never across partners).
 * Atomic has no company-by-id endpoint: companies arrive embedded in accounts, bills and tasks, so
 * an id-only company resolves to null rather than to a guess.
 */
export function createAtomicLoaders(
  atomic: () => AtomicAdapter,
  cache: CompanyMatchCache<AtomicCompany>,
  cacheScope: string,
  batchLimit: number,
): AtomicLoaders {
  return {
    companyById: new DataLoader<string, AtomicCompany | null>(async (ids) => ids.map(() => null)),
    companyForDescription: createCompanyForDescriptionLoader(atomic, cache, cacheScope, batchLimit),
    paylinkAccountById: new DataLoader<string, AtomicPayLinkAccount | null>((ids) =>
      Promise.all(
        ids.map((id) =>
          atomic()
            .get<AtomicPayLinkAccountResponse>(`pay-link/accounts/${encodeURIComponent(id)}`)
            .then((r) => r.account)
            .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))),
        ),
      ),
    ),
  };
}
