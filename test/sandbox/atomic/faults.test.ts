import type { RunningAtomicEmulator } from '../../../src/sandbox/atomic/index.js';
import { atomicClient, control, REFERENCE_USER, startEmulator } from './helpers/emulator.js';
import type { AtomicApi } from './helpers/emulator.js';

const FIND = '/pay-link/financial-transactions/find-company';
const findBody = { json: { financialTransactions: [{ identifier: 't1', description: 'NETFLIX.COM' }] } };

describe('Atomic emulator: fault injection and call counters', () => {
  let emulator: RunningAtomicEmulator;
  let api: AtomicApi;

  const addFault = async (fault: Record<string, unknown>) => {
    const response = await control(emulator.url, 'POST', '/faults', fault);
    expect(response.status).toBe(201);
    return response.body as { id: string };
  };

  beforeAll(async () => {
    emulator = await startEmulator();
    api = atomicClient(emulator.url);
  });
  afterAll(() => emulator.close());
  afterEach(() => control(emulator.url, 'DELETE', '/faults'));

  it('answers 429 with Retry-After and a JSON body, for `times` calls', async () => {
    const fault = await addFault({ endpoint: FIND, status: 429, retryAfterSeconds: 7, times: 2 });
    expect(fault.id).toEqual(expect.any(String));
    for (let i = 0; i < 2; i++) {
      const response = await api.post(FIND.slice(1), findBody);
      expect(response.statusCode).toBe(429);
      expect(response.headers['retry-after']).toBe('7');
      expect(response.body).toEqual({ message: 'Too many requests, please try again later.', statusCode: 429 });
    }
    expect((await api.post(FIND.slice(1), findBody)).statusCode).toBe(200);
    // Other endpoints are untouched; without retryAfterSeconds a 429 still says 1 second.
    await addFault({ endpoint: '/employment/:identifier', status: 429 });
    expect((await api.get(`income/${REFERENCE_USER}`)).statusCode).toBe(200);
    const limited = await api.get(`employment/${REFERENCE_USER}`);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
  });

  it('answers 5xx with JSON bodies, before authenticating', async () => {
    await addFault({ endpoint: '/task/:taskId/status', status: 500, times: 1 });
    const internal = await atomicClient(emulator.url, {}).get('task/63b45b90c0d3ee0008a1b0a1/status');
    expect(internal.statusCode).toBe(500);
    expect(internal.body).toEqual({ message: 'An error occurred with our API.', statusCode: 500 });
    await addFault({ endpoint: '*', status: 503, times: 1 });
    expect((await api.get('task/63b45b90c0d3ee0008a1b0a1/status')).statusCode).toBe(503);
    expect((await api.get('task/63b45b90c0d3ee0008a1b0a1/status')).statusCode).toBe(200);
  });

  it('can target one method of a shared route pattern', async () => {
    await addFault({ endpoint: 'DELETE /pay-link/accounts', status: 502 });
    expect((await api.get('pay-link/accounts', { searchParams: { identifier: 'fault-user' } })).statusCode).toBe(200);
    expect((await api.delete('pay-link/accounts', { searchParams: { identifier: 'fault-user' } })).statusCode).toBe(502);
  });

  it('adds latency, skips `afterCalls` calls first, and honours errorRate', async () => {
    await addFault({ endpoint: '/income/:identifier', latencyMs: 300, times: 1 });
    const started = Date.now();
    await api.get(`income/${REFERENCE_USER}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    const again = Date.now();
    await api.get(`income/${REFERENCE_USER}`);
    expect(Date.now() - again).toBeLessThan(250);

    await addFault({ endpoint: '/identity/:identifier', status: 500, afterCalls: 2 });
    expect((await api.get(`identity/${REFERENCE_USER}`)).statusCode).toBe(200);
    expect((await api.get(`identity/${REFERENCE_USER}`)).statusCode).toBe(200);
    expect((await api.get(`identity/${REFERENCE_USER}`)).statusCode).toBe(500);
    await control(emulator.url, 'DELETE', '/faults');

    await addFault({ endpoint: '/identity/:identifier', status: 500, errorRate: 0 });
    for (let i = 0; i < 5; i++) expect((await api.get(`identity/${REFERENCE_USER}`)).statusCode).toBe(200);
    await addFault({ endpoint: '/identity/:identifier', status: 500, errorRate: 1 });
    expect((await api.get(`identity/${REFERENCE_USER}`)).statusCode).toBe(500);
  });

  it('hangs until the client gives up', async () => {
    await addFault({ endpoint: '/taxes/:identifier', hang: true, times: 1 });
    const error = await api.get(`taxes/${REFERENCE_USER}`, { timeout: { request: 300 } }).then(
      () => undefined,
      (err: { code?: string }) => err,
    );
    expect(error?.code).toBe('ETIMEDOUT');
    expect((await api.get(`taxes/${REFERENCE_USER}`)).statusCode).toBe(200);
  });

  it('lists, removes and validates faults', async () => {
    const a = await addFault({ endpoint: '/company/search', latencyMs: 10 });
    await addFault({ endpoint: '*', status: 503, times: 0 });
    const listed = (await control(emulator.url, 'GET', '/faults')).body as Array<{ id: string }>;
    expect(listed.map((f) => f.id)).toContain(a.id);
    expect((await control(emulator.url, 'DELETE', `/faults/${a.id}`)).status).toBe(204);
    expect((await control(emulator.url, 'DELETE', `/faults/${a.id}`)).status).toBe(404);
    expect((await control(emulator.url, 'DELETE', '/faults')).body).toEqual({ cleared: 1 });
    for (const bad of [
      { endpoint: '/nope', status: 500 },
      { endpoint: 'PATCH /company/search', status: 500 },
      { endpoint: '/company/search', status: 418 },
      { endpoint: '/company/search', errorRate: 2, status: 500 },
      { endpoint: '/company/search' },
      { endpoint: '/company/search', latencyMs: -1 },
      { endpoint: '/company/search', status: 500, plaidErrorCode: 'ITEM_LOGIN_REQUIRED' },
    ]) {
      const response = await control(emulator.url, 'POST', '/faults', bad);
      expect(response.status).toBe(400);
      expect((response.body as { error: string }).error).toEqual(expect.any(String));
    }
  });

  it('counts calls per route pattern (and per method on request), failed ones included, until reset', async () => {
    expect((await control(emulator.url, 'POST', '/calls/reset')).status).toBe(200);
    await api.post(FIND.slice(1), findBody);
    await api.post(FIND.slice(1), findBody);
    await api.get(`employment/${REFERENCE_USER}`);
    await api.get('employment/someone-else');
    await api.get('pay-link/accounts', { searchParams: { identifier: 'counted' } });
    await api.delete('pay-link/accounts', { searchParams: { identifier: 'counted' } });
    await atomicClient(emulator.url, {}).get('task/63b45b90c0d3ee0008a1b0a1/status');
    await control(emulator.url, 'GET', '/faults');
    expect((await control(emulator.url, 'GET', '/calls')).body).toEqual({
      [FIND]: 2,
      '/employment/:identifier': 2,
      '/pay-link/accounts': 2,
      '/task/:taskId/status': 1,
    });
    expect((await control(emulator.url, 'GET', '/calls?by=method')).body).toEqual({
      [`POST ${FIND}`]: 2,
      'GET /employment/:identifier': 2,
      'GET /pay-link/accounts': 1,
      'DELETE /pay-link/accounts': 1,
      'GET /task/:taskId/status': 1,
    });
    await control(emulator.url, 'POST', '/calls/reset');
    expect((await control(emulator.url, 'GET', '/calls')).body).toEqual({});
  });
});

describe('Atomic emulator: close() with a hanging request', () => {
  it('drops the hung connection instead of waiting for it', async () => {
    const emulator = await startEmulator();
    const api = atomicClient(emulator.url);
    await control(emulator.url, 'POST', '/faults', { endpoint: '*', hang: true });
    const hung = api.get(`employment/${REFERENCE_USER}`).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hung).toBe('dropped');
  });
});
