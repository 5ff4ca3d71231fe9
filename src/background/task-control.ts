/**
 * Helpers for work a gateway process runs on its own, beside requests: webhook delivery, retention
 * purges, syncs. How it is triggered (one run at a time), how its failures are logged (once per
 * outage) and how long shutdown waits for it.
 */

/** Of the process's shutdown budget (SHUTDOWN_TIMEOUT_MS), what is kept for closing the database after the background work. */
const SHUTDOWN_RESERVE_MS = 3000;

/**
 * How long shutdown waits for background work under way (webhook delivery, syncs, purges): the
 * shutdown budget less a reserve, so a stuck query still leaves time to close the database before
 * `npm start` forces the exit. A query stuck on a database that went away would otherwise hold
 * close() for the pool's acquire timeout (60 s). Why abandoning each kind of work is safe is said
 * where it is abandoned (src/server/background-work.ts, ABANDONED_AT_SHUTDOWN in the webhook
 * scheduler.ts).
 */
export function shutdownGraceMs(shutdownTimeoutMs: number): number {
  return Math.max(1000, shutdownTimeoutMs - SHUTDOWN_RESERVE_MS);
}

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

/**
 * Logs a recurring failure (the database or Redis being down) once per outage, not once per poll,
 * and, given `recovered`, once when it ends.
 */
export function oncePerOutage(log: (err: unknown) => void, recovered?: () => void): { failed(err: unknown): void; ok(): void } {
  let failing = false;
  return {
    failed(err) {
      if (failing) return;
      failing = true;
      log(err);
    },
    ok() {
      if (failing) recovered?.();
      failing = false;
    },
  };
}
