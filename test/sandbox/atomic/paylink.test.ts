import type { RunningAtomicEmulator } from '../../../src/sandbox/atomic/index.js';
import { SUBSCRIPTIONS } from '../../../src/sandbox/plaid/generator/catalog.js';
import { atomicClient, example, PRESIGNED_PLACEHOLDER, REFERENCE_USER, startEmulator } from './helpers/emulator.js';
import type { AtomicApi } from './helpers/emulator.js';

type Json = Record<string, unknown>;
interface Action {
  type: string;
  id: string;
  actionId?: string;
  automated: boolean;
}
interface Account extends Json {
  _id: string;
  connectionStatus: string;
  company: { _id: string; name: string };
  actions: Action[];
  bills: Array<Json & { _id: string; actions: Action[] }>;
}

/**
 * The served account in the example's exact form: the example's action ids are the placeholder
 * "BASE64_ENCODED_ID" and it has no `actionId`/`lastSyncedAt` (the reference's field list names).
 */
function asExample(account: Account): Json {
  const copy = structuredClone(account);
  expect(copy.lastSyncedAt).toBe(copy.lastSynedAt);
  delete copy.lastSyncedAt;
  const placeholder = (action: Action, billId?: string) => {
    expect(action.actionId).toBe(action.id);
    expect(Buffer.from(action.id, 'base64').toString()).toBe(`${account._id}:${billId ?? ''}:${action.type}`);
    delete action.actionId;
    action.id = 'BASE64_ENCODED_ID';
  };
  copy.actions.forEach((a) => placeholder(a));
  copy.bills.forEach((b) => b.actions.forEach((a) => placeholder(a, b._id)));
  return copy;
}

