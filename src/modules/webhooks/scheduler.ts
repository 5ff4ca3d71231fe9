import type { DueDelivery } from './delivery-store.js';

/**
 * Decides when the DeliveryEngine runs; the engine and the database decide what happens. Two
 * implementations: BullMQ with REDIS_URL (bullmq-scheduler.ts), an in-process timer loop without
 * (local-scheduler.ts). Either way the delivery state lives in the database, so a scheduler can
 * lose anything it holds (a restart, a Redis flush) and the next poll or sweep rebuilds it, and a
 * duplicate wake-up is harmless because every attempt is claimed in the database first.
 */
export interface DeliveryScheduler {
  readonly kind: 'local' | 'bullmq';
  /** Begins polling the outbox (and, for BullMQ, working the queue). */
  start(): Promise<void>;
  /** An outbox event was just committed: fan out now instead of at the next poll. Never throws. */
  poke(): void;
  /** Arranges an attempt of `due.id` at `due.dueAt` (a retry, a resend). Never throws. */
  schedule(due: DueDelivery): void;
  /** Stops taking work, lets attempts under way finish, releases connections. */
  close(): Promise<void>;
}

/** How often the outbox is polled for events committed by other processes (or missed pokes). */
export const POLL_INTERVAL_MS = 1000;

/**
 * What a scheduler logs when close() gives up on a poll or attempt at the end of the shutdown grace
 * period. Abandoning is safe: attempts are leased in the database and fan-out is idempotent, so
 * another process (or the next start) redoes whatever did not finish.
 */
export const ABANDONED_AT_SHUTDOWN =
  'webhook delivery work was still running when the shutdown grace period ended; it was abandoned and is redone from the database by the next poll of any process';
