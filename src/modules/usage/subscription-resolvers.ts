import type { FastifyBaseLogger } from 'fastify';
import type { Dialect } from '../../db/orm-options.js';
import type { Orm } from '../../db/orm.js';
import { badUserInput } from '../../errors/app-error.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { SharedServices } from '../../graphql/context.js';
import type { AuthenticatedPartner } from '../partners/partner-types.js';
import type { UsageBus } from './usage-bus.js';
import { UsageService, type Granularity, type UsageReportModel } from './usage-service.js';

/**
 * What subscription resolvers receive (graphql-ws, see src/server/subscriptions.ts), in place of the
 * per-request GraphQLContext: a subscription lives as long as its WebSocket, so it holds no entity
 * manager or loaders of its own; each recompute forks a fresh entity manager from `orm`.
 */
export interface SubscriptionContext {
  partner: AuthenticatedPartner;
  services: SharedServices;
  log: FastifyBaseLogger;
  orm: Orm;
  dialect: Dialect;
}

/** At most one recompute per subscription in this many milliseconds (an ingest burst becomes one push). */
export const USAGE_PUSH_INTERVAL_MS = 200;

/** One event of the source stream: a report, or the error its recompute hit (surfaced by `resolve`). */
type UsagePayload = { report: UsageReportModel } | { error: unknown };

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

const OVER_HTTP = 'Subscriptions are served over WebSocket (graphql-ws, protocol graphql-transport-ws) at /graphql, not over HTTP.';

const resolvers: Resolvers<SubscriptionContext> = {
  Subscription: {
    usageUpdated: {
      subscribe: async (_parent, args, ctx) => {
        const granularity: Granularity = args.granularity ?? 'HOUR';
        const from = windowStart(args.from, new Date());
        const partnerId = ctx.partner.id;
        const compute = () =>
          // A fresh fork each time: the subscription outlives any one identity map.
          new UsageService(ctx.orm.em.fork(), ctx.dialect).report(partnerId, from, windowEnd(), granularity);
        // Listen before the first computation, so an ingest committed meanwhile is not missed.
        const updates = new UsageUpdates(ctx.services.usageBus, partnerId, compute, USAGE_PUSH_INTERVAL_MS);
        try {
          await updates.start();
        } catch (err) {
          // Bad arguments or a failing database at the start end the subscription with the error.
          await updates.return();
          throw err;
        }
        return updates;
      },
      resolve: (payload: UsagePayload | undefined) => {
        // Apollo's HTTP transport executes a subscription document as a one-off, without a stream.
        if (!payload) throw badUserInput(OVER_HTTP);
        // A later recompute that failed reports its error for this push only; the subscription stays.
        if ('error' in payload) throw payload.error;
        return payload.report;
      },
    },
  },
};

/**
 * Merged with the other modules' maps (whose context is GraphQLContext). Only graphql-ws subscribes
 * to `Subscription` fields, passing a SubscriptionContext; over HTTP, `resolve` answers
 * BAD_USER_INPUT before touching the context.
 */
export const usageSubscriptionResolvers = resolvers as unknown as Resolvers;

/** `from` as given, or the start of the current UTC day. */
function windowStart(from: unknown, now: Date): Date {
  if (from === undefined || from === null) {
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  }
  const date = from instanceof Date ? from : new Date(String(from));
  if (Number.isNaN(date.getTime())) throw badUserInput('from must be an ISO-8601 timestamp.', { field: 'from' });
  return date;
}

/**
 * "Now", inclusive: the report covers [from, now]. An event stamped in the very millisecond of the
 * recompute (ingest, commit and push can all fit in one) must count.
 */
function windowEnd(): Date {
  return new Date(Date.now() + 1);
}

/** The report without `to`, which moves on every push: equal keys mean no counter changed. */
function countersKey(report: UsageReportModel): string {
  const { to: _to, ...counters } = report;
  return JSON.stringify(counters);
}

/**
 * The source stream of one subscription: the first report, then one per burst of bus events for the
 * partner, at most one recompute per `minIntervalMs`. A recompute whose counters equal the last
 * pushed ones (e.g. an ingest of duplicates only) is not pushed. `return()` (client gone, or
 * `complete`) unsubscribes from the bus at once, even while `next()` is waiting for an event.
 */
class UsageUpdates implements AsyncIterableIterator<UsagePayload> {
  private first: UsagePayload | undefined;
  private lastKey: string | undefined;
  private dirty = false;
  private closed = false;
  private lastRunAt = 0;
  private waiter: { wakeOnEvent: boolean; wake: () => void } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    bus: UsageBus,
    partnerId: string,
    private readonly compute: () => Promise<UsageReportModel>,
    private readonly minIntervalMs: number,
  ) {
    this.unsubscribe = bus.subscribe(partnerId, () => {
      this.dirty = true;
      if (this.waiter?.wakeOnEvent) this.waiter.wake();
    });
  }

  /** Computes the first report; throws what the computation throws. */
  async start(): Promise<void> {
    this.dirty = false;
    this.lastRunAt = Date.now();
    const report = await this.compute();
    this.lastKey = countersKey(report);
    this.first = { report };
  }

  next(): Promise<IteratorResult<UsagePayload>> {
    // Calls are served one after another (graphql-js never overlaps them, but be safe).
    const result = this.queue.then(() => this.step());
    this.queue = result.catch(() => undefined);
    return result;
  }

  async return(): Promise<IteratorResult<UsagePayload>> {
    if (!this.closed) {
      this.closed = true;
      this.first = undefined;
      this.unsubscribe();
      this.waiter?.wake();
    }
    return DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<UsagePayload>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async step(): Promise<IteratorResult<UsagePayload>> {
    if (this.closed) return DONE;
    if (this.first) {
      const value = this.first;
      this.first = undefined;
      return { value, done: false };
    }
    for (;;) {
      while (!this.closed && !this.dirty) await this.pause(true);
      const wait = this.lastRunAt + this.minIntervalMs - Date.now();
      if (!this.closed && wait > 0) await this.pause(false, wait);
      if (this.closed) return DONE;
      this.dirty = false;
      this.lastRunAt = Date.now();
      let value: UsagePayload;
      try {
        const report = await this.compute();
        const key = countersKey(report);
        if (key === this.lastKey) continue;
        this.lastKey = key;
        value = { report };
      } catch (error) {
        value = { error };
      }
      return this.closed ? DONE : { value, done: false };
    }
  }

  /** Waits for `ms` (or, with `wakeOnEvent`, until a bus event), or until `return()`. */
  private pause(wakeOnEvent: boolean, ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = () => {
        if (timer) clearTimeout(timer);
        if (this.waiter?.wake === wake) this.waiter = undefined;
        resolve();
      };
      if (ms !== undefined) timer = setTimeout(wake, ms);
      this.waiter = { wakeOnEvent, wake };
    });
  }
}
