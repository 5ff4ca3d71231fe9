import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DIALECTS } from '../helpers/databases.js';
import type { TestGateway } from '../helpers/gateway.js';
import { startBankingFixture, type BankingFixture } from '../helpers/plaid.js';

// Field lists of the AtlasForge REST reference's example responses (../shared/seeds/000_*.txt).
const LINK_TOKEN_FIELDS = ['expiration', 'link_token', 'request_id'];
const LINK_FIELDS = ['accounts', 'institution', 'item_id'];
const LINKED_ACCOUNT_FIELDS = ['account_id', 'available_balance', 'current_balance', 'iso_currency_code', 'mask', 'name', 'subtype', 'type'];
const LISTED_ACCOUNT_FIELDS = ['account_id', 'available_balance', 'current_balance', 'iso_currency_code', 'name', 'subtype', 'type'];
const TRANSACTIONS_FIELDS = ['has_more', 'next_cursor', 'transactions'];
const TRANSACTION_FIELDS = ['account_id', 'amount', 'date', 'iso_currency_code', 'merchant_name', 'pending', 'personal_finance_category_primary', 'transaction_id'];

const keys = (o: object) => Object.keys(o).sort();

describe.each(DIALECTS)('AtlasForge REST banking routes (%s)', (dialect) => {
  let fixture: BankingFixture;
  let gw: TestGateway;
  const rest = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${gw.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${gw.demoKey}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  beforeAll(async () => {
    fixture = await startBankingFixture(dialect);
    ({ gw } = fixture);
  });
  afterAll(() => fixture.stop());

  it('POST /v1/link/token/create answers the reference shape', async () => {
    const res = await rest('POST', '/v1/link/token/create', { user_id: 'usr_8M2nQ' });
    expect(res.status).toBe(200);
    expect(keys(res.body)).toEqual(LINK_TOKEN_FIELDS);
    expect(res.body.link_token).toMatch(/^link-sandbox-/);
    // To the second, as in the reference ("2026-06-16T16:21:00Z").
    expect(res.body.expiration).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('POST /v1/accounts/link without an institution names Plaid\'s', async () => {
    const pt = await gw.graphql('mutation { sandboxPublicToken(institutionId: "ins_109508") { publicToken } }');
    const link = await rest('POST', '/v1/accounts/link', { public_token: pt.body.data.sandboxPublicToken.publicToken, user_id: 'usr_no_institution' });
    expect(link.status).toBe(200);
    expect(link.body.institution).toEqual({ institution_id: 'ins_109508', name: 'First Platypus Bank' });
  });

  it('POST /v1/accounts/link with a token Plaid refuses is a 400 naming public_token, and writes nothing (not even the user)', async () => {
    const pt = await gw.graphql('mutation { sandboxPublicToken(institutionId: "ins_109508") { publicToken } }');
    const token = pt.body.data.sandboxPublicToken.publicToken;
    expect((await rest('POST', '/v1/accounts/link', { public_token: token, user_id: 'usr_first_use' })).status).toBe(200);
    const users = async () => Number((await gw.orm.em.getConnection().execute('select count(*) as n from end_users'))[0]!.n);
    const before = await users();
    for (const publicToken of [token /* already exchanged */, 'public-sandbox-00000000-0000-0000-0000-000000000000']) {
      const res = await rest('POST', '/v1/accounts/link', { public_token: publicToken, user_id: 'usr_never_linked' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'public_token', upstream: { provider: 'plaid', code: 'INVALID_PUBLIC_TOKEN' } });
      expect(res.body.error.message).toMatch(/^public_token was not accepted by Plaid/);
    }
    expect(await users()).toBe(before);
  });

  it('POST /v1/accounts/link, GET /v1/accounts and GET /v1/transactions answer the reference shapes, with X-API-Key too', async () => {
    const pt = await gw.graphql('mutation { sandboxPublicToken(institutionId: "ins_109508") { publicToken } }');
    const link = await rest('POST', '/v1/accounts/link', {
      public_token: pt.body.data.sandboxPublicToken.publicToken,
      user_id: 'usr_8M2nQ',
      institution: { institution_id: 'ins_109508', name: 'Sandbox Bank' },
    });
    expect(link.status).toBe(200);
    expect(keys(link.body)).toEqual(LINK_FIELDS);
    expect(link.body.institution).toEqual({ institution_id: 'ins_109508', name: 'Sandbox Bank' });
    for (const a of link.body.accounts) expect(keys(a)).toEqual(LINKED_ACCOUNT_FIELDS);
    expect(link.body.accounts.find((a: { name: string }) => a.name === 'Plaid Checking')).toMatchObject({
      mask: '0000', type: 'depository', subtype: 'checking', current_balance: 110, available_balance: 100, iso_currency_code: 'USD',
    });

    const accounts = await rest('GET', '/v1/accounts?user_id=usr_8M2nQ', undefined, { authorization: '', 'x-api-key': gw.demoKey! });
    expect(accounts.status).toBe(200);
    expect(keys(accounts.body)).toEqual(['accounts']);
    for (const a of accounts.body.accounts) expect(keys(a)).toEqual(LISTED_ACCOUNT_FIELDS);

    const tx = await rest('GET', '/v1/transactions?user_id=usr_8M2nQ&limit=2');
    expect(tx.status).toBe(200);
    expect(keys(tx.body)).toEqual(TRANSACTIONS_FIELDS);
    expect(tx.body.transactions).toHaveLength(2);
    for (const t of tx.body.transactions) expect(keys(t)).toEqual(TRANSACTION_FIELDS);
    expect(tx.body.has_more).toBe(true);
    expect(typeof tx.body.transactions[0].amount).toBe('number');
  });

  it('resumes GET /v1/transactions from the stored position when no cursor is given, and from an explicit cursor', async () => {
    const first = await rest('GET', '/v1/transactions?user_id=usr_8M2nQ&limit=3');
    const second = await rest('GET', '/v1/transactions?user_id=usr_8M2nQ&limit=3');
    const ids = (r: typeof first) => r.body.transactions.map((t: { transaction_id: string }) => t.transaction_id);
    expect(ids(second).some((id: string) => ids(first).includes(id))).toBe(false);
    const replay = await rest('GET', `/v1/transactions?user_id=usr_8M2nQ&limit=3&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(ids(replay)).toEqual(ids(second));
  });

  it('validates input: limit above 500, a bad date, a missing user_id, a missing public_token', async () => {
    for (const [method, path, body] of [
      ['GET', '/v1/transactions?user_id=u&limit=501'],
      ['GET', '/v1/transactions?user_id=u&since=June'],
      ['GET', '/v1/transactions?user_id=u&since=2026-02-31'],
      ['GET', '/v1/accounts'],
      ['POST', '/v1/accounts/link', { user_id: 'u' }],
      ['POST', '/v1/link/token/create', {}],
    ] as const) {
      const res = await rest(method, path, body);
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({ path, status: 400, code: 'BAD_USER_INPUT' });
    }
  });

  it('requires an API key on every route', async () => {
    for (const [method, path] of [['POST', '/v1/link/token/create'], ['POST', '/v1/accounts/link'], ['GET', '/v1/accounts?user_id=u'], ['GET', '/v1/transactions?user_id=u']]) {
      const res = await fetch(`${gw.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  });
});
