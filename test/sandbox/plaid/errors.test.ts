import { CountryCode, Products, SandboxItemFireWebhookRequestWebhookCodeEnum, type PlaidApi } from 'plaid';
import type { RunningPlaidEmulator } from '../../../src/sandbox/plaid/index.js';
import { CLIENT_ID, SECRET, linkItem, plaidClient, plaidFailure, startEmulator, type SpecCoverage } from './helpers/emulator.js';
import { PlaidSpec } from './helpers/spec.js';

const UNKNOWN_ACCESS_TOKEN = 'access-sandbox-00000000-0000-4000-8000-000000000000';

describe('Plaid emulator: errors', () => {
  const spec = new PlaidSpec();
  let emulator: RunningPlaidEmulator;
  let client: PlaidApi;
  let clock = Date.parse('2025-03-10T15:00:00Z');

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => new Date(clock) });
    client = plaidClient(emulator.url, { spec });
  });
  afterAll(() => emulator.close());

  it('answers every endpoint with a spec-conforming Plaid error for wrong credentials', async () => {
    const coverage: SpecCoverage = new Set();
    const wrong = plaidClient(emulator.url, { spec, coverage, headers: { 'PLAID-CLIENT-ID': CLIENT_ID, 'PLAID-SECRET': 'wrong' } });
    const access_token = UNKNOWN_ACCESS_TOKEN;
    const calls: Array<Promise<unknown>> = [
      wrong.linkTokenCreate({
        client_name: 'x',
        language: 'en',
        country_codes: [CountryCode.Us],
        user: { client_user_id: 'u' },
        products: [Products.Transactions],
      }),
      wrong.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.Transactions] }),
      wrong.itemPublicTokenExchange({ public_token: 'public-sandbox-00000000-0000-4000-8000-000000000000' }),
      wrong.itemGet({ access_token }),
      wrong.itemRemove({ access_token }),
      wrong.accountsGet({ access_token }),
      wrong.accountsBalanceGet({ access_token }),
      wrong.transactionsSync({ access_token }),
      wrong.transactionsRecurringGet({ access_token }),
      wrong.sandboxItemFireWebhook({ access_token, webhook_code: SandboxItemFireWebhookRequestWebhookCodeEnum.SyncUpdatesAvailable }),
      wrong.sandboxTransactionsCreate({ access_token, transactions: [] }),
      wrong.webhookVerificationKeyGet({ key_id: 'x' }),
    ];
    for (const call of calls) {
      const failure = await plaidFailure(call);
      expect(failure.status).toBe(400);
      expect(failure.data).toMatchObject({
        error_type: 'INVALID_INPUT',
        error_code: 'INVALID_API_KEYS',
        error_message: 'invalid client_id or secret provided',
        display_message: null,
        causes: [],
        status: 400,
        suggested_action: null,
      });
      expect(failure.data.request_id).toMatch(/^[0-9A-Za-z]{15}$/);
      expect(failure.data.documentation_url).toBe('https://plaid.com/docs/errors/invalid-input/#invalid_api_keys');
    }
    expect(coverage.size).toBe(12);
  });

  it('reports missing credentials as MISSING_FIELDS and accepts them in the body instead of headers', async () => {
    const anonymous = plaidClient(emulator.url, { spec, headers: {} });
    const missing = await plaidFailure(anonymous.itemGet({ access_token: UNKNOWN_ACCESS_TOKEN }));
    expect(missing.data).toMatchObject({
      error_type: 'INVALID_REQUEST',
      error_code: 'MISSING_FIELDS',
      error_message: 'the following required fields are missing: client_id, secret',
    });
    const onlyId = plaidClient(emulator.url, { spec, headers: { 'PLAID-CLIENT-ID': CLIENT_ID } });
    expect((await plaidFailure(onlyId.itemGet({ access_token: UNKNOWN_ACCESS_TOKEN }))).data.error_message).toBe(
      'the following required fields are missing: secret',
    );
    const wrongId = plaidClient(emulator.url, { spec, headers: { 'PLAID-CLIENT-ID': 'someone-else', 'PLAID-SECRET': SECRET } });
    expect((await plaidFailure(wrongId.itemGet({ access_token: UNKNOWN_ACCESS_TOKEN }))).data.error_code).toBe('INVALID_API_KEYS');

    // Body credentials (older SDKs and plain HTTP clients send them there).
    const created = await anonymous.sandboxPublicTokenCreate({
      client_id: CLIENT_ID,
      secret: SECRET,
      institution_id: 'ins_109509',
      initial_products: [Products.Transactions],
    });
    expect(created.data.public_token).toMatch(/^public-sandbox-/);
  });

  it('refuses unknown and malformed access tokens', async () => {
    const unknown = await plaidFailure(client.accountsGet({ access_token: UNKNOWN_ACCESS_TOKEN }));
    expect(unknown.data).toMatchObject({ error_code: 'INVALID_ACCESS_TOKEN', error_message: 'could not find matching access token' });
    const malformed = await plaidFailure(client.itemGet({ access_token: 'not-a-token' }));
    expect(malformed.data.error_code).toBe('INVALID_ACCESS_TOKEN');
    expect(malformed.data.error_message).toContain('expected format: access-<environment>-<identifier>');
    const missing = await plaidFailure(client.itemGet({} as never));
    expect(missing.data).toMatchObject({ error_code: 'MISSING_FIELDS', error_message: 'the following required fields are missing: access_token' });
  });

  it('makes public tokens single use and expires them after 30 minutes', async () => {
    const first = await client.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.Transactions] });
    await client.itemPublicTokenExchange({ public_token: first.data.public_token });
    const reused = await plaidFailure(client.itemPublicTokenExchange({ public_token: first.data.public_token }));
    expect(reused.data).toMatchObject({ error_type: 'INVALID_INPUT', error_code: 'INVALID_PUBLIC_TOKEN' });

    const second = await client.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.Transactions] });
    clock += 31 * 60_000;
    const expired = await plaidFailure(client.itemPublicTokenExchange({ public_token: second.data.public_token }));
    expect(expired.data.error_code).toBe('INVALID_PUBLIC_TOKEN');
    expect(expired.data.error_message).toContain('expired');

    const third = await client.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.Transactions] });
    clock += 29 * 60_000;
    await client.itemPublicTokenExchange({ public_token: third.data.public_token });

    const bogus = await plaidFailure(client.itemPublicTokenExchange({ public_token: 'public-sandbox-00000000-0000-4000-8000-000000000000' }));
    expect(bogus.data).toMatchObject({ error_code: 'INVALID_PUBLIC_TOKEN', error_message: 'could not find matching public token' });
    const garbage = await plaidFailure(client.itemPublicTokenExchange({ public_token: 'garbage' }));
    expect(garbage.data.error_code).toBe('INVALID_PUBLIC_TOKEN');
  });

  it('refuses unknown institutions and products', async () => {
    const institution = await plaidFailure(
      client.sandboxPublicTokenCreate({ institution_id: 'ins_999999', initial_products: [Products.Transactions] }),
    );
    expect(institution.status).toBe(400);
    expect(institution.data).toMatchObject({ error_type: 'INVALID_INPUT', error_code: 'INVALID_INSTITUTION', error_message: 'invalid institution_id provided' });
    const product = await plaidFailure(
      client.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: ['telepathy' as Products] }),
    );
    expect(product.data.error_code).toBe('INVALID_FIELD');
    const balance = await plaidFailure(client.sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.Balance] }));
    expect(balance.data.error_code).toBe('INVALID_PRODUCT');
  });

  it('validates /link/token/create like Plaid', async () => {
    const valid = {
      client_name: 'AtlasForge',
      language: 'en',
      country_codes: [CountryCode.Us],
      user: { client_user_id: 'user-1' },
      products: [Products.Transactions],
    };
    const missing = await plaidFailure(client.linkTokenCreate({ language: 'en' } as never));
    expect(missing.data).toMatchObject({
      error_code: 'MISSING_FIELDS',
      error_message: 'the following required fields are missing: client_name, country_codes, user, products',
    });
    const noUserId = await plaidFailure(client.linkTokenCreate({ ...valid, user: {} as never }));
    expect(noUserId.data.error_message).toBe('the following required fields are missing: user.client_user_id');
    const badCountry = await plaidFailure(client.linkTokenCreate({ ...valid, country_codes: ['XX' as CountryCode] }));
    expect(badCountry.data.error_code).toBe('INVALID_FIELD');
    const badWebhook = await plaidFailure(client.linkTokenCreate({ ...valid, webhook: 'not a url' }));
    expect(badWebhook.data.error_code).toBe('INVALID_FIELD');
    expect((await client.linkTokenCreate(valid)).data.link_token).toMatch(/^link-sandbox-/);
  });

  it('validates /sandbox/transactions/create and /accounts options', async () => {
    const { accessToken } = await linkItem(client);
    const empty = await plaidFailure(client.sandboxTransactionsCreate({ access_token: accessToken, transactions: [] }));
    expect(empty.data.error_code).toBe('INVALID_FIELD');
    const incomplete = await plaidFailure(
      client.sandboxTransactionsCreate({ access_token: accessToken, transactions: [{ amount: 1, date_posted: '2025-01-01' } as never] }),
    );
    expect(incomplete.data.error_message).toBe(
      'the following required fields are missing: transactions[0].date_transacted, transactions[0].description',
    );
    const badDate = await plaidFailure(
      client.sandboxTransactionsCreate({
        access_token: accessToken,
        transactions: [{ amount: 1, date_posted: '2025-02-30', date_transacted: '2025-02-01', description: 'x' }],
      }),
    );
    expect(badDate.data.error_code).toBe('INVALID_FIELD');
    const badAccount = await plaidFailure(client.accountsGet({ access_token: accessToken, options: { account_ids: ['nope'] } }));
    expect(badAccount.data).toMatchObject({ error_type: 'INVALID_INPUT', error_code: 'INVALID_ACCOUNT_ID' });
    const noWebhook = await plaidFailure(
      client.sandboxItemFireWebhook({ access_token: accessToken, webhook_code: SandboxItemFireWebhookRequestWebhookCodeEnum.SyncUpdatesAvailable }),
    );
    expect(noWebhook.data).toMatchObject({ error_type: 'SANDBOX_ERROR', error_code: 'SANDBOX_WEBHOOK_INVALID' });
    const badKey = await plaidFailure(client.webhookVerificationKeyGet({ key_id: 'no-such-key' }));
    expect(badKey.data).toMatchObject({ error_type: 'INVALID_INPUT', error_code: 'INVALID_WEBHOOK_VERIFICATION_KEY_ID' });
  });

  it('answers malformed bodies and unknown routes with Plaid errors', async () => {
    const headers = { 'content-type': 'application/json', 'PLAID-CLIENT-ID': CLIENT_ID, 'PLAID-SECRET': SECRET };
    const malformed = await fetch(`${emulator.url}/item/get`, { method: 'POST', headers, body: '{"access_token":' });
    expect(malformed.status).toBe(400);
    const malformedBody = await malformed.json();
    expect(malformedBody).toMatchObject({ error_type: 'INVALID_REQUEST', error_code: 'INVALID_BODY' });
    spec.assertResponse('/item/get', 400, malformedBody);

    const notJson = await fetch(`${emulator.url}/item/get`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'hi' });
    const notJsonBody = await notJson.json();
    expect(notJsonBody).toMatchObject({ error_code: 'INVALID_BODY' });
    spec.assertResponse('/item/get', 400, notJsonBody);

    const unknown = await fetch(`${emulator.url}/no/such/endpoint`, { method: 'POST', headers, body: '{}' });
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.json();
    expect(unknownBody).toMatchObject({ error_type: 'INVALID_REQUEST', error_code: 'NOT_FOUND', error_message: 'not found' });
    spec.assertSchema('PlaidError', unknownBody);
  });
});
