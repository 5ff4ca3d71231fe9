import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PlaidItem } from '../../src/db/entities/index.js';
import { startProvidersFixture, type ProvidersFixture } from '../helpers/atomic.js';
import { allTransactions, linkUser } from '../helpers/banking.js';
import { control } from '../helpers/plaid.js';

const BOTH = `{ user(id: "usr_partial") {
  id
  accounts { name }
  transactions(first: 5) { edges { node { transactionId } } }
  paylinkAccounts { id }
} }`;

describe('a failing provider fails only its own fields', () => {
  let f: ProvidersFixture;

  beforeAll(async () => {
    f = await startProvidersFixture('sqlite');
    await linkUser(f.gw, 'usr_partial');
    await allTransactions(f.gw, 'usr_partial');
  });
  afterAll(() => f.stop());
  afterEach(async () => {
    await control(f.plaid.url, '/faults', { method: 'DELETE' });
    await control(f.atomic.url, '/faults', { method: 'DELETE' });
  });

  it('Atomic down: Plaid data is returned, and errors sit only on the Atomic paths', async () => {
    await control(f.atomic.url, '/faults', { body: { endpoint: '*', status: 503 } });
    const res = await f.gw.graphql(BOTH);
    expect(res.status).toBe(200);
    expect(res.body.data.user.accounts.length).toBeGreaterThan(0);
    expect(res.body.data.user.transactions.edges).toHaveLength(5);
    expect(res.body.data.user.paylinkAccounts).toBeNull();
    expect(res.body.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['user.paylinkAccounts']);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { provider: 'atomic', status: 503 } });
  });

  it('Plaid down for a user who must sync: Atomic data is returned, errors only on the Plaid paths', async () => {
    const em = f.gw.orm.em.fork();
    await em.nativeUpdate(PlaidItem, {}, { lastSyncedAt: null });
    await control(f.plaid.url, '/faults', { body: { endpoint: '/transactions/sync', status: 500 } });
    const res = await f.gw.graphql(BOTH);
    expect(res.status).toBe(200);
    expect(res.body.data.user.paylinkAccounts.length).toBeGreaterThan(0);
    const paths = res.body.errors.map((e: { path: string[] }) => e.path.join('.')).sort();
    expect(paths).toEqual(['user.accounts', 'user.transactions']);
    for (const e of res.body.errors) expect(e.extensions.upstream.provider).toBe('plaid');
  });
});
