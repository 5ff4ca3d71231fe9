import type { RunningAtomicEmulator } from '../../../src/sandbox/atomic/index.js';
import { API_KEY, atomicClient, backendHeaders, REFERENCE_USER, startEmulator } from './helpers/emulator.js';
import type { AtomicApi } from './helpers/emulator.js';

/** Every Atomic endpoint, with a request good enough to pass validation once authenticated. */
const ENDPOINTS: Array<[method: 'get' | 'post' | 'put' | 'delete', path: string, json?: unknown, publicTokenAllowed?: boolean]> = [
  ['post', 'access-token', { identifier: 'u' }],
  ['put', 'access-token/6e93549e-3571-4f57-b0f7-77b7cb0b5e48/revoke'],
  ['post', 'company/search', { query: 'Netflix' }, true],
  ['get', `pay-link/accounts?identifier=${REFERENCE_USER}`],
  ['get', 'pay-link/accounts/67376c5befe988922e8aabc4'],
  ['post', 'pay-link/accounts', { identifier: 'u', financialTransactions: [{ identifier: 't', date: '2025-01-01', description: 'x', amount: 1 }] }],
  ['get', 'pay-link/action-history?accountId=67376c5befe988922e8aabc4', undefined, true],
  ['post', 'pay-link/financial-transactions/find-company', { financialTransactions: [{ identifier: 't', description: 'x' }] }],
  ['post', 'pay-link/suggestion-review', { suggestionId: 's', rating: 'not-interested' }],
  ['get', 'task/65b15fd99b3f03aa9edff9de/details'],
  ['get', 'task/65b15fd99b3f03aa9edff9de/status'],
  ['get', 'task/602414d84f9a1980cf5eafcc/file/60abeff50836730008616fad/generate-url'],
  ['post', 'task/prescreen', { company: { name: 'DoTerra' }, product: 'verify' }],
  ['post', 'task-workflow/from-linked-account', { linkedAccount: '5f7212103a40e91f95ba376d', tasks: [{ operation: 'verify' }] }],
  ['put', 'user', { identifier: 'u', data: { identity: { firstName: 'A' } } }],
  ['get', `user/${REFERENCE_USER}/tasks`],
  ['put', 'user/u/end-monitoring'],
  ['get', `deposit-accounts/${REFERENCE_USER}`],
  ['get', `employment/${REFERENCE_USER}`],
  ['get', `identity/${REFERENCE_USER}`],
  ['get', `income/${REFERENCE_USER}`],
  ['get', `statements/${REFERENCE_USER}`],
  ['get', `timesheets/${REFERENCE_USER}`],
  ['get', `taxes/${REFERENCE_USER}`],
  ['get', `linked-account/list/${REFERENCE_USER}`],
  // Last: they delete what the others read.
  ['delete', 'pay-link/accounts?identifier=u'],
  ['delete', 'pay-link/accounts/67376c5befe988922e8aabc4'],
];

describe('Atomic emulator: authentication and errors', () => {
  let emulator: RunningAtomicEmulator;
  let publicToken: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    const created = await atomicClient(emulator.url).post('access-token', { json: { identifier: REFERENCE_USER } });
    publicToken = (created.body as { data: { publicToken: string } }).data.publicToken;
  });
  afterAll(() => emulator.close());

  const call = (client: AtomicApi, [method, path, json]: (typeof ENDPOINTS)[number]) =>
    client.request(method.toUpperCase() as 'GET', path, json === undefined ? {} : { json });

  it('answers 401 with a JSON body when the key or secret is missing or wrong, on every endpoint', async () => {
    const clients = [
      atomicClient(emulator.url, {}),
      atomicClient(emulator.url, { 'x-api-key': API_KEY }),
      atomicClient(emulator.url, { 'x-api-key': API_KEY, 'x-api-secret': 'wrong' }),
      atomicClient(emulator.url, { 'x-api-key': 'wrong', 'x-api-secret': 'atomic-emulator-test-secret' }),
      atomicClient(emulator.url, { 'x-public-token': 'not-a-token' }),
    ];
    for (const endpoint of ENDPOINTS) {
      for (const client of clients) {
        const response = await call(client, endpoint);
        expect([endpoint[1], response.statusCode]).toEqual([endpoint[1], 401]);
        expect(response.body).toEqual({ message: expect.any(String), statusCode: 401 });
      }
    }
  });

  it('accepts a public token only where the reference allows the access-token method', async () => {
    const asUser = atomicClient(emulator.url, { 'x-public-token': publicToken });
    for (const endpoint of ENDPOINTS) {
      const response = await call(asUser, endpoint);
      expect([endpoint[1], response.statusCode === 401]).toEqual([endpoint[1], !endpoint[3]]);
    }
  });

  it('succeeds on every endpoint with the API key and secret (and x-atomic-version)', async () => {
    const backend = atomicClient(emulator.url, { ...backendHeaders, 'x-atomic-version': '2022-12-02' });
    for (const endpoint of ENDPOINTS) {
      const response = await call(backend, endpoint);
      // The revoke example token is unknown here: 404 is its right answer.
      expect([endpoint[1], response.statusCode]).toEqual([endpoint[1], endpoint[1].includes('/revoke') ? 404 : 200]);
    }
  });

  it('answers unknown routes and unparsable bodies with the same JSON error shape', async () => {
    const api = atomicClient(emulator.url);
    const missing = await api.get('no/such/route');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toEqual({ message: 'Route GET:/no/such/route not found.', statusCode: 404 });

    const malformed = await api.post('company/search', { body: '{"query":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toEqual({ message: 'Request body is not valid JSON.', statusCode: 400 });
    const notObject = await api.post('company/search', { json: ['Netflix'] });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.body).toEqual({ message: 'Request body must be a JSON object.', statusCode: 400 });
    const wrongType = await api.post('company/search', { body: 'query=Netflix', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.statusCode).toBe(400);
  });
});
