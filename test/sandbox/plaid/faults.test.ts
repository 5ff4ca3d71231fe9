import type { PlaidApi } from 'plaid';
import type { RunningPlaidEmulator } from '../../../src/sandbox/plaid/index.js';
import { control, linkItem, plaidClient, plaidFailure, startEmulator } from './helpers/emulator.js';
import { PlaidSpec } from './helpers/spec.js';

describe('Plaid emulator: fault injection and call counters', () => {
  const spec = new PlaidSpec();
  let emulator: RunningPlaidEmulator;
  let client: PlaidApi;
  let accessToken: string;

  const addFault = async (fault: Record<string, unknown>) => {
    const response = await control(emulator.url, 'POST', '/faults', fault);
    expect(response.status).toBe(201);
    return response.body as { id: string };
  };

  beforeAll(async () => {
    emulator = await startEmulator();
    client = plaidClient(emulator.url, { spec });
    ({ accessToken } = await linkItem(client));
  });
  afterAll(() => emulator.close());
  afterEach(() => control(emulator.url, 'DELETE', '/faults'));

  it('answers 429 with Retry-After and Plaid’s RATE_LIMIT_EXCEEDED body, for `times` calls', async () => {
    const fault = await addFault({ endpoint: '/accounts/get', status: 429, retryAfterSeconds: 7, times: 2 });
    expect(fault.id).toEqual(expect.any(String));
    for (let i = 0; i < 2; i++) {
      const failure = await plaidFailure(client.accountsGet({ access_token: accessToken }));
      expect(failure.status).toBe(429);
      expect(failure.headers['retry-after']).toBe('7');
      expect(failure.data).toMatchObject({ error_type: 'RATE_LIMIT_EXCEEDED', error_code: 'ACCOUNTS_LIMIT', status: 429 });
    }
    expect((await client.accountsGet({ access_token: accessToken })).status).toBe(200);
    // Other endpoints are untouched by an endpoint-specific fault.
    await addFault({ endpoint: '/transactions/sync', status: 429 });
    expect((await client.itemGet({ access_token: accessToken })).status).toBe(200);
    const sync = await plaidFailure(client.transactionsSync({ access_token: accessToken }));
    expect(sync.data.error_code).toBe('TRANSACTIONS_SYNC_LIMIT');
    expect(sync.headers['retry-after']).toBe('1');
  });

  it('answers 500 and 503 with Plaid API_ERROR bodies', async () => {
    await addFault({ endpoint: '/item/get', status: 500, times: 1 });
    const internal = await plaidFailure(client.itemGet({ access_token: accessToken }));
    expect(internal.status).toBe(500);
    expect(internal.data).toMatchObject({ error_type: 'API_ERROR', error_code: 'INTERNAL_SERVER_ERROR' });

    await addFault({ endpoint: '/item/get', status: 503, times: 1 });
    const maintenance = await plaidFailure(client.itemGet({ access_token: accessToken }));
    expect(maintenance.status).toBe(503);
    expect(maintenance.data).toMatchObject({ error_type: 'API_ERROR', error_code: 'PLANNED_MAINTENANCE' });
    expect((await client.itemGet({ access_token: accessToken })).status).toBe(200);
  });

  it('can fail with any catalogued Plaid error code', async () => {
    await addFault({ endpoint: '*', plaidErrorCode: 'ITEM_LOGIN_REQUIRED', times: 1 });
    const failure = await plaidFailure(client.transactionsRecurringGet({ access_token: accessToken }));
    expect(failure.status).toBe(400);
    expect(failure.data).toMatchObject({ error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED' });
  });

  it('adds latency, skips `afterCalls` calls first, and honours errorRate', async () => {
    await addFault({ endpoint: '/accounts/balance/get', latencyMs: 300, times: 1 });
    const started = Date.now();
    await client.accountsBalanceGet({ access_token: accessToken });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    const again = Date.now();
    await client.accountsBalanceGet({ access_token: accessToken });
    expect(Date.now() - again).toBeLessThan(250);

    await addFault({ endpoint: '/item/get', status: 500, afterCalls: 2 });
    expect((await client.itemGet({ access_token: accessToken })).status).toBe(200);
    expect((await client.itemGet({ access_token: accessToken })).status).toBe(200);
    expect((await plaidFailure(client.itemGet({ access_token: accessToken }))).status).toBe(500);
    await control(emulator.url, 'DELETE', '/faults');

    await addFault({ endpoint: '/item/get', status: 500, errorRate: 0 });
    for (let i = 0; i < 5; i++) expect((await client.itemGet({ access_token: accessToken })).status).toBe(200);
    await addFault({ endpoint: '/item/get', status: 500, errorRate: 1 });
    expect((await plaidFailure(client.itemGet({ access_token: accessToken }))).status).toBe(500);
  });

  it('hangs until the client gives up', async () => {
    const impatient = plaidClient(emulator.url, { timeoutMs: 300 });
    await addFault({ endpoint: '/accounts/get', hang: true, times: 1 });
    const error = await impatient.accountsGet({ access_token: accessToken }).then(
      () => undefined,
      (err: { code?: string; response?: unknown }) => err,
    );
    expect(error?.response).toBeUndefined();
    expect(error?.code).toBe('ECONNABORTED');
    expect((await client.accountsGet({ access_token: accessToken })).status).toBe(200);
  });

  it('lists, removes and validates faults', async () => {
    const a = await addFault({ endpoint: '/item/get', latencyMs: 10 });
    await addFault({ endpoint: '*', status: 503, times: 0 });
    const listed = (await control(emulator.url, 'GET', '/faults')).body as Array<{ id: string }>;
    expect(listed.map((f) => f.id)).toContain(a.id);
    expect((await control(emulator.url, 'DELETE', `/faults/${a.id}`)).status).toBe(204);
    expect((await control(emulator.url, 'DELETE', `/faults/${a.id}`)).status).toBe(404);
    expect((await control(emulator.url, 'DELETE', '/faults')).body).toEqual({ cleared: 1 });

    for (const bad of [
      { endpoint: '/nope', status: 500 },
      { endpoint: '/item/get', status: 418 },
      { endpoint: '/item/get', errorRate: 2, status: 500 },
      { endpoint: '/item/get', plaidErrorCode: 'MADE_UP' },
      { endpoint: '/item/get' },
      { endpoint: '/item/get', latencyMs: -1 },
    ]) {
      const response = await control(emulator.url, 'POST', '/faults', bad);
      expect(response.status).toBe(400);
      expect((response.body as { error: string }).error).toEqual(expect.any(String));
    }
  });

  it('counts calls per endpoint, failed ones included, until reset', async () => {
    expect((await control(emulator.url, 'POST', '/calls/reset')).status).toBe(200);
    await client.accountsGet({ access_token: accessToken });
    await client.accountsGet({ access_token: accessToken });
    await client.transactionsSync({ access_token: accessToken, count: 10 });
    await plaidFailure(client.itemGet({ access_token: 'access-sandbox-00000000-0000-4000-8000-000000000000' }));
    await addFault({ endpoint: '/accounts/get', status: 500, times: 1 });
    await plaidFailure(client.accountsGet({ access_token: accessToken }));
    expect((await control(emulator.url, 'GET', '/calls')).body).toEqual({
      '/accounts/get': 3,
      '/transactions/sync': 1,
      '/item/get': 1,
    });
    await control(emulator.url, 'POST', '/calls/reset');
    expect((await control(emulator.url, 'GET', '/calls')).body).toEqual({});
  });
});

describe('Plaid emulator: close() with a hanging request', () => {
  it('drops the hung connection instead of waiting for it', async () => {
    const emulator = await startEmulator();
    const client = plaidClient(emulator.url);
    const { accessToken } = await linkItem(client);
    await control(emulator.url, 'POST', '/faults', { endpoint: '*', hang: true });
    await control(emulator.url, 'POST', '/faults', { endpoint: '/item/get', latencyMs: 60_000 });
    const hung = client.accountsGet({ access_token: accessToken }).then(
      () => 'answered',
      (err: { response?: unknown }) => (err.response ? 'answered' : 'dropped'),
    );
    const delayed = client.itemGet({ access_token: accessToken }).then(
      () => 'answered',
      (err: { response?: unknown }) => (err.response ? 'answered' : 'dropped'),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hung).toBe('dropped');
    expect(await delayed).toBe('dropped');
  });
});
