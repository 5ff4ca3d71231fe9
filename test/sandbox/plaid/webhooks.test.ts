import { createHash, timingSafeEqual } from 'node:crypto';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { SandboxItemFireWebhookRequestWebhookCodeEnum, type PlaidApi } from 'plaid';
import type { RunningPlaidEmulator } from '../../../src/sandbox/plaid/index.js';
import { control, linkItem, plaidClient, startEmulator } from './helpers/emulator.js';
import { WebhookReceiver } from '../helpers/receiver.js';
import { PlaidSpec } from './helpers/spec.js';

/**
 * Verification exactly as Plaid documents it for receivers: take `kid` from the JWT header, fetch
 * the key with /webhook_verification_key/get, verify the ES256 signature (and the token's age), then
 * compare `request_body_sha256` with the SHA-256 of the raw body.
 */
async function verifyPlaidWebhook(client: PlaidApi, jwt: string, raw: Buffer): Promise<boolean> {
  const { kid, alg, typ } = decodeProtectedHeader(jwt);
  if (alg !== 'ES256' || typ !== 'JWT' || !kid) return false;
  const { data } = await client.webhookVerificationKeyGet({ key_id: kid });
  const key = await importJWK({ ...data.key }, 'ES256');
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(jwt, key, { algorithms: ['ES256'], maxTokenAge: '5 min' }));
  } catch {
    return false;
  }
  if (typeof claims.request_body_sha256 !== 'string') return false;
  const expected = Buffer.from(claims.request_body_sha256, 'hex');
  const actual = createHash('sha256').update(raw).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

describe('Plaid emulator: webhooks', () => {
  const spec = new PlaidSpec();
  let emulator: RunningPlaidEmulator;
  let client: PlaidApi;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    emulator = await startEmulator();
    client = plaidClient(emulator.url, { spec });
    receiver = await new WebhookReceiver('/plaid/webhooks').start();
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  it('sends a signed SYNC_UPDATES_AVAILABLE after new transactions, verifiable with the published key', async () => {
    const { accessToken, itemId } = await linkItem(client, { options: { webhook: receiver.url } });
    await client.sandboxTransactionsCreate({
      access_token: accessToken,
      transactions: [{ amount: 9.99, date_transacted: '2025-01-05', date_posted: '2025-01-06', description: 'Bookshop' }],
    });
    const [webhook] = await receiver.waitFor(1);
    const body = JSON.parse(webhook!.raw.toString('utf8')) as unknown;
    expect(body).toEqual({
      webhook_type: 'TRANSACTIONS',
      webhook_code: 'SYNC_UPDATES_AVAILABLE',
      item_id: itemId,
      initial_update_complete: true,
      historical_update_complete: true,
      environment: 'sandbox',
    });
    spec.assertSchema('SyncUpdatesAvailableWebhook', body);
    expect(webhook!.headers['content-type']).toContain('application/json');

    const jwt = webhook!.headers['plaid-verification'];
    expect(typeof jwt).toBe('string');
    expect(decodeProtectedHeader(jwt as string)).toEqual({ alg: 'ES256', kid: expect.any(String), typ: 'JWT' });
    expect(await verifyPlaidWebhook(client, jwt as string, webhook!.raw)).toBe(true);

    // A body altered in transit no longer matches the signed hash, nor does a forged signature verify.
    const tampered = Buffer.from(webhook!.raw.toString('utf8').replace(itemId, 'someone-elses-item-id-00000000000000'));
    expect(await verifyPlaidWebhook(client, jwt as string, tampered)).toBe(false);
    const [header, payload, signature] = (jwt as string).split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`;
    expect(await verifyPlaidWebhook(client, forged, webhook!.raw)).toBe(false);

    const key = await client.webhookVerificationKeyGet({ key_id: decodeProtectedHeader(jwt as string).kid! });
    expect(key.data.key).toMatchObject({ alg: 'ES256', crv: 'P-256', kty: 'EC', use: 'sig', expired_at: null });
    expect(Number.isInteger(key.data.key.created_at)).toBe(true);

    const item = await client.itemGet({ access_token: accessToken });
    expect(item.data.status?.last_webhook?.code_sent).toBe('SYNC_UPDATES_AVAILABLE');
    const deliveries = (await control(emulator.url, 'GET', '/webhooks')).body as Array<{ url: string; status: number; body: unknown }>;
    expect(deliveries.find((d) => d.url === receiver.url)).toMatchObject({ status: 200, body });
  });

  it('fires webhooks on demand with /sandbox/item/fire_webhook, each conforming to its spec schema', async () => {
    const { accessToken, itemId } = await linkItem(client, { options: { webhook: receiver.url } });
    const codes = [
      [SandboxItemFireWebhookRequestWebhookCodeEnum.SyncUpdatesAvailable, 'SyncUpdatesAvailableWebhook'],
      [SandboxItemFireWebhookRequestWebhookCodeEnum.DefaultUpdate, 'DefaultUpdateWebhook'],
      [SandboxItemFireWebhookRequestWebhookCodeEnum.RecurringTransactionsUpdate, 'RecurringTransactionsUpdateWebhook'],
      [SandboxItemFireWebhookRequestWebhookCodeEnum.NewAccountsAvailable, 'NewAccountsAvailableWebhook'],
    ] as const;
    for (const [code, schema] of codes) {
      receiver.received.length = 0;
      const fired = await client.sandboxItemFireWebhook({ access_token: accessToken, webhook_code: code });
      expect(fired.data.webhook_fired).toBe(true);
      const [webhook] = await receiver.waitFor(1);
      const body = JSON.parse(webhook!.raw.toString('utf8')) as { webhook_code: string; item_id: string };
      expect(body).toMatchObject({ webhook_code: code, item_id: itemId });
      spec.assertSchema(schema, body);
      expect(await verifyPlaidWebhook(client, webhook!.headers['plaid-verification'] as string, webhook!.raw)).toBe(true);
    }
  });

  it('signs every webhook with the same key', async () => {
    const a = await linkItem(client, { options: { webhook: receiver.url } });
    const b = await linkItem(client, { options: { webhook: receiver.url } });
    const code = SandboxItemFireWebhookRequestWebhookCodeEnum.SyncUpdatesAvailable;
    await client.sandboxItemFireWebhook({ access_token: a.accessToken, webhook_code: code });
    await client.sandboxItemFireWebhook({ access_token: b.accessToken, webhook_code: code });
    const webhooks = await receiver.waitFor(2);
    const kids = webhooks.map((w) => decodeProtectedHeader(w.headers['plaid-verification'] as string).kid);
    expect(kids[0]).toBeDefined();
    expect(kids[1]).toBe(kids[0]);
  });
});
