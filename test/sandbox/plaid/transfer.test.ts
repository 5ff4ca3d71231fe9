import { createHash, timingSafeEqual } from 'node:crypto';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import {
  ACHClass,
  Products,
  TransferNetwork,
  TransferType,
  type PlaidApi,
  type TransferAuthorizationCreateRequest,
  type TransferEvent,
} from 'plaid';
import type { RunningPlaidEmulator } from '../../../src/sandbox/plaid/index.js';
import { control, linkItem, plaidClient, plaidFailure, startEmulator, type SpecCoverage } from './helpers/emulator.js';
import { PlaidSpec } from './helpers/spec.js';
import { WebhookReceiver } from '../helpers/receiver.js';

/*
 * Plaid Transfer in the emulator, driven through the official SDK. Every answer (success or
 * error) passes through the spec-validating client, so each call below is also checked against
 * Plaid's OpenAPI spec.
 */

const USER = { legal_name: 'Anne Charleston', email_address: 'anne@example.com' };
const UNKNOWN_ACCESS_TOKEN = 'access-sandbox-00000000-0000-4000-8000-000000000000';

/**
 * The receiver-side check Plaid documents (same as webhooks.test.ts): key by `kid`, ES256
 * signature, token age, then the SHA-256 of the raw body against `request_body_sha256`.
 */
async function verifyPlaidWebhook(client: PlaidApi, jwt: string, raw: Buffer): Promise<boolean> {
  const { kid, alg } = decodeProtectedHeader(jwt);
  if (alg !== 'ES256' || !kid) return false;
  const { data } = await client.webhookVerificationKeyGet({ key_id: kid });
  try {
    const { payload } = await jwtVerify(jwt, await importJWK({ ...data.key }, 'ES256'), { algorithms: ['ES256'], maxTokenAge: '5 min' });
    if (typeof payload.request_body_sha256 !== 'string') return false;
    const expected = Buffer.from(payload.request_body_sha256, 'hex');
    const actual = createHash('sha256').update(raw).digest();
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  } catch {
    return false;
  }
}

interface LinkedAccounts {
  accessToken: string;
  itemId: string;
  checking: string;
  savings: string;
  creditCard: string;
}

async function linkAccounts(client: PlaidApi, institutionId = 'ins_109508', webhook?: string): Promise<LinkedAccounts> {
  const { accessToken, itemId } = await linkItem(client, {
    institution_id: institutionId,
    initial_products: [Products.Transfer],
    ...(webhook ? { options: { webhook } } : {}),
  });
  const { accounts } = (await client.accountsGet({ access_token: accessToken })).data;
  const id = (subtype: string) => accounts.find((a) => a.subtype === subtype)!.account_id;
  return { accessToken, itemId, checking: id('checking'), savings: id('savings'), creditCard: id('credit card') };
}

function authorizationRequest(
  accessToken: string,
  accountId: string,
  overrides: Partial<TransferAuthorizationCreateRequest> = {},
): TransferAuthorizationCreateRequest {
  return {
    access_token: accessToken,
    account_id: accountId,
    type: TransferType.Debit,
    network: TransferNetwork.Ach,
    ach_class: ACHClass.Ppd,
    amount: '10.00',
    user: USER,
    ...overrides,
  };
}

async function authorize(client: PlaidApi, a: LinkedAccounts, accountId: string, overrides: Partial<TransferAuthorizationCreateRequest> = {}) {
  return (await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, accountId, overrides))).data.authorization;
}

function createTransfer(client: PlaidApi, a: LinkedAccounts, accountId: string, authorizationId: string, extra: Record<string, unknown> = {}) {
  const request = { access_token: a.accessToken, account_id: accountId, authorization_id: authorizationId, description: 'Payout' };
  return client.transferCreate({ ...request, ...extra });
}

async function balances(client: PlaidApi, accessToken: string, accountId: string) {
  const { data } = await client.accountsBalanceGet({ access_token: accessToken, options: { account_ids: [accountId] } });
  return data.accounts[0]!.balances;
}

