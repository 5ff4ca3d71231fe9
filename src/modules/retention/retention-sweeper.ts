import type { FastifyBaseLogger } from 'fastify';
import type { Orm } from '../../db/orm.js';
import { oncePerOutage, SerialTrigger } from '../../background/task-control.js';
import { purgeExpired, type PurgeResult, type RetentionPolicy } from './purge-expired.js';

/** How often each gateway process purges; retention is counted in days, so hourly is plenty. */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Runs purgeExpired at start and then every SWEEP_INTERVAL_MS, one sweep at a time, until stop(). */
export class RetentionSweeper {
  private readonly loop: SerialTrigger;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: Orm,
    private readonly policy: RetentionPolicy,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs: number = SWEEP_INTERVAL_MS,
  ) {
    const outage = oncePerOutage((err) => log.error({ err }, 'retention purge failed (repeats are not logged until it succeeds)'));
    this.loop = new SerialTrigger(async () => {
      await this.sweepNow();
      outage.ok();
    }, outage.failed);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.loop.trigger(), this.intervalMs);
    this.timer.unref();
    this.loop.trigger();
  }

  /** Purges now (whatever the timer is doing: every delete re-checks its conditions) and logs what went. */
  async sweepNow(): Promise<PurgeResult> {
    const result = await purgeExpired(this.orm.em.fork(), this.policy);
    if (result.outboxEvents > 0 || result.idempotencyKeys > 0 || result.usageEvents > 0) this.log.info({ ...result, ...this.policy }, 'expired rows purged');
    return result;
  }

  /** No further sweeps; resolves when the one under way is over. */
  stop(): Promise<void> {
    clearInterval(this.timer);
    return this.loop.stop();
  }
}
