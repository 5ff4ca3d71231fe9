import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { verifyAtlasSignature } from '../../src/public/verify-atlas-signature.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import {
  deliveries,
  ENDPOINT_FIELDS,
  eventually,
  recordCalculation,
  registerEndpoint,
  SCHEDULER_VARIANTS,
  WebhookReceiver,
  type ReceivedRequest,
} from '../helpers/webhooks.js';

/** Short retries so a suite sees several attempts in seconds; 4 attempts before a delivery fails. */
const FAST_RETRIES = { WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_MAX_ATTEMPTS: '4' };

const signatureOf = (r: ReceivedRequest) => String(r.headers['atlas-signature']);
const stripeAccepts = (r: ReceivedRequest, secret: string) => {
  try {
    return Stripe.webhooks.signature!.verifyHeader(r.raw.toString('utf8'), signatureOf(r), secret, 300);
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(SCHEDULER_VARIANTS)('webhook delivery ($name)', ({ dialect, env }) => {
  let gw: TestGateway;
  const receivers: WebhookReceiver[] = [];
  const receiver = async () => {
    const r = await new WebhookReceiver().start();
    receivers.push(r);
    return r;
  };
  /** Each test has its own partner, so one test's events never reach another's endpoints. */
  const newPartner = async (name: string) => (await new PartnerService(gw.orm.em.fork()).createPartner(name)).testKey;

  beforeAll(async () => {
    gw = await startTestGateway(dialect, { ...env, ...FAST_RETRIES });
  });
  afterAll(async () => {
    await gw?.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('POSTs calculation.updated with the reference body and headers, signed so that ours and Stripe’s verifiers accept it', async () => {
    const key = await newPartner('Signed');
    const rx = await receiver();
    const { id, secret } = await registerEndpoint(gw, rx.url('/atlas/hooks?source=gw'), ['calculation.updated'], key);
    const { calculationId } = await recordCalculation(gw, 'usr_signed', key);

    const [req] = await rx.waitFor(1);
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe('/atlas/hooks?source=gw');
    expect(req!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'AtlasForge-Webhooks/1',
      'atlas-event-type': 'calculation.updated',
      'atlas-event-id': req!.body.id,
    });
    expect(Object.keys(req!.body)).toEqual(['id', 'type', 'created', 'data']);
    expect(req!.body).toMatchObject({ type: 'calculation.updated', data: { user_id: 'usr_signed', calculation: { calculation_id: calculationId } } });
    expect(Math.abs(req!.body.created - Date.now() / 1000)).toBeLessThan(60);
    // The body's id is the outbox event's id.
    const events = await gw.orm.em.getConnection().execute('select id from outbox_events where id = ?', [req!.body.id]);
    expect(events).toHaveLength(1);

    expect(signatureOf(req!)).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyAtlasSignature(req!.raw, signatureOf(req!), secret)).toBe(true);
    expect(stripeAccepts(req!, secret)).toBe(true);
    expect(verifyAtlasSignature(req!.raw, signatureOf(req!), 'whsec_not_it')).toBe(false);

    const [delivery] = await eventually(async () => {
      const list = await deliveries(gw, id, { key });
      return list[0]?.status === 'SUCCEEDED' && list;
    });
    expect(delivery).toMatchObject({
      endpointId: id,
      eventId: req!.body.id,
      eventType: 'calculation.updated',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      attemptLog: [{ statusCode: 200, error: null }],
    });
    expect(delivery.deliveredAt).not.toBeNull();
    await sleep(500);
    expect(rx.requests).toHaveLength(1);

    // Neither the secret nor the body reaches the logs; the attempt itself is logged.
    expect(gw.rawLogs()).not.toContain(secret);
    expect(gw.rawLogs()).not.toContain(req!.raw.toString('utf8'));
    expect(gw.logs.some((l) => l.msg === 'webhook delivery attempt' && l.deliveryId === delivery.id && l.result === 'succeeded')).toBe(true);
  });

  it('runs the scheduler the configuration asks for, and starts an attempt right after the commit rather than at the next poll', async () => {
    expect(gw.logs.find((l) => l.msg === 'webhook delivery started')).toMatchObject({ scheduler: env.REDIS_URL ? 'bullmq' : 'local' });
    const key = await newPartner('Latency');
    const rx = await receiver();
    await registerEndpoint(gw, rx.url(), ['*'], key);
    const latencies: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      await recordCalculation(gw, `usr_fast${i}`, key);
      latencies.push((await rx.waitFor(i + 1))[i]!.at - started);
    }
    // Polling alone (every 1000 ms) would make some of these wait hundreds of milliseconds.
    expect(Math.max(...latencies)).toBeLessThan(600);
  });

  it('delivers only to enabled endpoints subscribed to the event type', async () => {
    const key = await newPartner('Subscriptions');
    const [all, calc, transfers, disabled] = await Promise.all([receiver(), receiver(), receiver(), receiver()]);
    await registerEndpoint(gw, all.url(), ['*'], key);
    await registerEndpoint(gw, calc.url(), ['calculation.updated', 'transfer.settled'], key);
    await registerEndpoint(gw, transfers.url(), ['transfer.settled', 'transfer.failed'], key);
    const off = await registerEndpoint(gw, disabled.url(), ['*'], key);
    expect((await gw.graphql(`mutation { disableWebhookEndpoint(id: "${off.id}") { status } }`, { key })).body.data.disableWebhookEndpoint.status).toBe('DISABLED');

    await recordCalculation(gw, 'usr_subs', key);
    const [a] = await all.waitFor(1);
    const [c] = await calc.waitFor(1);
    expect(c!.body.id).toBe(a!.body.id);
    await sleep(1500);
    expect([all.requests.length, calc.requests.length, transfers.requests.length, disabled.requests.length]).toEqual([1, 1, 0, 0]);
  });

  it('retries a 500 and delivers on the next attempt, with the same event id and a fresh signature', async () => {
    const key = await newPartner('Retry');
    const rx = await receiver();
    rx.responder = (_r, i) => ({ status: i === 0 ? 500 : 200 });
    const { id, secret } = await registerEndpoint(gw, rx.url(), ['calculation.updated'], key);
    await recordCalculation(gw, 'usr_retry', key);

    const [first, second] = await rx.waitFor(2);
    expect(second!.body.id).toBe(first!.body.id);
    expect(second!.raw.equals(first!.raw)).toBe(true);
    for (const r of [first!, second!]) expect(verifyAtlasSignature(r.raw, signatureOf(r), secret)).toBe(true);
    const [delivery] = await eventually(async () => {
      const list = await deliveries(gw, id, { key });
      return list[0]?.status === 'SUCCEEDED' && list;
    });
    expect(delivery).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null });
    expect(delivery.attemptLog.map((a: { statusCode: number; error: string }) => [a.statusCode, a.error])).toEqual([
      [500, 'HTTP 500'],
      [200, null],
    ]);
  });

  it('waits at least as long as Retry-After asks, in seconds or as an HTTP date', async () => {
    const key = await newPartner('Retry-After');
    const rx = await receiver();
    rx.responder = (r) => {
      const earlier = rx.requests.filter((p) => p.body?.id === r.body?.id).length;
      if (earlier > 0) return { status: 200 };
      return r.body.data.user_id === 'usr_seconds'
        ? { status: 503, headers: { 'retry-after': '2' } }
        : { status: 429, headers: { 'retry-after': new Date(Date.now() + 3000).toUTCString() } };
    };
    await registerEndpoint(gw, rx.url(), ['*'], key);
    await recordCalculation(gw, 'usr_seconds', key);
    await recordCalculation(gw, 'usr_date', key);
    await rx.waitFor(4, 20_000);
    for (const [user, atLeast] of [['usr_seconds', 1900], ['usr_date', 1900]] as const) {
      const [first, second] = rx.requests.filter((r) => r.body.data.user_id === user);
      // Without Retry-After the first retry would come within the 200 ms base.
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(atLeast);
    }
  });

  it('treats 410 Gone as final: disables the endpoint with the reason and cancels its pending deliveries', async () => {
    const key = await newPartner('Gone');
    const rx = await receiver();
    rx.responder = (r) => (r.body.data.user_id === 'usr_slow' ? { status: 503, headers: { 'retry-after': '120' } } : { status: 410 });
    const { id } = await registerEndpoint(gw, rx.url(), ['*'], key);
    await recordCalculation(gw, 'usr_slow', key);
    await rx.waitFor(1);
    await recordCalculation(gw, 'usr_gone', key);
    await rx.waitFor(2);

    const endpoint = await eventually(async () => {
      const list = (await gw.graphql(`{ webhookEndpoints { ${ENDPOINT_FIELDS} } }`, { key })).body.data.webhookEndpoints;
      return list[0].status === 'DISABLED' && list[0];
    });
    expect(endpoint.disabledReason).toMatch(/410 Gone/);
    const list = await eventually(async () => {
      const l = await deliveries(gw, id, { key });
      return l.every((d) => d.status === 'CANCELLED') && l;
    });
    expect(list.map((d) => [d.lastStatusCode, d.attempts])).toEqual([
      [410, 1],
      [503, 1],
    ]);
    // A disabled endpoint gets no new deliveries.
    await recordCalculation(gw, 'usr_after', key);
    await sleep(1500);
    expect(rx.requests).toHaveLength(2);
    expect(await deliveries(gw, id, { key })).toHaveLength(2);
  });

  it('never follows a redirect (even to an allowed 127.0.0.1), and marks the delivery failed after the last attempt', async () => {
    const key = await newPartner('Redirect');
    const [internal, rx] = await Promise.all([receiver(), receiver()]);
    rx.responder = () => ({ status: 302, headers: { location: internal.url('/admin') } });
    const { id } = await registerEndpoint(gw, rx.url(), ['calculation.updated'], key);
    await recordCalculation(gw, 'usr_redirect', key);

    await rx.waitFor(4, 20_000);
    const [delivery] = await eventually(async () => {
      const list = await deliveries(gw, id, { key });
      return list[0]?.status === 'FAILED' && list;
    });
    expect(delivery).toMatchObject({ attempts: 4, lastStatusCode: 302, lastError: 'HTTP 302: redirects are not followed', nextAttemptAt: null, deliveredAt: null });
    expect(delivery.attemptLog).toHaveLength(4);
    await sleep(500);
    expect(rx.requests).toHaveLength(4);
    expect(internal.requests).toHaveLength(0);
  });

  it('signs with both secrets for 24 hours after a rotation (v1=<new>,v1=<old>), and only the newest two after another', async () => {
    const key = await newPartner('Rotation');
    const rx = await receiver();
    const { id, secret: first } = await registerEndpoint(gw, rx.url(), ['calculation.updated'], key);
    await recordCalculation(gw, 'usr_rot1', key);
    const [before] = await rx.waitFor(1);
    expect(signatureOf(before!).split(',')).toHaveLength(2);

    const rotate = async () => {
      const res = await gw.graphql(`mutation { rotateWebhookSecret(id: "${id}") { secret endpoint { ${ENDPOINT_FIELDS} } } }`, { key });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.rotateWebhookSecret;
    };
    const { secret: second, endpoint } = await rotate();
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    expect(Date.parse(endpoint.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    await recordCalculation(gw, 'usr_rot2', key);
    const [, during] = await rx.waitFor(2);
    const parts = signatureOf(during!).split(',');
    expect(parts).toHaveLength(3);
    expect(parts[0]).toMatch(/^t=\d+$/);
    for (const secret of [second, first]) {
      expect(verifyAtlasSignature(during!.raw, signatureOf(during!), secret)).toBe(true);
      expect(stripeAccepts(during!, secret)).toBe(true);
    }
    // The new secret's signature comes first.
    expect(verifyAtlasSignature(during!.raw, `${parts[0]},${parts[1]}`, second)).toBe(true);

    const { secret: third } = await rotate();
    await recordCalculation(gw, 'usr_rot3', key);
    const [, , after] = await rx.waitFor(3);
    expect(verifyAtlasSignature(after!.raw, signatureOf(after!), third)).toBe(true);
    expect(verifyAtlasSignature(after!.raw, signatureOf(after!), second)).toBe(true);
    expect(verifyAtlasSignature(after!.raw, signatureOf(after!), first)).toBe(false);
  });

  it('resends a delivery on request: same event, a fresh round of attempts, the whole attempt log kept', async () => {
    const key = await newPartner('Resend');
    const rx = await receiver();
    const { id } = await registerEndpoint(gw, rx.url(), ['calculation.updated'], key);
    await recordCalculation(gw, 'usr_resend', key);
    const [original] = await rx.waitFor(1);
    const [done] = await eventually(async () => {
      const list = await deliveries(gw, id, { key });
      return list[0]?.status === 'SUCCEEDED' && list;
    });

    const res = await gw.graphql(`mutation { resendWebhookDelivery(id: "${done.id}") { id status attempts eventId } }`, { key });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.resendWebhookDelivery).toMatchObject({ id: done.id, attempts: 0, eventId: original!.body.id });
    const [, again] = await rx.waitFor(2);
    expect(again!.body.id).toBe(original!.body.id);
    const [resent] = await eventually(async () => {
      const list = await deliveries(gw, id, { key });
      return list[0]?.status === 'SUCCEEDED' && list[0].attemptLog.length === 2 && list;
    });
    expect(resent).toMatchObject({ attempts: 1, status: 'SUCCEEDED' });

    // Not to a disabled endpoint.
    await gw.graphql(`mutation { disableWebhookEndpoint(id: "${id}") { id } }`, { key });
    const refused = await gw.graphql(`mutation { resendWebhookDelivery(id: "${done.id}") { id } }`, { key });
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('lists deliveries newest first, in pages', async () => {
    const key = await newPartner('Pages');
    const rx = await receiver();
    const { id } = await registerEndpoint(gw, rx.url(), ['*'], key);
    for (const user of ['usr_p1', 'usr_p2', 'usr_p3']) await recordCalculation(gw, user, key);
    const received = await rx.waitFor(3);
    const users = new Map(received.map((r) => [r.body.id, r.body.data.user_id]));

    const page = async (after?: string) =>
      (await gw.graphql(`query($a: String) { webhookDeliveries(endpointId: "${id}", first: 2, after: $a) { edges { cursor node { eventId } } pageInfo { hasNextPage endCursor } } }`, { key, variables: { a: after } })).body.data.webhookDeliveries;
    const one = await page();
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await page(one.pageInfo.endCursor);
    expect(two.pageInfo).toEqual({ hasNextPage: false, endCursor: two.edges[0].cursor });
    const order = [...one.edges, ...two.edges].map((e: { node: { eventId: string } }) => users.get(e.node.eventId));
    expect(order).toEqual(['usr_p3', 'usr_p2', 'usr_p1']);

    const bad = await gw.graphql(`{ webhookDeliveries(endpointId: "${id}", first: 0) { pageInfo { hasNextPage } } }`, { key });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await gw.graphql(`{ webhookDeliveries(endpointId: "${id}", after: "nope") { pageInfo { hasNextPage } } }`, { key });
    expect(badCursor.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
