import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_PARTNER_ID } from '../../src/db/seeders/demo-seeder.js';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import type { UsageBus } from '../../src/modules/usage/usage-bus.js';
import { DIALECTS } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const SECRET = 'test-ingest-secret-0123456789';
const USAGE_UPDATED = `subscription Live($from: DateTime, $granularity: UsageGranularity) {
  usageUpdated(from: $from, granularity: $granularity) {
    partnerId from to granularity transactions transactionAmountCents
    transactionsByCategory { category count amountCents }
    series { start transactions }
  }
}`;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- messages under test

/** One subscription's messages as an awaitable queue. */
class Live {
  readonly results: Json[] = [];
  error: unknown;
  completed = false;
  private wake: (() => void) | undefined;
  readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.dispose = client.subscribe(
      { query, variables },
      {
        next: (value) => this.push(() => this.results.push(value)),
        error: (error) => this.push(() => (this.error = error)),
        complete: () => this.push(() => (this.completed = true)),
      },
    );
  }

  private push(apply: () => void): void {
    apply();
    this.wake?.();
  }

  /** Waits until `count` results arrived (or the subscription ended); throws after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    while (this.results.length < count) {
      if (this.error !== undefined || this.completed) throw new Error(`subscription ended: ${endReason(this.error)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for result ${count} (have ${this.results.length})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.results[count - 1];
  }

  /** Waits until the subscription errors or completes. */
  async ended(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.error === undefined && !this.completed) {
      if (Date.now() > deadline) throw new Error('subscription did not end');
      await sleep(20);
    }
  }
}