/** Pages /transfer/event/sync from `afterId` until has_more is false. */
async function syncEvents(client: PlaidApi, afterId: number, count?: number): Promise<TransferEvent[]> {
  const events: TransferEvent[] = [];
  let after = afterId;
  for (;;) {
    const { data } = await client.transferEventSync({ after_id: after, ...(count ? { count } : {}) });
    events.push(...data.transfer_events);
    if (!data.has_more) return events;
    after = data.transfer_events.at(-1)!.event_id;
  }
}

describe('Plaid emulator: Transfer', () => {
  const spec = new PlaidSpec();
  const coverage: SpecCoverage = new Set();
  let emulator: RunningPlaidEmulator;
  let client: PlaidApi;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    emulator = await startEmulator();
    client = plaidClient(emulator.url, { spec, coverage });
    receiver = await new WebhookReceiver('/plaid/webhooks').start();
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  it('reports RTP eligibility per institution and account', async () => {
    const platypus = await linkAccounts(client, 'ins_109508');
    const gingham = await linkAccounts(client, 'ins_109509');
    const rtp = async (a: LinkedAccounts, accountId: string) =>
      (await client.transferCapabilitiesGet({ access_token: a.accessToken, account_id: accountId })).data.institution_supported_networks;

    expect(await rtp(platypus, platypus.checking)).toEqual({
      rtp: { credit: true },
      rfp: { debit: false, max_amount: null, iso_currency_code: null },
    });
    expect((await rtp(platypus, platypus.savings)).rtp.credit).toBe(true);
    // Transfer moves money only to and from checking and savings accounts.
    expect((await rtp(platypus, platypus.creditCard)).rtp.credit).toBe(false);
    expect((await rtp(gingham, gingham.checking)).rtp.credit).toBe(false);

    const unknown = await plaidFailure(client.transferCapabilitiesGet({ access_token: platypus.accessToken, account_id: 'nope' }));
    expect(unknown).toMatchObject({ status: 400, data: { error_type: 'INVALID_INPUT', error_code: 'INVALID_ACCOUNT_ID' } });
  });

  it('approves a debit up to the available balance and declines one above it as NSF', async () => {
    const a = await linkAccounts(client);
    const before = await balances(client, a.accessToken, a.checking);
    expect(before.available).toBe(100);
    const availableAmount = before.available!.toFixed(2);

    const approved = (await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.checking, { amount: availableAmount }))).data
      .authorization;
    expect(approved).toMatchObject({
      decision: 'approved',
      decision_rationale: null,
      guarantee_decision: null,
      guarantee_decision_rationale: null,
      payment_risk: null,
      proposed_transfer: {
        account_id: a.checking,
        type: 'debit',
        network: 'ach',
        ach_class: 'ppd',
        amount: '100.00',
        iso_currency_code: 'USD',
        user: { legal_name: USER.legal_name, email_address: USER.email_address, phone_number: null, address: null },
      },
    });
    expect(approved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Math.abs(Date.parse(approved.created) - Date.now())).toBeLessThan(60_000);

    const overdrawn = (before.available! + 0.01).toFixed(2);
    const declined = (await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.checking, { amount: overdrawn }))).data
      .authorization;
    expect(declined.decision).toBe('declined');
    expect(declined.decision_rationale).toEqual({ code: 'NSF', description: expect.stringContaining('insufficient funds') });

    // A debit holds its amount: the same account's available balance drops, so more is NSF.
    const transfer = (
      await createTransfer(client, a, a.checking, approved.id, { description: 'Rent', amount: '60.00' })
    ).data.transfer;
    expect(transfer.amount).toBe('60.00');
    const after = await balances(client, a.accessToken, a.checking);
    expect(after).toMatchObject({ available: 40, current: before.current });
    const second = await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.checking, { amount: '40.01' }));
    expect(second.data.authorization.decision_rationale?.code).toBe('NSF');
    const fits = await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.checking, { amount: '40.00' }));
    expect(fits.data.authorization.decision).toBe('approved');
  });

  it('creates a pending transfer with the fields the spec requires, and finds it by id, authorization and list', async () => {
    const a = await linkAccounts(client);
    const auth = await authorize(client, a, a.savings, { amount: '25.50', network: TransferNetwork.SameDayAch });
    const created = await client.transferCreate({
      access_token: a.accessToken,
      account_id: a.savings,
      authorization_id: auth.id,
      description: 'Invoice 7',
      metadata: { invoice: '7' },
    });
    const transfer = created.data.transfer;
    expect(transfer).toMatchObject({
      authorization_id: auth.id,
      account_id: a.savings,
      type: 'debit',
      network: 'same-day-ach',
      ach_class: 'ppd',
      // Omitted amount: the authorized one.
      amount: '25.50',
      description: 'Invoice 7',
      status: 'pending',
      cancellable: true,
      failure_reason: null,
      metadata: { invoice: '7' },
      iso_currency_code: 'USD',
      refunds: [],
      recurring_transfer_id: null,
      originator_client_id: null,
      funding_account_id: null,
    });
    expect(transfer.expected_settlement_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect((await client.transferGet({ transfer_id: transfer.id })).data.transfer).toEqual(transfer);
    expect((await client.transferGet({ authorization_id: auth.id })).data.transfer).toEqual(transfer);
    const listed = (await client.transferList({ count: 25 })).data.transfers;
    expect(listed[0]).toEqual(transfer);

    // authorization_id is the idempotency key: the same request again is the same transfer.
    const retried = await client.transferCreate({
      access_token: a.accessToken,
      account_id: a.savings,
      authorization_id: auth.id,
      description: 'Invoice 7',
    });
    expect(retried.data.transfer.id).toBe(transfer.id);
    expect((await balances(client, a.accessToken, a.savings)).available).toBe(200 - 25.5);
  });

  it('runs pending -> posted -> settled -> funds_available -> returned, with ordered events and moving balances', async () => {
    const a = await linkAccounts(client);
    const start = (await syncEvents(client, 0)).at(-1)?.event_id ?? 0;
    const auth = (await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.checking, { amount: '30.00' }))).data.authorization;
    const transfer = (await createTransfer(client, a, a.checking, auth.id, { description: 'Gym' }))
      .data.transfer;

    const simulate = (event_type: string, extra: Record<string, unknown> = {}) =>
      client.sandboxTransferSimulate({ transfer_id: transfer.id, event_type, ...extra });
    await simulate('posted');
    expect(await balances(client, a.accessToken, a.checking)).toMatchObject({ available: 70, current: 80 });
    await simulate('settled');
    await simulate('funds_available');
    expect((await client.transferGet({ transfer_id: transfer.id })).data.transfer).toMatchObject({ status: 'funds_available', cancellable: false });
    await simulate('returned', { failure_reason: { failure_code: 'R10', description: 'Customer advises unauthorized' } });
    // A returned debit gives the money back.
    expect(await balances(client, a.accessToken, a.checking)).toMatchObject({ available: 100, current: 110 });
    const returned = (await client.transferGet({ transfer_id: transfer.id })).data.transfer;
    expect(returned).toMatchObject({
      status: 'returned',
      failure_reason: { failure_code: 'R10', ach_return_code: 'R10', description: 'Customer advises unauthorized' },
    });

    // /transfer/event/sync: every event after `start`, oldest first, ids strictly increasing; small pages page.
    const events = (await syncEvents(client, start, 2)).filter((e) => e.transfer_id === transfer.id);
    expect(events.map((e) => e.event_type)).toEqual(['pending', 'posted', 'settled', 'funds_available', 'returned']);
    const ids = events.map((e) => e.event_id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
    expect(events[0]).toMatchObject({
      account_id: a.checking,
      transfer_type: 'debit',
      transfer_amount: '30.00',
      failure_reason: null,
      sweep_id: null,
    });
    expect(events[4]!.failure_reason).toMatchObject({ failure_code: 'R10' });
    const page = await client.transferEventSync({ after_id: start, count: 2 });
    expect(page.data).toMatchObject({ has_more: true });
    expect(page.data.transfer_events).toHaveLength(2);

    // /transfer/event/list: the same events, newest first, filterable.
    const listed = (await client.transferEventList({ transfer_id: transfer.id })).data;
    expect(listed.has_more).toBe(false);
    expect(listed.transfer_events).toEqual([...events].reverse());
    const onlyReturns = (await client.transferEventList({ transfer_id: transfer.id, event_types: ['returned' as never] })).data.transfer_events;
    expect(onlyReturns.map((e) => e.event_id)).toEqual([ids[4]]);
    const paged = (await client.transferEventList({ transfer_id: transfer.id, count: 2, offset: 2 })).data;
    expect(paged).toMatchObject({ has_more: true });
    expect(paged.transfer_events.map((e) => e.event_type)).toEqual(['settled', 'posted']);
  });

  it('fails a pending debit and gives the hold back', async () => {
    const a = await linkAccounts(client);
    const auth = (await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.checking, { amount: '90.00' }))).data.authorization;
    const transfer = (await createTransfer(client, a, a.checking, auth.id, { description: 'Car' }))
      .data.transfer;
    expect((await balances(client, a.accessToken, a.checking)).available).toBe(10);
    await client.sandboxTransferSimulate({ transfer_id: transfer.id, event_type: 'failed' });
    expect((await balances(client, a.accessToken, a.checking)).available).toBe(100);
    const failed = (await client.transferGet({ transfer_id: transfer.id })).data.transfer;
    expect(failed).toMatchObject({ status: 'failed', failure_reason: { failure_code: null, description: expect.any(String) } });
    const [event] = (await client.transferEventList({ transfer_id: transfer.id, event_types: ['failed' as never] })).data.transfer_events;
    expect(event!.failure_reason).toEqual(failed.failure_reason);
  });

  it('rejects transitions the lifecycle does not allow', async () => {
    const a = await linkAccounts(client);
    const create = async (type: TransferType, amount: string) => {
      const auth = (await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.savings, { type, amount }))).data.authorization;
      return (await createTransfer(client, a, a.savings, auth.id, { description: 'Test' })).data
        .transfer.id;
    };
    const rejected = async (transfer_id: string, event_type: string) => {
      const failure = await plaidFailure(client.sandboxTransferSimulate({ transfer_id, event_type }));
      expect(failure).toMatchObject({ status: 400, data: { error_type: 'INVALID_REQUEST', error_code: 'INVALID_FIELD' } });
      return failure.data.error_message;
    };

    const debit = await create(TransferType.Debit, '5.00');
    expect(await rejected(debit, 'settled')).toBe('cannot simulate event_type settled for a transfer with status pending');
    await rejected(debit, 'returned');
    await rejected(debit, 'funds_available');
    await rejected(debit, 'pending');
    await rejected(debit, 'exploded');
    await client.sandboxTransferSimulate({ transfer_id: debit, event_type: 'posted' });
    await rejected(debit, 'posted');
    await rejected(debit, 'failed');

    const credit = await create(TransferType.Credit, '5.00');
    await client.sandboxTransferSimulate({ transfer_id: credit, event_type: 'posted' });
    await client.sandboxTransferSimulate({ transfer_id: credit, event_type: 'settled' });
    expect(await rejected(credit, 'funds_available')).toBe('event_type funds_available only applies to ACH debits');

    const failed = await create(TransferType.Debit, '1.00');
    await client.sandboxTransferSimulate({ transfer_id: failed, event_type: 'failed' });
    for (const event of ['posted', 'settled', 'returned', 'failed']) await rejected(failed, event);

    const notFound = await plaidFailure(client.sandboxTransferSimulate({ transfer_id: 'no-such-transfer', event_type: 'posted' }));
    expect(notFound.data).toMatchObject({ error_code: 'INVALID_FIELD', error_message: 'transfer_id does not match any transfer' });
    const badWebhook = await plaidFailure(client.sandboxTransferSimulate({ transfer_id: credit, event_type: 'returned', webhook: 'not a url' }));
    expect(badWebhook.data).toMatchObject({ error_code: 'INVALID_FIELD', error_message: 'webhook must be a valid URL' });
    const strayReason = await plaidFailure(
      client.sandboxTransferSimulate({ transfer_id: debit, event_type: 'settled', failure_reason: { description: 'why?' } }),
    );
    expect(strayReason.data.error_message).toBe('failure_reason applies only to failed and returned events');
  });

  it('sends a signed TRANSFER_EVENTS_UPDATE to the Item webhook on every simulated event', async () => {
    const a = await linkAccounts(client, 'ins_109508', receiver.url);
    const auth = (await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.checking, { amount: '1.00' }))).data.authorization;
    const transfer = (await createTransfer(client, a, a.checking, auth.id, { description: 'Hook' }))
      .data.transfer;
    await client.sandboxTransferSimulate({ transfer_id: transfer.id, event_type: 'posted' });

    const [webhook] = await receiver.waitFor(1);
    const body = JSON.parse(webhook!.raw.toString('utf8')) as unknown;
    expect(body).toEqual({ webhook_type: 'TRANSFER', webhook_code: 'TRANSFER_EVENTS_UPDATE', environment: 'sandbox' });
    spec.assertSchema('TransferEventsUpdateWebhook', body);
    const jwt = webhook!.headers['plaid-verification'] as string;
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', kid: expect.any(String), typ: 'JWT' });
    expect(await verifyPlaidWebhook(client, jwt, webhook!.raw)).toBe(true);
    expect(await verifyPlaidWebhook(client, jwt, Buffer.from(webhook!.raw.toString('utf8').replace('sandbox', 'production')))).toBe(false);

    // The control API lists it with the other deliveries.
    const deliveries = (await control(emulator.url, 'GET', '/webhooks')).body as Array<{ url: string; status: number; body: unknown }>;
    expect(deliveries.filter((d) => d.url === receiver.url).at(-1)).toMatchObject({ status: 200, body });

    // The simulate call may name another URL; /sandbox/transfer/fire_webhook sends one on demand.
    const other = await new WebhookReceiver('/other').start();
    try {
      await client.sandboxTransferSimulate({ transfer_id: transfer.id, event_type: 'settled', webhook: other.url });
      await client.sandboxTransferFireWebhook({ webhook: other.url });
      const both = await other.waitFor(2);
      for (const w of both) expect(await verifyPlaidWebhook(client, w.headers['plaid-verification'] as string, w.raw)).toBe(true);
    } finally {
      await other.close();
    }
    expect(receiver.received).toHaveLength(1);
  });

  it('cancels a pending transfer only', async () => {
    const a = await linkAccounts(client);
    const auth = (await client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.checking, { amount: '20.00' }))).data.authorization;
    const transfer = (await createTransfer(client, a, a.checking, auth.id, { description: 'Oops' }))
      .data.transfer;
    await client.transferCancel({ transfer_id: transfer.id });
    expect((await client.transferGet({ transfer_id: transfer.id })).data.transfer).toMatchObject({ status: 'cancelled', cancellable: false });
    expect((await balances(client, a.accessToken, a.checking)).available).toBe(100);
    const again = await plaidFailure(client.transferCancel({ transfer_id: transfer.id }));
    expect(again).toMatchObject({
      status: 400,
      data: {
        error_type: 'TRANSFER_ERROR',
        error_code: 'TRANSFER_NOT_CANCELLABLE',
        documentation_url: 'https://plaid.com/docs/errors/transfer/#transfer_not_cancellable',
      },
    });
    await plaidFailure(client.sandboxTransferSimulate({ transfer_id: transfer.id, event_type: 'posted' }));
  });

  it('answers bad requests with spec-shaped Plaid errors', async () => {
    const a = await linkAccounts(client);
    const expectError = async (call: Promise<unknown>, code: string, message?: string | RegExp) => {
      const failure = await plaidFailure(call);
      expect(failure.status).toBe(400);
      expect(failure.data.error_code).toBe(code);
      expect(failure.data.display_message).toBeNull();
      expect(failure.data.request_id).toMatch(/^[0-9A-Za-z]{15}$/);
      if (message !== undefined) expect(failure.data.error_message).toMatch(message);
      return failure.data;
    };
    const authorizeRaw = (overrides: Record<string, unknown>) =>
      client.transferAuthorizationCreate({ ...authorizationRequest(a.accessToken, a.checking), ...overrides } as TransferAuthorizationCreateRequest);

    await expectError(
      client.transferAuthorizationCreate({ access_token: a.accessToken } as TransferAuthorizationCreateRequest),
      'MISSING_FIELDS',
      'the following required fields are missing: account_id, type, network, amount, user',
    );
    await expectError(authorizeRaw({ type: 'sideways' }), 'INVALID_FIELD', 'type must be one of debit, credit');
    await expectError(authorizeRaw({ network: 'carrier-pigeon' }), 'INVALID_FIELD');
    await expectError(authorizeRaw({ network: 'wire' }), 'INVALID_FIELD', /wire/);
    for (const amount of ['12.345', '-5.00', '1e3', 'ten', '0.00']) await expectError(authorizeRaw({ amount }), 'INVALID_FIELD', /amount/);
    await expectError(authorizeRaw({ amount: 12 }), 'INVALID_FIELD', /decimal string/);
    await expectError(authorizeRaw({ ach_class: undefined }), 'MISSING_FIELDS', 'the following required fields are missing: ach_class');
    await expectError(authorizeRaw({ ach_class: 'xyz' }), 'INVALID_FIELD');
    const noName = authorizeRaw({ user: { email_address: 'x@example.com' } });
    await expectError(noName, 'MISSING_FIELDS', 'the following required fields are missing: user.legal_name');
    await expectError(authorizeRaw({ iso_currency_code: 'EUR' }), 'INVALID_FIELD');
    const unknownToken = await expectError(authorizeRaw({ access_token: UNKNOWN_ACCESS_TOKEN }), 'INVALID_ACCESS_TOKEN');
    expect(unknownToken.error_type).toBe('INVALID_INPUT');
    await expectError(authorizeRaw({ account_id: 'nope' }), 'INVALID_ACCOUNT_ID');
    const unsupported = await expectError(authorizeRaw({ account_id: a.creditCard }), 'TRANSFER_UNSUPPORTED_ACCOUNT_TYPE');
    expect(unsupported.error_type).toBe('TRANSFER_ERROR');

    await expectError(client.transferGet({}), 'MISSING_FIELDS');
    await expectError(client.transferGet({ transfer_id: 'nope' }), 'INVALID_FIELD', 'transfer_id does not match any transfer');
    await expectError(client.transferGet({ authorization_id: 'nope' }), 'INVALID_FIELD', 'authorization_id does not match any authorization');
    await expectError(client.transferList({ count: 26 }), 'INVALID_FIELD', 'count must be an integer between 1 and 25');
    await expectError(client.transferList({ start_date: 'yesterday' }), 'INVALID_FIELD');
    await expectError(client.transferEventSync({} as never), 'MISSING_FIELDS', 'the following required fields are missing: after_id');
    await expectError(client.transferEventSync({ after_id: -1 }), 'INVALID_FIELD');
    await expectError(client.transferEventSync({ after_id: 0, count: 501 }), 'INVALID_FIELD');
    await expectError(client.transferEventList({ count: 0 }), 'INVALID_FIELD');
    await expectError(client.transferEventList({ transfer_type: 'sideways' as never }), 'INVALID_FIELD');
    const emptySimulate = client.sandboxTransferSimulate({} as never);
    await expectError(emptySimulate, 'MISSING_FIELDS', 'the following required fields are missing: transfer_id, event_type');
    await expectError(client.sandboxTransferFireWebhook({} as never), 'MISSING_FIELDS');
    await expectError(client.transferCreate({ access_token: a.accessToken } as never), 'MISSING_FIELDS');
  });

  it('lets the control API fault and count transfer endpoints like the others', async () => {
    const a = await linkAccounts(client);
    await control(emulator.url, 'POST', '/calls/reset');
    const fault = await control(emulator.url, 'POST', '/faults', { endpoint: '/transfer/authorization/create', status: 503, times: 1 });
    expect(fault.status).toBe(201);
    try {
      const failure = await plaidFailure(client.transferAuthorizationCreate(authorizationRequest(a.accessToken, a.checking)));
      expect(failure).toMatchObject({ status: 503, data: { error_type: 'API_ERROR', error_code: 'PLANNED_MAINTENANCE' } });
      expect((await authorize(client, a, a.checking)).decision).toBe('approved');
    } finally {
      await control(emulator.url, 'DELETE', '/faults');
    }
    expect((await control(emulator.url, 'GET', '/calls')).body).toMatchObject({ '/transfer/authorization/create': 2 });
  });

  it('validated every transfer endpoint against the spec, successes and errors', () => {
    const paths = [...coverage].map((c) => c.split(' ')[0]);
    for (const path of [
      '/transfer/capabilities/get',
      '/transfer/authorization/create',
      '/transfer/create',
      '/transfer/get',
      '/transfer/list',
      '/transfer/cancel',
      '/transfer/event/list',
      '/transfer/event/sync',
      '/sandbox/transfer/simulate',
      '/sandbox/transfer/fire_webhook',
    ]) {
      expect(paths).toContain(path);
    }
    expect(coverage).toContain('/transfer/authorization/create 400');
    expect(coverage).toContain('/sandbox/transfer/simulate 400');
  });
});

