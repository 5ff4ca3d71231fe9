import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningPlaidEmulator } from '../../src/sandbox/plaid/index.js';
import { accessTokenOf, allTransactions, linkUser, TRANSACTIONS } from '../helpers/banking.js';
import { DIALECTS } from '../helpers/databases.js';
import type { TestGateway } from '../helpers/gateway.js';
import { control, plaidSdk, startBankingFixture, type BankingFixture } from '../helpers/plaid.js';

describe.each(DIALECTS)('banking over Plaid: link, accounts, transactions (%s)', (dialect) => {
  let fixture: BankingFixture;
  let plaid: RunningPlaidEmulator;
  let gw: TestGateway;
  let linked: Awaited<ReturnType<typeof linkUser>>;

  beforeAll(async () => {
    fixture = await startBankingFixture(dialect);
    ({ plaid, gw } = fixture);
    linked = await linkUser(gw, 'usr_8M2nQ');
  });
  afterAll(() => fixture.stop());

  it('creates a Plaid link token for a user', async () => {
    const res = await gw.graphql('mutation { createLinkToken(userId: "usr_8M2nQ") { linkToken expiration requestId } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createLinkToken).toEqual({
      linkToken: expect.stringMatching(/^link-sandbox-/),
      expiration: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      requestId: expect.any(String),
    });
  });

  it('links accounts and returns them with balances (Plaid sandbox values, in dollars)', () => {
    expect(linked.itemId).toEqual(expect.any(String));
    const checking = linked.accounts.find((a) => a.name === 'Plaid Checking');
    expect(checking).toEqual({
      accountId: expect.any(String),
      name: 'Plaid Checking',
      mask: '0000',
      type: 'depository',
      subtype: 'checking',
      currentBalance: 110,
      availableBalance: 100,
      isoCurrencyCode: 'USD',
      institution: { institutionId: 'ins_109508', name: 'First Platypus Bank' },
    });
  });

  it('lists the user’s accounts across items', async () => {
    await linkUser(gw, 'usr_two_items');
    await linkUser(gw, 'usr_two_items', undefined, 'ins_109509');
    const res = await gw.graphql('{ user(id: "usr_two_items") { id accounts { accountId name institution { institutionId } } } }');
    const accounts = res.body.data.user.accounts as { institution: { institutionId: string } }[];
    expect(new Set(accounts.map((a) => a.institution.institutionId))).toEqual(new Set(['ins_109508', 'ins_109509']));
  });

  it('serves every transaction Plaid has for the item exactly once, newest first', async () => {
    const fromPlaid = new Set<string>();
    const token = await accessTokenOf(gw, linked.itemId);
    const sdk = plaidSdk(plaid.url);
    let cursor: string | undefined;
    for (;;) {
      const page = (await sdk.transactionsSync({ access_token: token, count: 500, ...(cursor ? { cursor } : {}) })).data;
      for (const t of page.added) fromPlaid.add(t.transaction_id);
      cursor = page.next_cursor;
      if (!page.has_more) break;
    }
    const shown = await allTransactions(gw, 'usr_8M2nQ');
    expect(shown.length).toBe(fromPlaid.size);
    expect(new Set(shown.map((t) => t.transactionId))).toEqual(fromPlaid);
    const res = await gw.graphql(TRANSACTIONS, { variables: { id: 'usr_8M2nQ', first: 50 } });
    const dates = res.body.data.user.transactions.edges.map((e: { node: { date: string } }) => e.node.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('pages with first/after without overlap, filters by since, and resolves each transaction’s account', async () => {
    const p1 = await gw.graphql(TRANSACTIONS, { variables: { id: 'usr_8M2nQ', first: 10 } });
    const c1 = p1.body.data.user.transactions;
    expect(c1.edges).toHaveLength(10);
    expect(c1.pageInfo.hasNextPage).toBe(true);
    const p2 = await gw.graphql(TRANSACTIONS, { variables: { id: 'usr_8M2nQ', first: 10, after: c1.pageInfo.endCursor } });
    const ids1 = new Set(c1.edges.map((e: { node: { transactionId: string } }) => e.node.transactionId));
    for (const e of p2.body.data.user.transactions.edges) expect(ids1.has(e.node.transactionId)).toBe(false);
    const since = c1.edges[9].node.date;
    const recent = await gw.graphql(TRANSACTIONS, { variables: { id: 'usr_8M2nQ', first: 500, since } });
    for (const e of recent.body.data.user.transactions.edges) expect(e.node.date >= since).toBe(true);
    expect(c1.edges[0].node.account).toEqual({ accountId: expect.any(String), name: expect.stringMatching(/^Plaid /) });
  });

  it('refuses first above 500 and a garbled cursor with BAD_USER_INPUT', async () => {
    const tooMany = await gw.graphql(TRANSACTIONS, { variables: { id: 'usr_8M2nQ', first: 501 } });
    expect(tooMany.body.errors[0]).toMatchObject({ path: ['user', 'transactions'], extensions: { code: 'BAD_USER_INPUT' } });
    // A field error: the field is null (it is nullable so one failure never blanks the whole user).
    expect(tooMany.body.data.user.transactions).toBeNull();
    const garbled = await gw.graphql(TRANSACTIONS, { variables: { id: 'usr_8M2nQ', first: 5, after: 'nope' } });
    expect(garbled.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('shows an unknown user as empty, without creating it', async () => {
    const res = await gw.graphql('{ user(id: "never-linked") { id accounts { accountId } transactions { edges { cursor } } } }');
    expect(res.body.data.user).toEqual({ id: 'never-linked', accounts: [], transactions: { edges: [] } });
    const rows = await gw.orm.em.getConnection().execute(`select count(*) as n from end_users where external_user_id = 'never-linked'`);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('answers a public token Plaid refuses as BAD_USER_INPUT (the caller’s mistake), with Plaid’s status and code', async () => {
    const res = await gw.graphql('mutation { linkAccounts(input: { publicToken: "public-sandbox-bogus", userId: "u-err" }) { itemId } }');
    expect(res.body.errors[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'publicToken', upstream: { provider: 'plaid', status: 400, code: 'INVALID_PUBLIC_TOKEN' } },
    });
  });

  it('maps any other Plaid error to UPSTREAM_ERROR with the provider’s status and code', async () => {
    const pt = (await gw.graphql('mutation { sandboxPublicToken(institutionId: "ins_109508") { publicToken } }')).body.data.sandboxPublicToken.publicToken;
    await control(plaid.url, '/faults', { body: { endpoint: '/accounts/get', plaidErrorCode: 'INSTITUTION_DOWN', times: 1 } });
    const res = await gw.graphql(`mutation { linkAccounts(input: { publicToken: "${pt}", userId: "u-err" }) { itemId } }`);
    await control(plaid.url, '/faults', { method: 'DELETE' });
    expect(res.body.errors[0]).toMatchObject({
      extensions: { code: 'UPSTREAM_ERROR', upstream: { provider: 'plaid', status: 400, code: 'INSTITUTION_DOWN' } },
    });
  });

  it('retries an idempotent call after a 5xx from Plaid', async () => {
    await control(plaid.url, '/calls/reset', { body: {} });
    await control(plaid.url, '/faults', { body: { endpoint: '/link/token/create', status: 500, times: 1 } });
    const res = await gw.graphql('mutation { createLinkToken(userId: "usr_retry") { linkToken } }');
    expect(res.body.data.createLinkToken.linkToken).toMatch(/^link-sandbox-/);
    const calls = (await control(plaid.url, '/calls')) as Record<string, number>;
    expect(calls['/link/token/create']).toBe(2);
    await control(plaid.url, '/faults', { method: 'DELETE' });
  });

  it('stores access tokens encrypted, and never logs them or the Plaid secret', async () => {
    const token = await accessTokenOf(gw, linked.itemId);
    expect(token).toMatch(/^access-sandbox-/);
    const rows = await gw.orm.em.getConnection().execute('select * from plaid_items');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('access-sandbox');
    expect(gw.rawLogs()).not.toContain(token);
    expect(gw.rawLogs()).not.toContain(gw.config.upstreams.sandbox.plaid.secret!);
  });

  it('records one account_link event per link and one transaction event per surfaced transaction, never twice', async () => {
    const conn = gw.orm.em.getConnection();
    const count = async (type: string) =>
      Number((await conn.execute(`select count(*) as n from usage_events where event_type = '${type}' and user_id = 'usr_8M2nQ'`))[0]!.n);
    expect(await count('account_link')).toBe(1);
    const shown = (await allTransactions(gw, 'usr_8M2nQ')).length;
    expect(await count('transaction')).toBe(shown);
    await allTransactions(gw, 'usr_8M2nQ');
    expect(await count('transaction')).toBe(shown);
  });
});
