import { CountryCode, Products, SandboxItemFireWebhookRequestWebhookCodeEnum, type PlaidApi } from 'plaid';
import type { RunningPlaidEmulator } from '../../../src/sandbox/plaid/index.js';
import { control, linkItem, plaidClient, plaidFailure, startEmulator, syncAll, type SpecCoverage } from './helpers/emulator.js';
import { PlaidSpec } from './helpers/spec.js';

/** The whole Item lifecycle through the official SDK, every answer validated against Plaid's spec. */
describe('Plaid emulator: SDK round trip', () => {
  let emulator: RunningPlaidEmulator;
  let client: PlaidApi;
  const coverage: SpecCoverage = new Set();

  beforeAll(async () => {
    emulator = await startEmulator();
    client = plaidClient(emulator.url, { spec: new PlaidSpec(), coverage });
  });
  afterAll(() => emulator.close());

  it('links, reads, syncs, appends, re-syncs, and removes an Item', async () => {
    const link = await client.linkTokenCreate({
      client_name: 'AtlasForge',
      language: 'en',
      country_codes: [CountryCode.Us],
      user: { client_user_id: 'user-1' },
      products: [Products.Transactions],
      webhook: 'http://127.0.0.1:9/hooks/plaid',
    });
    expect(link.data.link_token).toMatch(/^link-sandbox-[0-9a-f-]{36}$/);
    const expiresIn = Date.parse(link.data.expiration) - Date.now();
    expect(expiresIn).toBeGreaterThan(3.9 * 3_600_000);
    expect(expiresIn).toBeLessThanOrEqual(4 * 3_600_000);

    const publicToken = await client.sandboxPublicTokenCreate({
      institution_id: 'ins_109508',
      initial_products: [Products.Transactions],
      options: { webhook: 'http://127.0.0.1:9/hooks/plaid' },
    });
    expect(publicToken.data.public_token).toMatch(/^public-sandbox-[0-9a-f-]{36}$/);
    const exchange = await client.itemPublicTokenExchange({ public_token: publicToken.data.public_token });
    const accessToken = exchange.data.access_token;
    expect(accessToken).toMatch(/^access-sandbox-[0-9a-f-]{36}$/);
    expect(exchange.data.item_id).toMatch(/^[0-9A-Za-z]{37}$/);

    const item = await client.itemGet({ access_token: accessToken });
    expect(item.data.item).toMatchObject({
      item_id: exchange.data.item_id,
      institution_id: 'ins_109508',
      institution_name: 'First Platypus Bank',
      webhook: 'http://127.0.0.1:9/hooks/plaid',
      billed_products: ['transactions'],
      error: null,
    });

    const accounts = await client.accountsGet({ access_token: accessToken });
    expect(accounts.data.accounts.map((a) => [a.name, a.mask, a.type, a.subtype, a.balances.current, a.balances.available])).toEqual([
      ['Plaid Checking', '0000', 'depository', 'checking', 110, 100],
      ['Plaid Saving', '1111', 'depository', 'savings', 210, 200],
      ['Plaid CD', '2222', 'depository', 'cd', 1000, null],
      ['Plaid Credit Card', '3333', 'credit', 'credit card', 410, null],
      ['Plaid Money Market', '4444', 'depository', 'money market', 43200, 43200],
    ]);
    expect(accounts.data.accounts.find((a) => a.mask === '3333')?.balances.limit).toBe(2000);
    expect(accounts.data.accounts.every((a) => a.balances.iso_currency_code === 'USD' && /^[0-9A-Za-z]{37}$/.test(a.account_id))).toBe(true);

    const balances = await client.accountsBalanceGet({ access_token: accessToken });
    expect(balances.data.accounts.map((a) => [a.account_id, a.balances.current, a.balances.available])).toEqual(
      accounts.data.accounts.map((a) => [a.account_id, a.balances.current, a.balances.available]),
    );
    const subset = await client.accountsGet({ access_token: accessToken, options: { account_ids: [accounts.data.accounts[0]!.account_id] } });
    expect(subset.data.accounts).toHaveLength(1);

    // Full history, in big and in small pages: the same rows, each exactly once.
    const big = await syncAll(client, accessToken, 500);
    const small = await syncAll(client, accessToken, 37);
    expect(big.pages).toBeGreaterThan(1);
    expect(small.pages).toBe(Math.ceil(small.added.length / 37));
    expect(big.modified).toEqual([]);
    expect(big.removed).toEqual([]);
    const ids = big.added.map((t) => t.transaction_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(small.added).toEqual(big.added);
    expect(big.added.length).toBeGreaterThan(500);
    const pending = big.added.filter((t) => t.pending);
    expect(pending.length).toBeGreaterThan(0);
    const checking = accounts.data.accounts[0]!.account_id;

    // Nothing new: an incremental sync is empty and returns the same position.
    const idle = await client.transactionsSync({ access_token: accessToken, cursor: big.cursor });
    expect(idle.data).toMatchObject({ added: [], modified: [], removed: [], has_more: false, next_cursor: big.cursor });

    await client.sandboxTransactionsCreate({
      access_token: accessToken,
      transactions: [
        { amount: 12.34, date_transacted: '2025-01-02', date_posted: '2025-01-03', description: 'Corner Bakery', iso_currency_code: 'USD' },
        { amount: -250, date_transacted: '2025-01-02', date_posted: '2025-01-02', description: 'Refund from ACME' },
      ],
    });

    const update = await syncAll(client, accessToken, 100, big.cursor);
    // Pending transactions post: the pending one is removed, a posted one points back at it.
    expect(update.removed.map((r) => r.transaction_id).sort()).toEqual(pending.map((t) => t.transaction_id).sort());
    const posted = update.added.filter((t) => t.pending_transaction_id !== null);
    expect(posted.map((t) => t.pending_transaction_id).sort()).toEqual(pending.map((t) => t.transaction_id).sort());
    expect(posted.every((t) => !t.pending)).toBe(true);
    const custom = update.added.filter((t) => t.pending_transaction_id === null);
    expect(custom.map((t) => [t.name, t.amount, t.date, t.authorized_date, t.account_id])).toEqual([
      ['Corner Bakery', 12.34, '2025-01-03', '2025-01-02', checking],
      ['Refund from ACME', -250, '2025-01-02', '2025-01-02', checking],
    ]);
    expect(update.modified).toHaveLength(1);
    const before = big.added.find((t) => t.transaction_id === update.modified[0]!.transaction_id)!;
    expect(update.modified[0]!.name).toBe(before.merchant_name);
    expect(before.name).not.toBe(before.merchant_name);

    // A fresh full sync now sees the current state: no removed pending rows, the posted ones instead.
    const fresh = await syncAll(client, accessToken, 500);
    expect(fresh.added).toHaveLength(big.added.length + custom.length);
    expect(fresh.added.some((t) => t.pending)).toBe(false);

    const recurring = await client.transactionsRecurringGet({ access_token: accessToken });
    const merchants = recurring.data.outflow_streams.map((s) => s.merchant_name);
    expect(merchants).toEqual(expect.arrayContaining(['Netflix', 'Hulu', 'Spotify', 'Amazon Prime']));
    const payroll = recurring.data.inflow_streams.find((s) => s.frequency === 'BIWEEKLY');
    expect(payroll?.average_amount.amount).toBeLessThan(0);
    const netflix = recurring.data.outflow_streams.find((s) => s.merchant_name === 'Netflix')!;
    expect(netflix).toMatchObject({ frequency: 'MONTHLY', status: 'MATURE', is_active: true });
    expect(netflix.transaction_ids.length).toBeGreaterThanOrEqual(23);

    await client.itemRemove({ access_token: accessToken });
    const gone = await plaidFailure(client.accountsGet({ access_token: accessToken }));
    expect(gone.status).toBe(400);
    expect(gone.data).toMatchObject({ error_type: 'INVALID_INPUT', error_code: 'INVALID_ACCESS_TOKEN' });
  });

  it('links every listed institution, and names it', async () => {
    const institutions = {
      ins_109508: 'First Platypus Bank',
      ins_109509: 'First Gingham Credit Union',
      ins_109510: 'Tattersall Federal Credit Union',
      ins_109511: 'Tartan Bank',
      ins_109512: 'Houndstooth Bank',
      ins_43: 'Chase',
      ins_56: 'Chase',
      ins_127989: 'Bank of America',
    };
    for (const [id, name] of Object.entries(institutions)) {
      const { accessToken } = await linkItem(client, { institution_id: id });
      const item = await client.itemGet({ access_token: accessToken });
      expect(item.data.item.institution_name).toBe(name);
    }
  });

  it('fires a webhook at an unreachable receiver without failing the call (best effort)', async () => {
    const { accessToken } = await linkItem(client, { options: { webhook: 'http://127.0.0.1:9/unreachable' } });
    const fired = await client.sandboxItemFireWebhook({
      access_token: accessToken,
      webhook_code: SandboxItemFireWebhookRequestWebhookCodeEnum.SyncUpdatesAvailable,
    });
    expect(fired.data.webhook_fired).toBe(true);
    type Delivery = { url: string; status: number | null; error?: string };
    let delivery: Delivery | undefined;
    for (let i = 0; i < 100 && !delivery; i++) {
      const deliveries = (await control(emulator.url, 'GET', '/webhooks')).body as Delivery[];
      delivery = deliveries.find((d) => d.url === 'http://127.0.0.1:9/unreachable');
      if (!delivery) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(delivery).toMatchObject({ status: null });
    expect(delivery?.error).toBeTruthy();
  });

  it('validated a success body for every endpoint it serves', () => {
    const endpoints = [
      '/link/token/create',
      '/sandbox/public_token/create',
      '/item/public_token/exchange',
      '/item/get',
      '/item/remove',
      '/accounts/get',
      '/accounts/balance/get',
      '/transactions/sync',
      '/transactions/recurring/get',
      '/sandbox/item/fire_webhook',
      '/sandbox/transactions/create',
    ];
    for (const endpoint of endpoints) expect(coverage).toContain(`${endpoint} 200`);
  });
});