describe('Plaid emulator: Transfer decision rules on a pinned clock', () => {
  let emulator: RunningPlaidEmulator;
  let client: PlaidApi;
  // Monday 2025-03-10, 15:00 UTC.
  let clock = Date.parse('2025-03-10T15:00:00Z');

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => new Date(clock) });
    client = plaidClient(emulator.url, { spec: new PlaidSpec() });
  });
  afterAll(() => emulator.close());

  it('declines above the single-transfer limit and the daily limit per account and direction', async () => {
    const a = await linkAccounts(client);
    const credit = { type: TransferType.Credit };
    const single = await authorize(client, a, a.savings, { ...credit, amount: '10000.01' });
    expect(single.decision).toBe('declined');
    expect(single.decision_rationale).toEqual({ code: 'TRANSFER_LIMIT_REACHED', description: expect.stringContaining('$10,000.00') });

    for (let i = 0; i < 2; i++) {
      await createTransfer(client, a, a.savings, (await authorize(client, a, a.savings, { ...credit, amount: '10000.00' })).id);
    }
    const over = await authorize(client, a, a.savings, { ...credit, amount: '5000.01' });
    expect(over.decision_rationale).toEqual({
      code: 'TRANSFER_LIMIT_REACHED',
      description: expect.stringContaining('daily credit limit of $25,000.00'),
    });
    const upTo = await authorize(client, a, a.savings, { ...credit, amount: '5000.00' });
    expect(upTo.decision).toBe('approved');
    // Another account, or the other direction, has its own allowance.
    expect((await authorize(client, a, a.checking, { ...credit, amount: '10000.00' })).decision).toBe('approved');
    expect((await authorize(client, a, a.savings, { amount: '1.00' })).decision).toBe('approved');

    // A limit is checked again at /transfer/create: an authorization is not a reservation.
    const early = await authorize(client, a, a.savings, { ...credit, amount: '4000.00' });
    await createTransfer(client, a, a.savings, upTo.id);
    const limited = await plaidFailure(createTransfer(client, a, a.savings, early.id));
    expect(limited.data).toMatchObject({ error_type: 'TRANSFER_ERROR', error_code: 'TRANSFER_LIMIT_REACHED' });

    // The next UTC day starts afresh.
    clock += 24 * 3_600_000;
    expect((await authorize(client, a, a.savings, { ...credit, amount: '10000.00' })).decision).toBe('approved');
  });

  it('declines a debit from an account with exactly $0 available as RISK', async () => {
    const a = await linkAccounts(client);
    await createTransfer(client, a, a.checking, (await authorize(client, a, a.checking, { amount: '100.00' })).id);
    const risky = await authorize(client, a, a.checking, { amount: '0.01' });
    expect(risky.decision_rationale?.code).toBe('RISK');
    // Credits take nothing from the account: approved whatever the balance.
    expect((await authorize(client, a, a.checking, { type: TransferType.Credit, amount: '500.00' })).decision).toBe('approved');
  });

  it('allows RTP credits only where capabilities say so', async () => {
    const eligible = await linkAccounts(client, 'ins_127989');
    const rtpCredit = { type: TransferType.Credit, network: TransferNetwork.Rtp, ach_class: undefined };
    const rtp = await authorize(client, eligible, eligible.checking, rtpCredit);
    expect(rtp.decision).toBe('approved');
    expect(rtp.proposed_transfer.network).toBe('rtp');
    expect(rtp.proposed_transfer).not.toHaveProperty('ach_class');
    const transfer = (await createTransfer(client, eligible, eligible.checking, rtp.id, { description: 'Instant payout' })).data.transfer;
    expect(transfer).toMatchObject({
      network: 'rtp',
      expected_settlement_date: '2025-03-11',
      standard_return_window: null,
      unauthorized_return_window: null,
    });

    const debit = await plaidFailure(authorize(client, eligible, eligible.checking, { network: TransferNetwork.Rtp }));
    expect(debit.data).toMatchObject({ error_code: 'INVALID_FIELD', error_message: expect.stringContaining('credits') });
    const ineligible = await linkAccounts(client, 'ins_109511');
    const refused = await plaidFailure(
      client.transferAuthorizationCreate(
        authorizationRequest(ineligible.accessToken, ineligible.checking, { type: TransferType.Credit, network: TransferNetwork.Rtp }),
      ),
    );
    expect(refused.data).toMatchObject({ error_code: 'INVALID_FIELD', error_message: expect.stringContaining('not eligible for RTP') });
  });

  it('dates an ACH transfer by banking days', async () => {
    const a = await linkAccounts(client);
    clock = Date.parse('2025-03-14T15:00:00Z'); // a Friday
    const transfer = (await createTransfer(client, a, a.checking, (await authorize(client, a, a.checking, { amount: '1.00' })).id)).data.transfer;
    expect(transfer).toMatchObject({
      created: '2025-03-14T15:00:00Z',
      expected_settlement_date: '2025-03-17',
      standard_return_window: '2025-03-20',
      unauthorized_return_window: '2025-06-10',
    });
    // Same-day ACH settles on the first banking day: a Saturday's on Monday.
    clock = Date.parse('2025-03-15T15:00:00Z');
    const sameDay = await authorize(client, a, a.checking, { amount: '1.00', network: TransferNetwork.SameDayAch });
    expect((await createTransfer(client, a, a.checking, sameDay.id)).data.transfer.expected_settlement_date).toBe('2025-03-17');
  });

  it('refuses declined, expired, used, mismatched and oversized authorizations', async () => {
    const a = await linkAccounts(client);
    const refusal = async (call: Promise<unknown>, message: RegExp) => {
      const failure = await plaidFailure(call);
      expect(failure).toMatchObject({ status: 400, data: { error_type: 'INVALID_REQUEST', error_code: 'INVALID_FIELD' } });
      expect(failure.data.error_message).toMatch(message);
    };

    const declined = await authorize(client, a, a.checking, { amount: '1000.00' });
    expect(declined.decision).toBe('declined');
    await refusal(createTransfer(client, a, a.checking, declined.id), /declined/);

    const approved = await authorize(client, a, a.checking, { amount: '10.00' });
    await refusal(createTransfer(client, a, a.savings, approved.id), /the ones the authorization was created for/);
    const other = await linkAccounts(client);
    await refusal(createTransfer(client, other, other.checking, approved.id), /the ones/);
    await refusal(createTransfer(client, a, a.checking, approved.id, { amount: '10.01' }), /authorized amount of 10.00/);
    await refusal(createTransfer(client, a, a.checking, approved.id, { description: 'Eleven char' }), /at most 10 characters for ACH/);
    await refusal(createTransfer(client, a, a.checking, approved.id, { description: 'Sixteen chars!!!' }), /at most 15 characters/);
    await refusal(createTransfer(client, a, a.checking, 'no-such-authorization'), /does not match any authorization/);

    const used = (await createTransfer(client, a, a.checking, approved.id, { amount: '4.00' })).data.transfer;
    expect((await createTransfer(client, a, a.checking, approved.id, { amount: '4.00' })).data.transfer.id).toBe(used.id);
    await refusal(createTransfer(client, a, a.checking, approved.id, { amount: '5.00' }), /already used/);

    const stale = await authorize(client, a, a.checking, { amount: '1.00' });
    clock += 3_600_000;
    await refusal(createTransfer(client, a, a.checking, stale.id), /expired/);
  });

  it('returns the same authorization for a repeated idempotency_key', async () => {
    const a = await linkAccounts(client);
    const first = await authorize(client, a, a.checking, { amount: '3.00', idempotency_key: 'order-1' });
    const again = await authorize(client, a, a.checking, { amount: '3.00', idempotency_key: 'order-1' });
    expect(again).toEqual(first);
    const conflict = await plaidFailure(authorize(client, a, a.checking, { amount: '4.00', idempotency_key: 'order-1' }));
    expect(conflict.data.error_message).toMatch(/idempotency_key/);
    expect((await authorize(client, a, a.checking, { amount: '3.00', idempotency_key: 'order-2' })).id).not.toBe(first.id);
  });
});
