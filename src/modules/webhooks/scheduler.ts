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

/** Of the process's shutdown budget (SHUTDOWN_TIMEOUT_MS), what is kept for closing the database after the webhook work. */
const SHUTDOWN_RESERVE_MS = 3000;

/**
 * How long close() waits for webhook work under way: the shutdown budget less a reserve, so a
 * stuck query still leaves time to close the database before `npm start` forces the exit. A query
 * stuck on a database that went away would otherwise hold close() for the pool's acquire timeout
 * (60 s). Abandoning it is safe: attempts are leased in the database and fan-out is idempotent, so
 * another process (or the next start) redoes whatever did not finish.
 */
export function shutdownGraceMs(shutdownTimeoutMs: number): number {
  return Math.max(1000, shutdownTimeoutMs - SHUTDOWN_RESERVE_MS);
}

export const ABANDONED_AT_SHUTDOWN =
  'webhook delivery work was still running when the shutdown grace period ended; it was abandoned and is redone from the database by the next poll of any process';

/** Waits for every promise to settle, for at most `ms`; true when all did. */
export async function settledWithin(work: readonly Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.allSettled(work).then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs an async task one at a time. A trigger while it runs asks for exactly one more run after
 * it, so bursts of pokes collapse into at most two runs and none is lost.
 */
export class SerialTrigger {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  trigger(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.task();
      } catch (err) {
        this.onError(err);
      }
    } while (this.again && !this.stopped);
    this.running = null;
  }

  /** No more runs; resolves when the current one (if any) ends. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}

/** Logs a recurring failure (the database or Redis being down) once per outage, not once per poll. */
export function oncePerOutage(log: (err: unknown) => void): { failed(err: unknown): void; ok(): void } {
  let failing = false;
  return {
    failed(err) {
      if (failing) return;
      failing = true;
      log(err);
    },
    ok() {
      failing = false;
    },
  };
}
