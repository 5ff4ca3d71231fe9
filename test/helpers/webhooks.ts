import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dialect } from './databases.js';
import type { TestGateway } from './gateway.js';

/**
 * Where delivery runs: SQLite with the in-process scheduler always; with DATABASE_URL also
 * PostgreSQL with the in-process scheduler, and with REDIS_URL as well PostgreSQL with BullMQ.
 */
export interface SchedulerVariant {
  name: string;
  dialect: Dialect;
  env: Record<string, string>;
}

export const SCHEDULER_VARIANTS: SchedulerVariant[] = [
  { name: 'sqlite, in-process scheduler', dialect: 'sqlite', env: {} },
  ...(process.env.DATABASE_URL ? [{ name: 'postgresql, in-process scheduler', dialect: 'postgresql' as const, env: {} }] : []),
  ...(process.env.DATABASE_URL && process.env.REDIS_URL
    ? [{ name: 'postgresql, BullMQ', dialect: 'postgresql' as const, env: { REDIS_URL: process.env.REDIS_URL } }]
    : []),
];

export interface ReceivedRequest {
  /** Date.now() when the body had arrived. */
  at: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The exact bytes received: signatures are checked against these. */
  raw: Buffer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook JSON under test
  body: any;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Never answer (to exercise the sender's timeout). */
  hang?: boolean;
}

/** Decides the answer to a request; `index` counts the requests this receiver has had. */
export type Responder = (request: ReceivedRequest, index: number) => Reply;

/** A local HTTP server standing in for a partner's webhook endpoint. */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  responder: Responder = () => ({ status: 200 });
  private server: Server | undefined;
  private readonly waiters: Array<() => void> = [];
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        let body: unknown;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          body = undefined;
        }
        const received: ReceivedRequest = { at: Date.now(), method: request.method ?? '', path: request.url ?? '', headers: request.headers, raw, body };
        const reply = this.responder(received, this.requests.length);
        this.requests.push(received);
        for (const wake of this.waiters.splice(0)) wake();
        if (reply.hang) return;
        response.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers }).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Resolves with the requests once `count` (matching `filter`) have arrived. */
  async waitFor(count: number, timeoutMs = 15_000, filter: (r: ReceivedRequest) => boolean = () => true): Promise<ReceivedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.requests.filter(filter);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${matching.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/** Polls `check` until it returns a truthy value (returned) or the time is up. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000, what = 'condition'): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as Truthy<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const ENDPOINT_FIELDS = 'id url eventTypes status disabledReason previousSecretExpiresAt createdAt updatedAt';
export const DELIVERY_FIELDS =
  'id endpointId eventId eventType status attempts nextAttemptAt lastAttemptAt lastStatusCode lastError deliveredAt createdAt attemptLog { attemptedAt statusCode error durationMs }';

/** registerWebhookEndpoint; throws on GraphQL errors. */
export async function registerEndpoint(gw: TestGateway, url: string, eventTypes: string[] = ['*'], key?: string): Promise<{ id: string; secret: string }> {
  const res = await gw.graphql(
    `mutation($url: String!, $types: [String!]!) { registerWebhookEndpoint(url: $url, eventTypes: $types) { secret endpoint { id } } }`,
    { variables: { url, types: eventTypes }, key },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return { id: res.body.data.registerWebhookEndpoint.endpoint.id, secret: res.body.data.registerWebhookEndpoint.secret };
}

/** recordSafeToSpend, which writes a `calculation.updated` event to the outbox. */
export async function recordCalculation(gw: TestGateway, userId: string, key?: string): Promise<{ calculationId: string }> {
  const res = await gw.graphql(`mutation($u: ID!) { recordSafeToSpend(userId: $u, input: { cashBalance: 1000, upcomingBills: [{ amount: 100, dueInDays: 3 }] }) { calculationId } }`, {
    variables: { u: userId },
    key,
  });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.recordSafeToSpend;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON under test
export async function deliveries(gw: TestGateway, endpointId: string, opts: { first?: number; after?: string; key?: string } = {}): Promise<any[]> {
  const res = await gw.graphql(
    `query($e: ID!, $first: Int, $after: String) { webhookDeliveries(endpointId: $e, first: $first, after: $after) { edges { cursor node { ${DELIVERY_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
    { variables: { e: endpointId, first: opts.first ?? 100, after: opts.after }, key: opts.key },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return res.body.data.webhookDeliveries.edges.map((e: any) => e.node);
}
