import type { PlaidApi } from 'plaid';
import type { RunningPlaidEmulator } from '../../../src/sandbox/plaid/index.js';
import { control, linkItem, plaidClient, plaidFailure, startEmulator, syncAll } from './helpers/emulator.js';
import { PlaidSpec } from './helpers/spec.js';

const append = (client: PlaidApi, accessToken: string, description = 'Late coffee') =>
  client.sandboxTransactionsCreate({
    access_token: accessToken,
    transactions: [{ amount: 4.5, date_transacted: '2025-02-01', date_posted: '2025-02-01', description }],
  });

describe('Plaid emulator: /transactions/sync cursors and pagination', () => {
  let emulator: RunningPlaidEmulator;
  let client: PlaidApi;

  beforeAll(async () => {
    emulator = await startEmulator();
    client = plaidClient(emulator.url, { spec: new PlaidSpec() });
  });
  afterAll(() => emulator.close());
  afterEach(() => control(emulator.url, 'DELETE', '/faults'));

  it('fails the next page when data changes mid-run, and a restart from the run’s first cursor completes', async () => {
    const { accessToken } = await linkItem(client);
    const page1 = await client.transactionsSync({ access_token: accessToken, count: 50 });
    expect(page1.data.has_more).toBe(true);
    const page2 = await client.transactionsSync({ access_token: accessToken, count: 50, cursor: page1.data.next_cursor });
    expect(page2.data.has_more).toBe(true);

    await append(client, accessToken);
    const failure = await plaidFailure(
      client.transactionsSync({ access_token: accessToken, count: 50, cursor: page2.data.next_cursor }),
    );
    expect(failure.status).toBe(400);
    expect(failure.data).toMatchObject({
      error_type: 'TRANSACTIONS_ERROR',
      error_code: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
    });

    // The run started with no cursor; restarting from there sees the current state, each row once.
    const restarted = await syncAll(client, accessToken, 50);
    const ids = restarted.added.map((t) => t.transaction_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(restarted.removed).toEqual([]);
    expect(restarted.modified).toEqual([]);
    expect(restarted.added.filter((t) => t.name === 'Late coffee')).toHaveLength(1);
    expect(restarted.added.some((t) => t.pending)).toBe(false);
    const reference = await syncAll(client, accessToken, 500);
    expect(restarted.added).toEqual(reference.added);
  });

  it('detects mutation during an incremental run too', async () => {
    const { accessToken } = await linkItem(client);
    const base = await syncAll(client, accessToken, 500);
    for (let i = 0; i < 3; i++) await append(client, accessToken, `Batch ${i}`);
    const page1 = await client.transactionsSync({ access_token: accessToken, count: 2, cursor: base.cursor });
    expect(page1.data.has_more).toBe(true);
    await append(client, accessToken, 'Interloper');
    const failure = await plaidFailure(
      client.transactionsSync({ access_token: accessToken, count: 2, cursor: page1.data.next_cursor }),
    );
    expect(failure.data.error_code).toBe('TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION');
    const restarted = await syncAll(client, accessToken, 2, base.cursor);
    expect(restarted.added.map((t) => t.name).filter((n) => n.startsWith('Batch') || n === 'Interloper')).toEqual([
      'Batch 0',
      'Batch 1',
      'Batch 2',
      'Interloper',
    ]);
  });

  it('can be made to fail with the mutation error through the fault switch', async () => {
    const { accessToken } = await linkItem(client);
    const fault = await control(emulator.url, 'POST', '/faults', {
      endpoint: '/transactions/sync',
      plaidErrorCode: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
      afterCalls: 1,
      times: 1,
    });
    expect(fault.status).toBe(201);
    const page1 = await client.transactionsSync({ access_token: accessToken, count: 100 });
    const failure = await plaidFailure(client.transactionsSync({ access_token: accessToken, count: 100, cursor: page1.data.next_cursor }));
    expect(failure.status).toBe(400);
    expect(failure.data).toMatchObject({ error_type: 'TRANSACTIONS_ERROR', error_code: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION' });
    const completed = await syncAll(client, accessToken, 100);
    expect(completed.added.length).toBeGreaterThan(100);
  });

  it('refuses garbled, foreign and tampered cursors with INVALID_FIELD', async () => {
    const { accessToken } = await linkItem(client);
    const other = await linkItem(client);
    const page = await client.transactionsSync({ access_token: accessToken, count: 10 });
    const otherCursor = (await client.transactionsSync({ access_token: other.accessToken, count: 10 })).data.next_cursor;
    const tampered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(page.data.next_cursor, 'base64url').toString()), p: 999_999 }),
    ).toString('base64url');
    for (const cursor of ['not-a-cursor!!', 'e30', otherCursor, tampered, `${page.data.next_cursor}x`]) {
      const failure = await plaidFailure(client.transactionsSync({ access_token: accessToken, cursor }));
      expect(failure.status).toBe(400);
      expect(failure.data).toMatchObject({ error_type: 'INVALID_REQUEST', error_code: 'INVALID_FIELD' });
    }
  });

  it('accepts count 1..500 (default 100) and refuses anything else', async () => {
    const { accessToken } = await linkItem(client);
    expect((await client.transactionsSync({ access_token: accessToken })).data.added).toHaveLength(100);
    expect((await client.transactionsSync({ access_token: accessToken, count: 1 })).data.added).toHaveLength(1);
    expect((await client.transactionsSync({ access_token: accessToken, count: 500 })).data.added).toHaveLength(500);
    for (const count of [0, 501, -3, 2.5, '10' as unknown as number]) {
      const failure = await plaidFailure(client.transactionsSync({ access_token: accessToken, count }));
      expect(failure.data).toMatchObject({ error_code: 'INVALID_FIELD' });
    }
  });

  it('returns original descriptions only when asked, and filters by account', async () => {
    const { accessToken } = await linkItem(client);
    const plain = await client.transactionsSync({ access_token: accessToken, count: 5 });
    expect(plain.data.added.every((t) => t.original_description === null)).toBe(true);
    const rich = await client.transactionsSync({ access_token: accessToken, count: 5, options: { include_original_description: true } });
    expect(rich.data.added.every((t) => typeof t.original_description === 'string')).toBe(true);
    const credit = plain.data.accounts.find((a) => a.subtype === 'credit card')!;
    const filtered = await syncAll(client, accessToken, 500);
    const onlyCredit = await client.transactionsSync({ access_token: accessToken, count: 500, options: { account_id: credit.account_id } });
    expect(onlyCredit.data.added.every((t) => t.account_id === credit.account_id)).toBe(true);
    expect(onlyCredit.data.added).toEqual(filtered.added.filter((t) => t.account_id === credit.account_id).slice(0, 500));
  });
});
