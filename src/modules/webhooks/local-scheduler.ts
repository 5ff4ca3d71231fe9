import type { FastifyBaseLogger } from 'fastify';
import type { DeliveryEngine } from './delivery-engine.js';
import type { DueDelivery } from './delivery-store.js';
import { oncePerOutage, SerialTrigger, settledWithin } from '../../background/task-control.js';
import { ABANDONED_AT_SHUTDOWN, POLL_INTERVAL_MS, type DeliveryScheduler } from './scheduler.js';

/** Attempts one process has under way at once. */
const CONCURRENCY = 16;

/**
 * Without Redis: a timer loop over the database. Every second (and at once when an outbox event
 * is committed in this process) it fans the outbox out and starts the attempts that are due.
 * Retries due within the next poll get their own timer, so short backoffs are not rounded up to
 * the poll; later ones are simply found by a later poll. Nothing is held only in memory: after a
 * restart the first poll finds everything pending. Several processes on one PostgreSQL database
 * work too, since each attempt is claimed in the database.
 */
export class LocalScheduler implements DeliveryScheduler {
  readonly kind = 'local' as const;
  private readonly loop: SerialTrigger;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private interval: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly engine: DeliveryEngine,
    private readonly log: FastifyBaseLogger,
    /** How long close() waits for the poll and attempts under way (see shutdownGraceMs). */
    private readonly graceMs: number,
    private readonly pollMs: number = POLL_INTERVAL_MS,
  ) {
    const outage = oncePerOutage((err) => log.error({ err }, 'webhook delivery poll failed (repeats are not logged until it succeeds)'));
    this.loop = new SerialTrigger(async () => {
      await this.poll();
      outage.ok();
    }, outage.failed);
  }

  async start(): Promise<void> {
    this.interval = setInterval(() => this.loop.trigger(), this.pollMs);
    this.interval.unref();
    this.loop.trigger();
  }

  poke(): void {
    this.loop.trigger();
  }

  private async poll(): Promise<void> {
    for (const due of await this.engine.fanOut()) this.schedule(due);
    const free = CONCURRENCY - this.inFlight.size;
    if (free > 0) for (const due of await this.engine.due(free)) this.schedule(due);
  }

  schedule(due: DueDelivery): void {
    if (this.closed) return;
    const delay = due.dueAt.getTime() - Date.now();
    if (delay <= 0) return this.run(due.id);
    if (delay > this.pollMs) return; // a poll will find it when it is due
    clearTimeout(this.timers.get(due.id));
    const timer = setTimeout(() => {
      this.timers.delete(due.id);
      this.run(due.id);
    }, delay);
    timer.unref();
    this.timers.set(due.id, timer);
  }

  private run(deliveryId: string): void {
    // Already under way here, or at capacity: a later poll picks it up.
    if (this.closed || this.inFlight.has(deliveryId) || this.inFlight.size >= CONCURRENCY) return;
    const attempt = this.engine
      .attempt(deliveryId)
      .then((next) => {
        if (next) this.schedule(next);
      })
      .catch((err: unknown) => this.log.error({ err, deliveryId }, 'webhook delivery attempt failed unexpectedly; it is retried when its lease expires'))
      .finally(() => this.inFlight.delete(deliveryId));
    this.inFlight.set(deliveryId, attempt);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.interval);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    // The poll and the attempts under way finish (a send is bounded by its timeout) and record
    // their outcome, unless the database stalls them past the grace period.
    const settled = await settledWithin([this.loop.stop(), ...this.inFlight.values()], this.graceMs);
    if (!settled) this.log.warn({ graceMs: this.graceMs }, ABANDONED_AT_SHUTDOWN);
  }
}
