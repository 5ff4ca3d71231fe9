import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { generateApiKey } from '../../src/modules/partners/api-key.js';
import { randomUUID } from 'node:crypto';
import { OutboxEvent, WebhookDelivery, WebhookEndpoint } from '../../src/db/entities/index.js';
import { DEMO_PARTNER_ID } from '../../src/db/seeders/demo-seeder.js';
import { claimDelivery } from '../../src/modules/webhooks/delivery-store.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { startTestGateway, testEnv, type TestGateway } from '../helpers/gateway.js';
import { spawnTs, waitForOutput } from '../helpers/spawn.js';
import { deliveries, eventually, recordCalculation, registerEndpoint, SCHEDULER_VARIANTS, WebhookReceiver } from '../helpers/webhooks.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(SCHEDULER_VARIANTS)('webhook delivery across a restart ($name)', ({ dialect, env }) => {
  let db: TestDatabase;
  const rx = new WebhookReceiver();
  const gateways: TestGateway[] = [];

  beforeAll(async () => {
    await rx.start();
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await rx.close();
    await db?.drop();
  });

  it('keeps a pending delivery through a stop: a new gateway on the same database delivers it', async () => {
    let receiverUp = false;
    // Retry-After pins the retry at least 2 s out (full jitter alone may schedule it within
    // milliseconds, before the gateway has stopped).
    rx.responder = () => (receiverUp ? { status: 200 } : { status: 503, headers: { 'retry-after': '2' } });
    const settings = { ...env, WEBHOOK_RETRY_BASE_MS: '1000' };

    const first = await startTestGateway(db, settings);
    gateways.push(first);
    const { id } = await registerEndpoint(first, rx.url(), ['calculation.updated']);
    await recordCalculation(first, 'usr_restart');
    const [failed] = await rx.waitFor(1);
    const [pending] = await eventually(async () => {
      const list = await deliveries(first, id);
      return list[0]?.attempts === 1 && list;
    });
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: 503 });
    await first.stop();

    // The retry falls due while no gateway runs: nothing held in memory can deliver it.
    await sleep(Math.max(0, Date.parse(pending.nextAttemptAt) - Date.now()) + 300);
    expect(rx.requests).toHaveLength(1);
    receiverUp = true;

    const second = await startTestGateway(db, settings);
    gateways.push(second);
    const [, delivered] = await rx.waitFor(2);
    expect(delivered!.body.id).toBe(failed!.body.id);
    const [done] = await eventually(async () => {
      const list = await deliveries(second, id);
      return list[0]?.status === 'SUCCEEDED' && list;
    });
    expect(done).toMatchObject({ attempts: 2, lastStatusCode: 200 });
    await sleep(500);
    expect(rx.requests).toHaveLength(2);
  });
});

