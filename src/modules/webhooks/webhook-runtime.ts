import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig, DatabaseConfig } from '../../config/config.js';
import type { TokenCipher } from '../../crypto/token-cipher.js';
import type { Orm } from '../../db/orm.js';
import { BullmqScheduler } from './bullmq-scheduler.js';
import { DeliveryEngine } from './delivery-engine.js';
import { LocalScheduler } from './local-scheduler.js';
import { onOutboxCommit } from './outbox-commit-listener.js';
import { shutdownGraceMs } from '../../background/task-control.js';
import type { DeliveryScheduler } from './scheduler.js';
import { parseAllowlist, SsrfGuard } from './ssrf-guard.js';

/** Per attempt: connect, send and receive the response headers within this. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** What the rest of the gateway holds of webhooks: the SSRF guard for registration, and the scheduler. */
export interface WebhookRuntime {
  guard: SsrfGuard;
  scheduler: DeliveryScheduler;
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface WebhookRuntimeDeps {
  orm: Orm;
  config: AppConfig;
  cipher: TokenCipher;
  log: FastifyBaseLogger;
}

/** BullMQ when REDIS_URL is set, the in-process loop otherwise; delivery starts on `start()`. */
export function createWebhookRuntime({ orm, config, cipher, log }: WebhookRuntimeDeps): WebhookRuntime {
  const guard = new SsrfGuard(parseAllowlist(config.webhooks.allowedHosts));
  const engine = new DeliveryEngine({
    em: () => orm.em.fork(),
    pg: config.database.kind === 'postgresql',
    cipher,
    guard,
    policy: { baseMs: config.webhooks.retryBaseMs, maxAttempts: config.webhooks.maxAttempts },
    timeoutMs: DELIVERY_TIMEOUT_MS,
    log,
  });
  const graceMs = shutdownGraceMs(config.shutdownTimeoutMs);
  const scheduler: DeliveryScheduler = config.redisUrl
    ? new BullmqScheduler(engine, config.redisUrl, queueName(config.database), log, graceMs)
    : new LocalScheduler(engine, log, graceMs);
  let started = false;
  return {
    guard,
    scheduler,
    async start() {
      if (started) return;
      started = true;
      onOutboxCommit(orm.em, () => scheduler.poke());
      await scheduler.start();
      log.info({ scheduler: scheduler.kind }, 'webhook delivery started');
    },
    close: () => scheduler.close(),
  };
}

/**
 * One queue per database: every replica on the same database works the same queue, and
 * gateways on different databases sharing one Redis (tests, staging beside production) never
 * take each other's jobs. Named from the database's location, never its credentials.
 */
export function queueName(database: DatabaseConfig): string {
  let identity: string;
  if (database.kind === 'postgresql') {
    const url = new URL(database.url);
    identity = `pg:${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } else {
    identity = `sqlite:${database.path}`;
  }
  return `afg-webhooks-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
}
