import { describe, expect, it } from '@jest/globals';
import { CompanyMatchCache } from '../../src/modules/atomic/company-cache.js';
import { createCompanyForDescriptionLoader, FIND_COMPANY_PATH } from '../../src/modules/atomic/company-loaders.js';
import type { AtomicAdapter } from '../../src/upstreams/atomic/atomic-adapter.js';
import type { AtomicCompany } from '../../src/upstreams/atomic/atomic-wire.js';

const NETFLIX = { _id: 'c_netflix', name: 'Netflix' } as AtomicCompany;

/** An adapter that records find-company bodies and answers "Netflix" for any text containing it. */
function recordingAdapter() {
  const bodies: { financialTransactions: { identifier: string; description: string }[] }[] = [];
  const adapter = {
    async post(path: string, body: (typeof bodies)[number]) {
      expect(path).toBe(FIND_COMPANY_PATH);
      bodies.push(body);
      return { data: { financialTransactions: body.financialTransactions.map((t) => ({ ...t, ...(/netflix/i.test(t.description) ? { company: NETFLIX } : {}) })) } };
    },
  } as unknown as AtomicAdapter;
  return { adapter, bodies };
}

describe('Transaction.company loader', () => {
  it('sends each text once, as the bank wrote it (not lower-cased), and answers every spelling of it', async () => {
    const { adapter, bodies } = recordingAdapter();
    const loader = createCompanyForDescriptionLoader(() => adapter, new CompanyMatchCache<AtomicCompany>(60_000), 'test', 100);
    const results = await Promise.all(['NETFLIX.COM', 'netflix.com ', 'Trader Joe S #422', 'NETFLIX.COM'].map((d) => loader.load(d)));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.financialTransactions.map((t) => t.description)).toEqual(['NETFLIX.COM', 'Trader Joe S #422']);
    expect(results.map((c) => c?.name ?? null)).toEqual(['Netflix', 'Netflix', null, 'Netflix']);
  });

  it('answers from the shared cache on the next request without calling Atomic', async () => {
    const { adapter, bodies } = recordingAdapter();
    const cache = new CompanyMatchCache<AtomicCompany>(60_000);
    await createCompanyForDescriptionLoader(() => adapter, cache, 'test', 100).load('Netflix');
    const again = await createCompanyForDescriptionLoader(() => adapter, cache, 'test', 100).load('NETFLIX');
    expect(again?.name).toBe('Netflix');
    expect(bodies).toHaveLength(1);
  });
});