describe.each(DIALECTS)('claiming an attempt (%s)', (dialect) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
  });
  afterAll(() => gw?.stop());

  it('lets exactly one of many concurrent claims win, and lets a claim take over once the lease ran out', async () => {
    // A delivery due in an hour, so the gateway's own scheduler leaves it alone.
    const em = gw.orm.em.fork();
    const due = new Date(Date.now() + 3600_000);
    const endpoint = em.create(WebhookEndpoint, {
      publicId: 'we_claimtest000000000000000',
      partner: DEMO_PARTNER_ID,
      url: 'https://hooks.partner.example/in',
      eventTypes: ['*'],
      secretCiphertext: 'unused',
      secretKeyId: 'test',
      status: 'enabled',
    });
    const event = em.create(OutboxEvent, { partner: DEMO_PARTNER_ID, eventType: 'calculation.updated', payload: {}, dispatchedAt: new Date() });
    const delivery = em.create(WebhookDelivery, { id: randomUUID(), endpoint, event, status: 'pending', attempts: 0, nextAttemptAt: due });
    await em.flush();

    const claims = await Promise.all(Array.from({ length: 20 }, () => claimDelivery(gw.orm.em.fork(), delivery.id, due, 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Still held a moment later; taken over after the lease ends.
    expect(await claimDelivery(gw.orm.em.fork(), delivery.id, new Date(due.getTime() + 59_000), 60_000)).toBeNull();
    expect(await claimDelivery(gw.orm.em.fork(), delivery.id, new Date(due.getTime() + 61_000), 60_000)).not.toBeNull();
    // Not before it is due.
    await gw.orm.em.fork().nativeUpdate(WebhookDelivery, { id: delivery.id }, { leaseUntil: null });
    expect(await claimDelivery(gw.orm.em.fork(), delivery.id, new Date(due.getTime() - 1000), 60_000)).toBeNull();
  });
});

/** Several gateway processes on one PostgreSQL database: with the in-process scheduler, and with BullMQ. */
const multiProcessVariants = SCHEDULER_VARIANTS.filter((v) => v.dialect === 'postgresql');
const multiProcess = multiProcessVariants.length > 0 ? describe.each(multiProcessVariants) : describe.skip.each([{ name: 'needs DATABASE_URL', dialect: 'postgresql', env: {} }]);

multiProcess('two gateway processes on one database ($name)', ({ env }) => {
  const EVENTS = 20;
  let db: TestDatabase;
  const rx = new WebhookReceiver();
  const children: ChildProcess[] = [];
  const output: string[][] = [];
  const urls: string[] = [];
  const key = generateApiKey('test').key;

  const graphql = async (url: string, query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };

  beforeAll(async () => {
    await rx.start();
    db = await createTestDatabase('postgresql');
    const processEnv = testEnv(db, { ...env, DEMO_API_KEY: key, WEBHOOK_RETRY_BASE_MS: '300' });
    // One after the other: the first migrates and seeds, the second finds both done.
    for (let i = 0; i < 2; i++) {
      const child = spawnTs('src/main.ts', [], processEnv);
      const lines: string[] = [];
      child.stdout!.on('data', (d) => lines.push(d.toString()));
      children.push(child);
      output.push(lines);
      urls.push((await waitForOutput(child, /GraphiQL: +(http:\/\/\S+)\/graphql/))[1]!);
    }
  });
  afterAll(async () => {
    await Promise.all(
      children.map((c) =>
        c.exitCode === null ? new Promise<void>((resolve) => {
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }) : undefined,
      ),
    );
    await rx.close();
    await db?.drop();
  });

  it('sends every attempt once: each event fails once and is delivered once, never duplicated', async () => {
    // The first request for each event fails, so every event also goes through a retry.
    rx.responder = (r) => ({ status: rx.requests.some((p) => p.body?.id === r.body?.id) ? 200 : 500 });
    const registered = await graphql(urls[0]!, 'mutation($u: String!) { registerWebhookEndpoint(url: $u, eventTypes: ["calculation.updated"]) { endpoint { id } } }', { u: rx.url() });
    const endpointId = registered.registerWebhookEndpoint.endpoint.id as string;

    // Events committed through both processes at once.
    await Promise.all(
      Array.from({ length: EVENTS }, (_, i) =>
        graphql(urls[i % 2]!, 'mutation($u: ID!) { recordSafeToSpend(userId: $u, input: { cashBalance: 500 }) { calculationId } }', { u: `usr_mp${i}` }),
      ),
    );
    await rx.waitFor(2 * EVENTS, 30_000);
    // Room for any duplicate to show up.
    await sleep(2000);

    const perEvent = new Map<string, number>();
    for (const r of rx.requests) perEvent.set(r.body.id, (perEvent.get(r.body.id) ?? 0) + 1);
    expect(perEvent.size).toBe(EVENTS);
    expect([...perEvent.values()].every((n) => n === 2)).toBe(true);
    expect(rx.requests).toHaveLength(2 * EVENTS);

    const list = await graphql(urls[1]!, `{ webhookDeliveries(endpointId: "${endpointId}", first: 100) { edges { node { status attempts attemptLog { statusCode } } } } }`);
    const nodes = list.webhookDeliveries.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toHaveLength(EVENTS);
    for (const node of nodes) expect(node).toEqual({ status: 'SUCCEEDED', attempts: 2, attemptLog: [{ statusCode: 500 }, { statusCode: 200 }] });

    // Both processes did part of the work, and the attempts they logged add up to what was received.
    const attemptsBy = output.map((lines) => lines.join('').split('\n').filter((l) => l.includes('"msg":"webhook delivery attempt"')).length);
    expect(attemptsBy.every((n) => n > 0)).toBe(true);
    expect(attemptsBy.reduce((a, b) => a + b, 0)).toBe(2 * EVENTS);
  });

  it('stops cleanly on SIGTERM with delivery running', async () => {
    const exits = children.map((c) => new Promise<number | null>((resolve) => c.once('exit', (code) => resolve(code))));
    for (const c of children) c.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
  });
});
