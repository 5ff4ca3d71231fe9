import type { RunningAtomicEmulator } from '../../../src/sandbox/atomic/index.js';
import { atomicClient, example, startEmulator } from './helpers/emulator.js';
import type { AtomicApi } from './helpers/emulator.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const identity = {
  firstName: 'Jane',
  lastName: 'Appleseed',
  postalCode: '84111',
  address: '123 Example St.',
  city: 'Salt Lake City',
  state: 'UT',
  phone: '5558881111',
  email: 'janeappleseed@example.com',
};
const card = { number: '4111111111111111', expiry: '12/29', cvv: '123', title: 'Everyday Visa', brand: 'visa' };
const baasCard = {
  lastFour: '4242',
  title: 'Debit card',
  paymentService: {
    galileo: {
      apiLogin: 'login',
      apiTransKey: 'trans-key',
      providerId: '123',
      transactionId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      accountNo: '074123456789',
      apiUrl: 'https://api-sandbox.galileo-ft.com',
    },
  },
};

describe('Atomic emulator: access tokens', () => {
  let clock: Date;
  let emulator: RunningAtomicEmulator;
  let api: AtomicApi;

  beforeAll(async () => {
    clock = new Date('2025-03-03T10:00:00.000Z');
    emulator = await startEmulator({ now: () => clock });
    api = atomicClient(emulator.url);
  });
  afterAll(() => emulator.close());

  const create = (json: Record<string, unknown>) => api.post('access-token', { json });
  const search = (publicToken: string) =>
    atomicClient(emulator.url, { 'x-public-token': publicToken }).post('company/search', { json: { query: 'Netflix' } });

  it('creates a PayLink Manage / CDE bypass token from the identifier alone, in the reference shape', async () => {
    const response = await create({ identifier: 'user-manage' });
    expect(response.statusCode).toBe(200);
    const body = response.body as { data: { publicToken: string } };
    expect(Object.keys(body)).toEqual(Object.keys(example('paylink.accessToken')));
    expect(Object.keys(body.data)).toEqual(['publicToken']);
    expect(body.data.publicToken).toMatch(UUID);
  });

  it('creates PayLink Switch tokens with identity and cards, bank accounts, or BaaS passthrough cards', async () => {
    for (const json of [
      { identifier: 'user-switch', identity, cards: [card] },
      { identifier: 'user-switch', identity, accounts: [{ accountNumber: '1122330000', routingNumber: '123123123', type: 'checking', title: 'Checking' }] },
      { identifier: 'user-switch', identity, cards: [baasCard] },
      { identifier: 'user-switch', identity, cards: [{ number: '4111111111111111', expiry: '01/30' }] },
    ]) {
      const response = await create(json);
      expect(response.statusCode).toBe(200);
      expect((response.body as { data: { publicToken: string } }).data.publicToken).toMatch(UUID);
    }
  });

  it('answers 422 when a Switch request lacks identity, cards/accounts, or valid details', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ identifier: 'u', cards: [card] }, /identity is required/],
      [{ identifier: 'u', identity }, /At least one card or account/],
      [{ identifier: 'u', identity, cards: [] }, /At least one card or account/],
      [{ identifier: 'u', identity: { ...identity, phone: '555-888-1111' }, cards: [card] }, /identity\.phone/],
      [{ identifier: 'u', identity: { ...identity, city: undefined }, cards: [card] }, /identity\.city is required/],
      [{ identifier: 'u', identity: { ...identity, state: 'Utah' }, cards: [card] }, /identity\.state/],
      [{ identifier: 'u', identity, cards: [{ ...card, number: '4111' }] }, /cards\[0\]\.number/],
      [{ identifier: 'u', identity, cards: [{ ...card, expiry: '2029-12' }] }, /cards\[0\]\.expiry/],
      [{ identifier: 'u', identity, cards: [{ ...card, brand: 'diners' }] }, /cards\[0\]\.brand/],
      [{ identifier: 'u', identity, cards: [{ ...baasCard, paymentService: { galileo: { apiLogin: 'x' } } }] }, /galileo\.apiTransKey/],
      [{ identifier: 'u', identity, accounts: [{ accountNumber: '1234', routingNumber: '12', type: 'checking' }] }, /routingNumber/],
      [{ identifier: 'u', identity, accounts: [{ accountNumber: '1234', routingNumber: '123123123', type: 'brokerage' }] }, /accounts\[0\]\.type/],
      [{ identity, cards: [card] }, /identifier is required/],
    ];
    for (const [json, message] of cases) {
      const response = await create(json);
      expect(response.statusCode).toBe(422);
      expect(response.body).toEqual({ message: expect.stringMatching(message), statusCode: 422 });
    }
  });

  it('accepts tokenLifetime from 30 minutes to 30 days and refuses anything else with 422', async () => {
    for (const tokenLifetime of [1800, 86_400, 2_592_000]) {
      expect((await create({ identifier: 'u', tokenLifetime })).statusCode).toBe(200);
    }
    for (const tokenLifetime of [1799, 2_592_001, 0, -5, 3600.5, '3600']) {
      const response = await create({ identifier: 'u', tokenLifetime });
      expect(response.statusCode).toBe(422);
      expect((response.body as { message: string }).message).toMatch(/tokenLifetime/);
    }
  });

  it('expires tokens after their lifetime (default 24 hours)', async () => {
    const short = ((await create({ identifier: 'u', tokenLifetime: 1800 })).body as { data: { publicToken: string } }).data.publicToken;
    const long = ((await create({ identifier: 'u' })).body as { data: { publicToken: string } }).data.publicToken;
    expect((await search(short)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await search(short)).statusCode).toBe(401);
    expect((await search(long)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 24 * 3_600_000);
    expect((await search(long)).statusCode).toBe(401);
  });

  it('revokes a token: it stops working at once; unknown tokens are 404', async () => {
    const token = ((await create({ identifier: 'u' })).body as { data: { publicToken: string } }).data.publicToken;
    expect((await search(token)).statusCode).toBe(200);
    const revoked = await api.put(`access-token/${token}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.body).toEqual({ success: true });
    const after = await search(token);
    expect(after.statusCode).toBe(401);
    expect(after.body).toEqual({ message: expect.any(String), statusCode: 401 });
    // Revoking twice is harmless.
    expect((await api.put(`access-token/${token}/revoke`)).statusCode).toBe(200);
    const unknown = await api.put('access-token/6e93549e-3571-4f57-b0f7-77b7cb0b5e48/revoke');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toEqual({ message: 'Access token not found.', statusCode: 404 });
  });

  it('needs the API key and secret (a public token cannot create or revoke tokens)', async () => {
    const token = ((await create({ identifier: 'u' })).body as { data: { publicToken: string } }).data.publicToken;
    const asUser = atomicClient(emulator.url, { 'x-public-token': token });
    expect((await asUser.post('access-token', { json: { identifier: 'u' } })).statusCode).toBe(401);
    expect((await asUser.put(`access-token/${token}/revoke`)).statusCode).toBe(401);
  });
});
