import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Products } from 'plaid';
import { EMULATOR_CREDENTIALS } from '../../src/config/config.js';
import { IdempotencyKey, Transfer } from '../../src/db/entities/index.js';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { LIVE_TRANSFERS_REFUSED } from '../../src/modules/transfers/transfer-service.js';
import type { RunningPlaidEmulator } from '../../src/sandbox/plaid/index.js';
import { LINK, linkUser } from '../helpers/banking.js';
import { DIALECTS } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { plaidSdk, startTestPlaid } from '../helpers/plaid.js';
import { recordCalculation, registerEndpoint, WebhookReceiver } from '../helpers/webhooks.js';

/**
 * One partner, its test key and its live key, the same user id under both. The live key talks to
 * "production" Plaid, which here is the same emulator, so only the gateway's own scoping keeps the
 * two apart: a test key (the low-trust one: printed, pasted into GraphiQL and CI) must never reach
 * live bank data, transfers, endpoints or idempotency keys, and a live key never sees sandbox data.
 */
describe.each(DIALECTS)('test and live keys of one partner see separate data (%s)', (dialect) => {
  const USER = 'usr_both_modes';
  let plaid: RunningPlaidEmulator;
  let gw: TestGateway;
  let testKey: string;
  let liveKey: string;
  const testReceiver = new WebhookReceiver();
  const liveReceiver = new WebhookReceiver();
  let live: { checking: string; savings: string; itemId: string };
  let sandbox: { checking: string; savings: string; itemId: string };

  const accountsOf = async (key: string) =>
    ((await gw.graphql(`{ user(id: "${USER}") { accounts { accountId subtype } } }`, { key })).body.data.user.accounts as { accountId: string; subtype: string }[]);
  const pick = (accounts: { accountId: string; subtype: string }[], subtype: string) => accounts.find((a) => a.subtype === subtype)!.accountId;
  const transfer = (key: string, from: string, to: string, idempotencyKey: string) =>
    gw.graphql(`mutation { createTransfer(input: { fromAccountId: "${from}", toAccountId: "${to}", amount: 2 }, idempotencyKey: "${idempotencyKey}") { ... on Transfer { id } } }`, { key });

  beforeAll(async () => {
    plaid = await startTestPlaid();
    gw = await startTestGateway(dialect, {
      PLAID_SANDBOX_URL: plaid.url,
      PLAID_PRODUCTION_URL: plaid.url,
      PLAID_CLIENT_ID: EMULATOR_CREDENTIALS.plaidClientId,
      PLAID_PRODUCTION_SECRET: EMULATOR_CREDENTIALS.plaidSecret,
      TRANSACTIONS_STALE_AFTER_SECONDS: '3600',
    });
    await Promise.all([testReceiver.start(), liveReceiver.start()]);
    const partners = new PartnerService(gw.orm.em.fork());
    const created = await partners.createPartner('Both Modes');
    await partners.enableProduction(created.partner.id);
    ({ testKey, liveKey } = created);

    // Live: a public token straight from "production" Plaid (sandboxPublicToken is test-only), linked with the live key.
    const pt = await plaidSdk(plaid.url).sandboxPublicTokenCreate({ institution_id: 'ins_109508', initial_products: [Products.Transactions] });
    const linked = await gw.graphql(LINK, { key: liveKey, variables: { input: { publicToken: pt.data.public_token, userId: USER } } });
    expect(linked.body.errors).toBeUndefined();
    const liveAccounts = await accountsOf(liveKey);
    live = { checking: pick(liveAccounts, 'checking'), savings: pick(liveAccounts, 'savings'), itemId: linked.body.data.linkAccounts.itemId };
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([plaid.close(), testReceiver.close(), liveReceiver.close()]);
  });

  it('a test key sees nothing of the live user with the same id, over GraphQL and REST', async () => {
    expect(await accountsOf(testKey)).toEqual([]);
    const rest = await fetch(`${gw.url}/v1/accounts?user_id=${USER}`, { headers: { authorization: `Bearer ${testKey}` } });
    expect(await rest.json()).toEqual({ accounts: [] });
    const feed = await gw.graphql(`{ transactionUpdates(userId: "${USER}") { added { transactionId } } }`, { key: testKey });
    expect(feed.body.data.transactionUpdates.added).toEqual([]);
  });

  it('the test key’s own link makes a sandbox user of its own; the live key still sees only its own accounts', async () => {
    const linked = await linkUser(gw, USER, testKey);
    expect(linked.itemId).not.toBe(live.itemId);
    const sandboxAccounts = await accountsOf(testKey);
    sandbox = { checking: pick(sandboxAccounts, 'checking'), savings: pick(sandboxAccounts, 'savings'), itemId: linked.itemId };
    expect(sandboxAccounts.map((a) => a.accountId).sort()).toEqual(linked.accounts.map((a) => a.accountId).sort());
    const liveIds = (await accountsOf(liveKey)).map((a) => a.accountId);
    expect(liveIds).toContain(live.checking);
    expect(liveIds).not.toContain(sandbox.checking);
    const users = await gw.orm.em.getConnection().execute('select key_mode from end_users where external_user_id = ? order by key_mode', [USER]);
    expect(users.map((u) => u.key_mode)).toEqual(['live', 'test']);
  });

  it('webhook endpoints and their events are per mode; transfers are refused with the live key and writes nothing', async () => {
    const testEndpoint = await registerEndpoint(gw, testReceiver.url(), ['calculation.updated'], testKey);
    const liveEndpoint = await registerEndpoint(gw, liveReceiver.url(), ['calculation.updated'], liveKey);
    const listed = async (key: string) => (await gw.graphql('{ webhookEndpoints { id } }', { key })).body.data.webhookEndpoints.map((e: { id: string }) => e.id);
    expect(await listed(testKey)).toEqual([testEndpoint.id]);
    expect(await listed(liveKey)).toEqual([liveEndpoint.id]);
    const foreignDisable = await gw.graphql(`mutation { disableWebhookEndpoint(id: "${liveEndpoint.id}") { id } }`, { key: testKey });
    expect(foreignDisable.body.errors[0].extensions.code).toBe('NOT_FOUND');

    // Only the debit leg of a transfer exists, so real money is not moved: nothing is claimed or written.
    const key = randomUUID();
    const liveRes = await transfer(liveKey, live.checking, live.savings, key);
    expect(liveRes.body.errors[0]).toMatchObject({ message: LIVE_TRANSFERS_REFUSED, extensions: { code: 'FORBIDDEN' } });
    const em = gw.orm.em.fork();
    expect(await em.count(IdempotencyKey, { key })).toBe(0);
    expect(await em.count(Transfer, {})).toBe(0);
    // The same Idempotency-Key under the test key is free: a sandbox transfer, which the live key cannot read.
    const sandboxRes = await transfer(testKey, sandbox.checking, sandbox.savings, key);
    expect(sandboxRes.body.errors).toBeUndefined();
    const sandboxTransfer = sandboxRes.body.data.createTransfer.id as string;
    expect((await gw.graphql(`{ transfer(id: "${sandboxTransfer}") { id } }`, { key: liveKey })).body.data.transfer).toBeNull();
    // The test key cannot move money from the live account either.
    const fromLive = await transfer(testKey, live.checking, live.savings, randomUUID());
    expect(fromLive.body.errors[0].extensions.code).toBe('NOT_FOUND');

    // Each event reaches only its own mode's receiver.
    const liveCalc = await recordCalculation(gw, 'usr_webhook_modes', liveKey);
    const testCalc = await recordCalculation(gw, 'usr_webhook_modes', testKey);
    await liveReceiver.waitFor(1);
    await testReceiver.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const calculationIds = (r: WebhookReceiver) => r.requests.map((q) => (q.body as { data: { calculation: { calculation_id: string } } }).data.calculation.calculation_id);
    expect(calculationIds(liveReceiver)).toEqual([liveCalc.calculationId]);
    expect(calculationIds(testReceiver)).toEqual([testCalc.calculationId]);
  });

  it('a safe-to-spend result recorded with the test key is not the live user’s', async () => {
    const recorded = await recordCalculation(gw, USER, testKey);
    const latest = async (key: string) => (await gw.graphql(`{ user(id: "${USER}") { latestSafeToSpend { calculationId } } }`, { key })).body.data.user.latestSafeToSpend;
    expect(await latest(testKey)).toEqual({ calculationId: recorded.calculationId });
    expect(await latest(liveKey)).toBeNull();
  });
});