function endReason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return `close ${(error as { code: number }).code}`;
  return JSON.stringify(error) ?? 'completed';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function wsClient(gw: TestGateway, connectionParams: Record<string, unknown>, closes: number[] = []): Client {
  return createClient({
    url: `${gw.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
}

async function ingest(gw: TestGateway, partnerId: string, amountCents = 4218): Promise<void> {
  const res = await fetch(`${gw.url}/api/ingest/event`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-atlas-ingest-secret': SECRET },
    body: JSON.stringify({ partner_id: partnerId, event_type: 'transaction', user_id: 'u1', amount_cents: amountCents, category: 'groceries' }),
  });
  expect(res.status).toBe(200);
  await res.json();
}

/** Counts live bus subscriptions, to see them released. */
function countSubscriptions(bus: UsageBus): { active: () => number } {
  let active = 0;
  const original = bus.subscribe.bind(bus);
  bus.subscribe = (partnerId, onUpdate) => {
    active++;
    const unsubscribe = original(partnerId, onUpdate);
    let done = false;
    return () => {
      if (!done) active--;
      done = true;
      unsubscribe();
    };
  };
  return { active: () => active };
}

async function eventually(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe.each(DIALECTS)('Subscription.usageUpdated (%s)', (dialect) => {
  let gw: TestGateway;
  let other: { id: string; testKey: string; liveKey: string };
  let subscriptions: { active: () => number };
  const clients: Client[] = [];
  const client = (params: Record<string, unknown>, closes?: number[]) => {
    const c = wsClient(gw, params, closes);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    gw = await startTestGateway(dialect, { ATLAS_INGEST_SECRET: SECRET });
    const created = await new PartnerService(gw.orm.em.fork()).createPartner('Other Partner');
    other = { id: created.partner.id, testKey: created.testKey, liveKey: created.liveKey };
    subscriptions = countSubscriptions(gw.app.services.usageBus);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => gw.stop());

  it('pushes the report at once, then the incremented counters within a second of an ingest; other partners hear nothing', async () => {
    const demo = new Live(client({ Authorization: `Bearer ${gw.demoKey}` }), USAGE_UPDATED);
    const others = new Live(client({ 'X-API-Key': other.testKey }), USAGE_UPDATED);
    const first = (await demo.waitFor(1)).data.usageUpdated;
    const otherFirst = (await others.waitFor(1)).data.usageUpdated;
    expect(first).toMatchObject({ partnerId: DEMO_PARTNER_ID, granularity: 'HOUR' });
    expect(otherFirst.partnerId).toBe(other.id);
    const startOfDay = new Date();
    startOfDay.setUTCHours(0, 0, 0, 0);
    expect(first.from).toBe(startOfDay.toISOString());

    const before = Date.now();
    await ingest(gw, DEMO_PARTNER_ID);
    const second = (await demo.waitFor(2, 1000)).data.usageUpdated;
    expect(Date.now() - before).toBeLessThan(1000);
    expect(second.transactions).toBe(first.transactions + 1);
    expect(second.transactionAmountCents).toBe(first.transactionAmountCents + 4218);
    expect(second.transactionsByCategory).toContainEqual(expect.objectContaining({ category: 'groceries' }));
    expect(new Date(second.to).getTime()).toBeGreaterThanOrEqual(new Date(first.to).getTime());

    // (b) The other partner's subscription got nothing from the demo partner's ingest...
    await sleep(600);
    expect(others.results).toHaveLength(1);
    expect(demo.results).toHaveLength(2);
    // ...and does hear its own.
    await ingest(gw, other.id, 100);
    const otherSecond = (await others.waitFor(2, 1000)).data.usageUpdated;
    expect(otherSecond.transactions).toBe(otherFirst.transactions + 1);
    await sleep(400);
    expect(demo.results).toHaveLength(2);
  });

  it('coalesces a burst of ingests into few pushes, the last one counting every event', async () => {
    const live = new Live(client({ authorization: `Bearer ${gw.demoKey}` }), USAGE_UPDATED, { granularity: 'DAY' });
    const first = (await live.waitFor(1)).data.usageUpdated;
    expect(first.granularity).toBe('DAY');
    await Promise.all(Array.from({ length: 10 }, () => ingest(gw, DEMO_PARTNER_ID)));
    const deadline = Date.now() + 1000;
    await eventually(() => live.results.at(-1)?.data.usageUpdated.transactions === first.transactions + 10, 1000);
    expect(Date.now()).toBeLessThanOrEqual(deadline);
    expect(live.results.length - 1).toBeLessThan(10);
  });

  it('takes `from` as given', async () => {
    const from = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const live = new Live(client({ Authorization: `Bearer ${gw.demoKey}` }), USAGE_UPDATED, { from, granularity: 'DAY' });
    const report = (await live.waitFor(1)).data.usageUpdated;
    expect(report.from).toBe(from);
    expect(report.granularity).toBe('DAY');
  });

  it('ends a subscription with BAD_USER_INPUT for a `from` in the future', async () => {
    const from = new Date(Date.now() + 86_400_000).toISOString();
    const live = new Live(client({ Authorization: `Bearer ${gw.demoKey}` }), USAGE_UPDATED, { from });
    await live.ended();
    expect(live.results).toHaveLength(1);
    expect(live.results[0].errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(live.results[0].data ?? null).toBeNull();
  });

  it('refuses the connection (4403) for a missing, wrong or revoked key and a live key of a non-production partner', async () => {
    const forged = other.testKey.slice(0, -4) + (other.testKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const revoked = await new PartnerService(gw.orm.em.fork()).createPartner('Revoked Partner');
    await new PartnerService(gw.orm.em.fork()).revokeKey(revoked.testKey.split('_').slice(0, 3).join('_'));
    const refused = [
      {},
      { Authorization: 'Bearer not-a-key' },
      { Authorization: `Bearer ${forged}` },
      { Authorization: `Bearer ${revoked.testKey}` },
      { 'X-API-Key': other.liveKey },
      { Authorization: `Basic ${other.testKey}` },
    ];
    for (const params of refused) {
      const closes: number[] = [];
      const live = new Live(client(params, closes), USAGE_UPDATED);
      await live.ended();
      expect(live.results).toHaveLength(0);
      expect((live.error as { code?: number }).code).toBe(4403);
      expect(closes).toEqual([4403]);
    }
  });

  it('serves only subscriptions over WebSocket, and reports invalid documents as BAD_USER_INPUT', async () => {
    const c = client({ Authorization: `Bearer ${gw.demoKey}` });
    const query = new Live(c, '{ viewer { id } }');
    await query.ended();
    expect(query.results).toHaveLength(0);
    expect(query.error).toEqual([expect.objectContaining({ message: expect.stringMatching(/Only subscriptions/), extensions: { code: 'BAD_USER_INPUT' } })]);
    const invalid = new Live(c, 'subscription { usageUpdated { nope } }');
    await invalid.ended();
    expect(invalid.error).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);
    // The query limits of POST /graphql hold here too (query-limits.ts).
    const aliased = new Live(c, `subscription { usageUpdated { ${Array.from({ length: 16 }, (_, i) => `a${i}: transactions`).join(' ')} } }`);
    await aliased.ended();
    expect(aliased.error).toEqual([expect.objectContaining({ message: expect.stringMatching(/aliases/i), extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  it('releases the bus subscription when the client completes or disconnects', async () => {
    await eventually(() => subscriptions.active() === 0);
    const c = client({ Authorization: `Bearer ${gw.demoKey}` });
    const a = new Live(c, USAGE_UPDATED);
    const b = new Live(c, USAGE_UPDATED);
    await a.waitFor(1);
    await b.waitFor(1);
    expect(subscriptions.active()).toBe(2);
    a.dispose(); // graphql-ws `complete`
    await eventually(() => subscriptions.active() === 1);
    await c.dispose(); // socket closed
    await eventually(() => subscriptions.active() === 0);
  });

  it('still serves GraphQL over HTTP GET and POST on the same path', async () => {
    const post = await gw.graphql('{ viewer { id } }');
    expect(post.body.data.viewer.id).toBe(DEMO_PARTNER_ID);
    const get = await fetch(`${gw.url}/graphql?query=${encodeURIComponent('{ viewer { id } }')}`, { headers: { authorization: `Bearer ${gw.demoKey}` } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as Json).data.viewer.id).toBe(DEMO_PARTNER_ID);
    const overHttp = await gw.graphql('subscription { usageUpdated { transactions } }');
    expect(overHttp.status).toBe(400);
    expect(overHttp.body.errors[0]).toMatchObject({ message: expect.stringMatching(/WebSocket/), extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('Subscription.usageUpdated at shutdown', () => {
  it('closes open subscriptions with 1001 Going Away and stops promptly', async () => {
    const gw = await startTestGateway('sqlite');
    const closes: number[] = [];
    const c = wsClient(gw, { Authorization: `Bearer ${gw.demoKey}` }, closes);
    try {
      const live = new Live(c, USAGE_UPDATED);
      await live.waitFor(1);
      const started = Date.now();
      await gw.stop();
      expect(Date.now() - started).toBeLessThan(3000);
      await eventually(() => closes.length > 0);
      expect(closes).toEqual([1001]);
    } finally {
      await c.dispose();
      await gw.stop();
    }
  });
});

// Several gateway processes: the update crosses from one to another through Redis pub/sub.
const multiProcess = process.env.REDIS_URL && process.env.DATABASE_URL ? describe : describe.skip;

multiProcess('Subscription.usageUpdated across gateways (Redis)', () => {
  let a: TestGateway;
  let b: TestGateway;
  const clients: Client[] = [];

  beforeAll(async () => {
    const env = { ATLAS_INGEST_SECRET: SECRET, REDIS_URL: process.env.REDIS_URL! };
    a = await startTestGateway('postgresql', env);
    b = await startTestGateway(a.database, env);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await b?.stop();
    await a?.stop();
  });

  it('pushes to a subscriber on gateway B within a second of an ingest on gateway A', async () => {
    clients.push(wsClient(b, { Authorization: `Bearer ${b.demoKey}` }), wsClient(a, { Authorization: `Bearer ${a.demoKey}` }));
    const onB = new Live(clients[0]!, USAGE_UPDATED);
    const onA = new Live(clients[1]!, USAGE_UPDATED);
    const first = (await onB.waitFor(1)).data.usageUpdated;
    await onA.waitFor(1);

    const before = Date.now();
    await ingest(a, DEMO_PARTNER_ID);
    const second = (await onB.waitFor(2, 1000)).data.usageUpdated;
    expect(Date.now() - before).toBeLessThan(1000);
    expect(second.transactions).toBe(first.transactions + 1);
    // The ingesting gateway's own subscribers hear it through Redis too.
    expect((await onA.waitFor(2, 1000)).data.usageUpdated.transactions).toBe(first.transactions + 1);
  });
});
