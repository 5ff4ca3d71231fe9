import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningAtomicEmulator } from '../../src/sandbox/atomic/index.js';
import type { RunningPlaidEmulator } from '../../src/sandbox/plaid/index.js';
import { startTestAtomic } from '../helpers/atomic.js';
import { linkUser } from '../helpers/banking.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { control, startTestPlaid } from '../helpers/plaid.js';

const FIND_COMPANY = '/pay-link/financial-transactions/find-company';
const ENRICHED = `query Enriched($id: ID!, $first: Int) {
  user(id: $id) { transactions(first: $first) { edges { node { transactionId name merchantName company { id name } } } } }
}`;

/** find-company calls the emulator counted since the last reset. */
async function findCompanyCalls(atomic: RunningAtomicEmulator): Promise<number> {
  const calls = (await control(atomic.url, '/calls')) as Record<string, number>;
  return calls[FIND_COMPANY] ?? 0;
}

describe('Transaction.company: one find-company call per query (DataLoader)', () => {
  let plaid: RunningPlaidEmulator;
  let atomic: RunningAtomicEmulator;
  const gateways: TestGateway[] = [];

  beforeAll(async () => {
    [plaid, atomic] = await Promise.all([startTestPlaid(), startTestAtomic()]);
  });
  afterAll(async () => {
    for (const gw of gateways) await gw.stop();
    await Promise.all([plaid.close(), atomic.close()]);
  });

  // A fresh gateway per size, so the cross-request company cache starts empty each time.
  const freshGateway = async (extra: Record<string, string> = {}) => {
    const gw = await startTestGateway('sqlite', {
      PLAID_SANDBOX_URL: plaid.url,
      ATOMIC_SANDBOX_URL: atomic.url,
      TRANSACTIONS_STALE_AFTER_SECONDS: '3600',
      ...extra,
    });
    gateways.push(gw);
    await linkUser(gw, 'usr_enrich');
    return gw;
  };

  it.each([10, 100, 500])('makes exactly one find-company call for %i transactions, then none while cached', async (n) => {
    const gw = await freshGateway();
    await gw.graphql(ENRICHED, { variables: { id: 'usr_enrich', first: 1 } }); // finish the initial sync first
    await control(atomic.url, '/calls/reset', { body: {} });
    const res = await gw.graphql(ENRICHED, { variables: { id: 'usr_enrich', first: n } });
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data.user.transactions.edges as { node: { merchantName: string | null; company: { name: string } | null } }[];
    expect(edges).toHaveLength(n);
    expect(await findCompanyCalls(atomic)).toBe(1);
    const netflix = edges.find((e) => e.node.merchantName === 'Netflix');
    if (netflix) expect(netflix.node.company?.name).toBe('Netflix');

    await control(atomic.url, '/calls/reset', { body: {} });
    await gw.graphql(ENRICHED, { variables: { id: 'usr_enrich', first: n } });
    expect(await findCompanyCalls(atomic)).toBe(0);
  });

  it('splits into chunks only above the batch limit', async () => {
    const gw = await freshGateway({ ATOMIC_FIND_COMPANY_BATCH_LIMIT: '5' });
    await control(atomic.url, '/calls/reset', { body: {} });
    const res = await gw.graphql(ENRICHED, { variables: { id: 'usr_enrich', first: 500 } });
    const edges = res.body.data.user.transactions.edges as { node: { name: string; merchantName: string | null } }[];
    const distinct = new Set(edges.map((e) => (e.node.merchantName ?? e.node.name).trim().toLowerCase().replace(/\s+/g, ' '))).size;
    expect(distinct).toBeGreaterThan(5);
    expect(await findCompanyCalls(atomic)).toBe(Math.ceil(distinct / 5));
  });
});