describe('Atomic emulator: companies and PayLink', () => {
  let emulator: RunningAtomicEmulator;
  let api: AtomicApi;

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => new Date('2025-03-03T10:00:00.000Z') });
    api = atomicClient(emulator.url);
  });
  afterAll(() => emulator.close());

  const publicToken = async (identifier: string) =>
    ((await api.post('access-token', { json: { identifier } })).body as { data: { publicToken: string } }).data.publicToken;

  describe('company search', () => {
    it('returns the UserLink example company exactly', async () => {
      const response = await api.post('company/search', { json: { query: 'DoorDash' } });
      expect(response.statusCode).toBe(200);
      const expected = example<{ data: Json[] }>('userlink.companySearch');
      expect((response.body as { data: Json[] }).data[0]).toEqual(expected.data[0]);
    });

    it('works with a public token too, and fuzzy-matches names', async () => {
      const user = atomicClient(emulator.url, { 'x-public-token': await publicToken('searcher') });
      const names = async (query: string, extra: Json = {}) =>
        ((await user.post('company/search', { json: { query, ...extra } })).body as { data: Array<{ name: string }> }).data.map((c) => c.name);
      expect((await names('netflix'))[0]).toBe('Netflix');
      expect((await names('Netflx'))[0]).toBe('Netflix');
      expect(await names('hul')).toContain('Hulu');
      expect(await names('home depot')).toEqual(['The Home Depot']);
      expect(await names('zzzzzz')).toEqual([]);
    });

    it('filters by product, products, tags and excludedTags', async () => {
      const search = async (json: Json) =>
        ((await api.post('company/search', { json })).body as {
          data: Array<{ name: string; tags: string[]; connector: { availableProducts: string[] } }>;
        }).data;
      const verify = await search({ product: 'verify' });
      expect(verify.length).toBeGreaterThan(3);
      expect(verify.every((c) => c.connector.availableProducts.includes('verify'))).toBe(true);
      const both = await search({ products: ['deposit', 'earn'] });
      expect(both.every((c) => c.connector.availableProducts.includes('deposit') && c.connector.availableProducts.includes('earn'))).toBe(true);
      expect(both.map((c) => c.name)).toContain('Uber');
      const gig = await search({ tags: ['gig-economy'] });
      expect(gig.map((c) => c.name).sort()).toEqual(['DoorDash', 'Instacart', 'Uber']);
      const noGig = await search({ query: 'a', excludedTags: ['gig-economy'] });
      expect(noGig.some((c) => c.tags.includes('gig-economy'))).toBe(false);
      const paylink = await search({ product: 'present' });
      expect(paylink.map((c) => c.name)).toEqual(expect.arrayContaining(['Netflix', 'Hulu', 'Spotify', 'Amazon']));
      const bad = await api.post('company/search', { json: { product: 'lending' } });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toEqual({ message: expect.stringMatching(/product/), statusCode: 422 });
    });
  });

  describe('accounts', () => {
    it('serves the reference user the example account (Get Accounts and Get Account)', async () => {
      const list = await api.get('pay-link/accounts', { searchParams: { identifier: REFERENCE_USER } });
      expect(list.statusCode).toBe(200);
      const accounts = (list.body as { accounts: Account[] }).accounts;
      expect(Object.keys(list.body as Json)).toEqual(['accounts']);
      expect(accounts.map(asExample)).toEqual(example<{ accounts: Json[] }>('paylink.getAccounts').accounts);

      const one = await api.get(`pay-link/accounts/${accounts[0]!._id}`);
      expect(one.statusCode).toBe(200);
      expect(Object.keys(one.body as Json)).toEqual(['account']);
      expect(asExample((one.body as { account: Account }).account)).toEqual(example<{ account: Json }>('paylink.getAccount').account);
    });

    it('gives any identifier its own connected accounts with bills due in the next 1-5 weeks', async () => {
      const accounts = ((await api.get('pay-link/accounts', { searchParams: { identifier: 'user-42' } })).body as { accounts: Account[] })
        .accounts;
      const names = accounts.map((a) => a.company.name);
      expect(names).toEqual(expect.arrayContaining(['Netflix', 'Hulu', 'Spotify', 'Amazon']));
      expect(names.some((n) => ['Verizon Wireless', 'T-Mobile', 'AT&T'].includes(n))).toBe(true);
      expect(names.some((n) => ['PG&E', 'Con Edison', 'Duke Energy'].includes(n))).toBe(true);
      const now = Date.parse('2025-03-03T10:00:00.000Z');
      for (const account of accounts) {
        expect(account.connectionStatus).toBe('connected');
        for (const bill of account.bills) {
          const days = (Date.parse(bill.dueDate as string) - now) / 86_400_000;
          expect(days).toBeGreaterThan(6);
          expect(days).toBeLessThan(36);
          expect(bill.amount).toEqual(expect.any(Number));
          expect(bill.billingCycle).toBe('monthly');
        }
      }
      // The same prices the Plaid emulator charges for these subscriptions.
      const amount = (name: string) => accounts.find((a) => a.company.name === name)?.bills[0]?.amount;
      for (const sub of SUBSCRIPTIONS) expect(amount(sub.merchant === 'Amazon Prime' ? 'Amazon' : sub.merchant)).toBe(sub.amount);
      expect(accounts.find((a) => a.company.name === 'Amazon')?.bills[0]).toMatchObject({ name: 'Amazon Prime' });
      expect(accounts.find((a) => a.company.name === 'Amazon')?.bills[0]).not.toHaveProperty('company');
    });

    it('answers 422 without an identifier and 404 for unknown ids', async () => {
      const missing = await api.get('pay-link/accounts');
      expect(missing.statusCode).toBe(422);
      expect(missing.body).toEqual({ message: 'identifier is required (query string parameter).', statusCode: 422 });
      const unknown = await api.get('pay-link/accounts/000000000000000000000000');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toEqual({ message: 'Account not found.', statusCode: 404 });
      expect((await api.delete('pay-link/accounts/000000000000000000000000')).statusCode).toBe(404);
    });

    it('deletes all of a user\'s accounts at the reference\'s own spelling, DELETE /pay-link/accounts/', async () => {
      const identifier = 'user-deleting-slash';
      expect(((await api.get('pay-link/accounts', { searchParams: { identifier } })).body as { accounts: Account[] }).accounts.length).toBeGreaterThan(0);
      const all = await api.delete('pay-link/accounts/', { searchParams: { identifier } });
      expect(all.statusCode).toBe(200);
      expect(all.body).toEqual({ result: { success: true } });
      expect((await api.get('pay-link/accounts', { searchParams: { identifier } })).body).toEqual({ accounts: [] });
    });

    it('deletes one account, then all of a user\'s accounts', async () => {
      const identifier = 'user-deleting';
      const before = ((await api.get('pay-link/accounts', { searchParams: { identifier } })).body as { accounts: Account[] }).accounts;
      const victim = before[0]!;
      const deleted = await api.delete(`pay-link/accounts/${victim._id}`);
      expect(deleted.statusCode).toBe(200);
      expect(deleted.body).toEqual({ result: { success: true } });
      expect((await api.get(`pay-link/accounts/${victim._id}`)).statusCode).toBe(404);
      const after = ((await api.get('pay-link/accounts', { searchParams: { identifier } })).body as { accounts: Account[] }).accounts;
      expect(after.map((a) => a._id)).toEqual(before.slice(1).map((a) => a._id));

      const all = await api.delete('pay-link/accounts', { searchParams: { identifier } });
      expect(all.statusCode).toBe(200);
      expect(all.body).toEqual({ result: { success: true } });
      expect((await api.get('pay-link/accounts', { searchParams: { identifier } })).body).toEqual({ accounts: [] });
      expect((await api.delete('pay-link/accounts')).statusCode).toBe(422);
    });

    it('detects recurring expenses: new accounts in the initial state, or attached to existing ones', async () => {
      const tx = (identifier: string, date: string, description: string, amount: number) => ({ identifier, date, description, amount });
      const financialTransactions = [
        tx('t1', '2025-01-05', 'NETFLIX.COM', 15.49),
        tx('t2', '2025-02-05', 'NETFLIX.COM', 15.49),
        tx('t3', '2025-01-12', 'POS Transaction Hulu HLUHULUPLUS SANTA MONICA CAUS', 7.99),
        tx('t4', '2025-02-12', 'HULU 877-8244858', 7.99),
        tx('t5', '2025-02-14', 'SPOTIFY USA', 11.99),
        tx('t6', '2025-02-14', 'TRADER JOE S #552', 64.18),
        tx('t7', '2025-02-15', 'TRADER JOE S #552', 22.1),
      ];
      const response = await api.post('pay-link/accounts', { json: { identifier: REFERENCE_USER, financialTransactions } });
      expect(response.statusCode).toBe(200);
      const detected = (response.body as { accounts: Account[] }).accounts;
      expect(detected.map((a) => a.company.name).sort()).toEqual(['Hulu', 'Netflix']);
      for (const account of detected) {
        expect(account).toMatchObject({ processing: false, connectionStatus: 'initial', actions: [], bills: [] });
        expect(account.recurringFinancialTransaction).toMatchObject({ name: account.company.name, type: 'outgoing', category: 'subscription' });
      }
      const netflix = detected.find((a) => a.company.name === 'Netflix')!;
      expect((netflix.recurringFinancialTransaction as { financialTransactions: Json[] }).financialTransactions).toEqual([
        financialTransactions[0],
        financialTransactions[1],
      ]);
      // They are the user's accounts from now on; detecting again does not duplicate them.
      const list = ((await api.get('pay-link/accounts', { searchParams: { identifier: REFERENCE_USER } })).body as { accounts: Account[] })
        .accounts;
      expect(list.map((a) => a.company.name)).toEqual(['Amazon', 'Netflix', 'Hulu']);
      const again = (await api.post('pay-link/accounts', { json: { identifier: REFERENCE_USER, financialTransactions } })).body as {
        accounts: Account[];
      };
      expect(again.accounts.map((a) => a._id).sort()).toEqual(detected.map((a) => a._id).sort());

      // A generated user already has a connected Netflix account: the expense is attached to it.
      const generated = (await api.post('pay-link/accounts', {
        searchParams: { identifier: 'user-detect' },
        json: { financialTransactions: financialTransactions.slice(0, 2) },
      })).body as { accounts: Account[] };
      expect(generated.accounts).toHaveLength(1);
      expect(generated.accounts[0]).toMatchObject({ connectionStatus: 'connected', company: { name: 'Netflix' } });
      expect(generated.accounts[0]!.recurringFinancialTransaction).toBeDefined();

      const invalid = await api.post('pay-link/accounts', {
        json: { identifier: 'u', financialTransactions: [{ identifier: 'x', description: 'NETFLIX', amount: 1 }] },
      });
      expect(invalid.statusCode).toBe(422);
      expect((invalid.body as { message: string }).message).toMatch(/financialTransactions\[0\]\.date/);
    });
  });

  describe('action history', () => {
    it('lists automated actions of an account, for the backend or the account owner\'s public token', async () => {
      const accountId = '67376c5befe988922e8aabc4';
      const response = await api.get('pay-link/action-history', { searchParams: { accountId } });
      expect(response.statusCode).toBe(200);
      const entries = (response.body as { data: Json[] }).data;
      expect(entries).toEqual([
        {
          _id: expect.stringMatching(/^[0-9a-f]{24}$/),
          type: 'refresh',
          status: 'completed',
          accountId,
          actionId: Buffer.from(`${accountId}::refresh`).toString('base64'),
          automated: true,
          taskId: expect.stringMatching(/^[0-9a-f]{24}$/),
          createdAt: '2024-10-20T17:59:31.204Z',
          updatedAt: '2024-10-20T18:00:54.761Z',
        },
      ]);
      // The task behind the action exists.
      expect((await api.get(`task/${entries[0]!.taskId as string}/details`)).statusCode).toBe(200);

      const owner = atomicClient(emulator.url, { 'x-public-token': await publicToken(REFERENCE_USER) });
      expect((await owner.get('pay-link/action-history', { searchParams: { accountId } })).body).toEqual(response.body);
      const stranger = atomicClient(emulator.url, { 'x-public-token': await publicToken('someone-else') });
      expect((await stranger.get('pay-link/action-history', { searchParams: { accountId } })).statusCode).toBe(404);
      expect((await api.get('pay-link/action-history')).statusCode).toBe(422);
      expect((await atomicClient(emulator.url, {}).get('pay-link/action-history', { searchParams: { accountId } })).statusCode).toBe(401);
    });
  });

  describe('find-company', () => {
    it('answers the reference example exactly (logo urls aside)', async () => {
      const expected = example<{ data: { financialTransactions: Array<Json & { company: Json }> } }>('paylink.findCompany');
      const financialTransactions = expected.data.financialTransactions.map(({ identifier, description }) => ({ identifier, description }));
      const response = await api.post('pay-link/financial-transactions/find-company', { json: { financialTransactions } });
      expect(response.statusCode).toBe(200);
      const served = (response.body as { data: { financialTransactions: Array<Json & { company: Json & { branding: { logo: Json } } }> } })
        .data.financialTransactions;
      const comparable = served.map((t) => {
        const { tags, products, ...company } = t.company;
        expect(tags).toEqual([]);
        expect(products).toEqual(['present', 'switch']);
        expect(company.branding.logo.url).toMatch(/^https:\/\/cdn-public\.atomicfi\.com\//);
        company.branding.logo.url = PRESIGNED_PLACEHOLDER;
        return { ...t, company };
      });
      expect(comparable).toEqual(expected.data.financialTransactions);
    });

    it('recognises the Plaid emulator\'s merchants and common descriptors; unknown ones come back without a company', async () => {
      const descriptions = [
        ...SUBSCRIPTIONS.map((s) => s.descriptor),
        ...SUBSCRIPTIONS.map((s) => s.merchant),
        'NETFLIX.COM',
        'SPOTIFY USA',
        'VERIZON WIRELESS PAYMENTS',
        'PGANDE WEB ONLINE',
        'COMCAST CABLE COMM',
        'AMZN Mktp US*2K4RT5',
        'TRADER JOE S #552',
        'STARBUCKS STORE 05921',
      ];
      const financialTransactions = descriptions.map((description, i) => ({ identifier: `tx-${i}`, description }));
      const served = ((await api.post('pay-link/financial-transactions/find-company', { json: { financialTransactions } })).body as {
        data: { financialTransactions: Array<{ identifier: string; description: string; company?: { name: string } }> };
      }).data.financialTransactions;
      const byDescription = Object.fromEntries(served.map((t) => [t.description, t.company?.name]));
      expect(served.map((t) => t.identifier)).toEqual(financialTransactions.map((t) => t.identifier));
      for (const sub of SUBSCRIPTIONS) {
        const company = sub.merchant === 'Amazon Prime' ? 'Amazon' : sub.merchant;
        expect(byDescription[sub.descriptor]).toBe(company);
        expect(byDescription[sub.merchant]).toBe(company);
      }
      expect(byDescription['VERIZON WIRELESS PAYMENTS']).toBe('Verizon Wireless');
      expect(byDescription['PGANDE WEB ONLINE']).toBe('PG&E');
      expect(byDescription['COMCAST CABLE COMM']).toBe('Xfinity');
      expect(byDescription['AMZN Mktp US*2K4RT5']).toBe('Amazon');
      const unknown = served.find((t) => t.description === 'TRADER JOE S #552')!;
      expect(unknown).toEqual({ identifier: unknown.identifier, description: 'TRADER JOE S #552' });
      expect(served.find((t) => t.description === 'STARBUCKS STORE 05921')).not.toHaveProperty('company');
    });

    it('takes up to 1000 transactions a call; more, none, or malformed ones are 422', async () => {
      const batch = (n: number) => Array.from({ length: n }, (_, i) => ({ identifier: `t${i}`, description: i % 2 ? 'NETFLIX.COM' : 'HULU' }));
      const full = await api.post('pay-link/financial-transactions/find-company', { json: { financialTransactions: batch(1000) } });
      expect(full.statusCode).toBe(200);
      expect((full.body as { data: { financialTransactions: unknown[] } }).data.financialTransactions).toHaveLength(1000);
      const over = await api.post('pay-link/financial-transactions/find-company', { json: { financialTransactions: batch(1001) } });
      expect(over.statusCode).toBe(422);
      expect(over.body).toEqual({
        message: 'financialTransactions can hold at most 1000 transactions per request (got 1001).',
        statusCode: 422,
      });
      for (const json of [{}, { financialTransactions: [] }, { financialTransactions: [{ identifier: 'x' }] }, { financialTransactions: 'NETFLIX' }]) {
        expect((await api.post('pay-link/financial-transactions/find-company', { json })).statusCode).toBe(422);
      }
    });
  });

  it('records suggestion reviews (only not-interested)', async () => {
    const ok = await api.post('pay-link/suggestion-review', { json: { identifier: 'user-42', suggestionId: 'sugg-1', rating: 'not-interested' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toEqual({ success: true });
    expect((await api.post('pay-link/suggestion-review', { json: { suggestionId: 'sugg-1', rating: 'love-it' } })).statusCode).toBe(422);
    expect((await api.post('pay-link/suggestion-review', { json: { rating: 'not-interested' } })).statusCode).toBe(422);
  });
});
