import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../../config/config.js';

/** The outcome of counting one request against its key's budget. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests allowed per window for this key. */
  limit: number;
  /** Requests left in the current window after this one (0 when refused). */
  remaining: number;
  /** Whole seconds (rounded up, at least 1) until the current window ends and the budget is full again. */
  resetSeconds: number;
}

export interface KeyRateLimiter {
  /** Counts one request of `apiKeyPrefix`; `partnerLimit` (null = the configured default) is the budget per window. */
  hit(apiKeyPrefix: string, partnerLimit: number | null): Promise<RateLimitDecision>;
  /** Resolves once the counter store can be used (Redis: connected), or after `timeoutMs` regardless. */
  ready(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** A Redis round trip is sub-millisecond; a command still unanswered after this means Redis is in trouble. */
const REDIS_COMMAND_TIMEOUT_MS = 1000;

/**
 * Fixed-window counters per API key, from rate-limiter-flexible: in process memory, or with
 * `redisUrl` in Redis so that every gateway process counts against ONE budget per key.
 *
 * When Redis is down or slow, each process falls back to its own in-memory counters (the budget then
 * holds per process, not across them) rather than failing open or refusing everyone; the switch and
 * the recovery are logged once each. rate-limiter-flexible's `insuranceLimiter` does the same fallback
 * but silently, so it is done here where it can be logged.
 */
export function createKeyRateLimiter(config: RateLimitConfig, redisUrl: string | undefined, log: FastifyBaseLogger): KeyRateLimiter {
  return new FixedWindowKeyLimiter(config, redisUrl, log);
}

interface Limiters {
  shared: RateLimiterRedis | undefined;
  local: RateLimiterMemory;
}

class FixedWindowKeyLimiter implements KeyRateLimiter {
  private readonly redis: Redis | undefined;
  /**
   * One limiter pair per distinct limit (the library fixes `points` per instance). The Redis ones
   * share their key names, so a partner whose limit changes keeps the current window's count; in
   * memory the new limit starts from zero, which matters for at most one window.
   */
  private readonly byLimit = new Map<number, Limiters>();
  private degraded = false;

  constructor(
    private readonly config: RateLimitConfig,
    redisUrl: string | undefined,
    private readonly log: FastifyBaseLogger,
  ) {
    if (!redisUrl) return;
    // Never log the URL: it may carry a password. No offline queue and a command timeout: while Redis
    // is away a request must fall back at once, not wait for a reconnect.
    this.redis = new Redis(redisUrl, {
      connectionName: 'afg-rate-limit',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    });
    // ioredis reports every failed reconnect; the first failed count already logged the outage.
    this.redis.on('error', () => undefined);
  }

  async hit(apiKeyPrefix: string, partnerLimit: number | null): Promise<RateLimitDecision> {
    const limit = partnerLimit ?? this.config.perSecond;
    const { allowed, res } = await this.count(this.limitersFor(limit), apiKeyPrefix);
    return {
      allowed,
      limit,
      remaining: allowed ? res.remainingPoints : 0,
      resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    };
  }

  private async count({ shared, local }: Limiters, key: string): Promise<{ allowed: boolean; res: RateLimiterRes }> {
    if (!shared) return consume(local, key);
    try {
      const outcome = await consume(shared, key);
      if (this.degraded) {
        this.degraded = false;
        this.log.info('rate limits: Redis is back; counting across all gateway processes again');
      }
      return outcome;
    } catch (err) {
      if (!this.degraded) {
        this.degraded = true;
        this.log.error({ err }, 'rate limits: Redis unavailable; each gateway process counts on its own (in memory) until it is back');
      }
      return consume(local, key);
    }
  }

  private limitersFor(limit: number): Limiters {
    let limiters = this.byLimit.get(limit);
    if (!limiters) {
      const common = { points: limit, duration: this.config.windowSeconds, keyPrefix: this.config.keyPrefix };
      limiters = {
        local: new RateLimiterMemory(common),
        shared: this.redis
          ? new RateLimiterRedis({
              ...common,
              storeClient: this.redis,
              rejectIfRedisNotReady: true,
              // Once a key is over its budget, this process refuses it until the window ends without
              // asking Redis again: a client hammering the gateway costs no Redis round trips.
              inMemoryBlockOnConsumed: limit + 1,
            })
          : undefined,
      };
      this.byLimit.set(limit, limiters);
    }
    return limiters;
  }

  async ready(timeoutMs: number): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    const connected = await new Promise<boolean>((resolve) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        redis.off('ready', onReady);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      redis.once('ready', onReady);
    });
    if (!connected) this.log.warn({ timeoutMs }, 'rate limits: Redis not connected at start; counting in memory until it is');
  }

  async close(): Promise<void> {
    // Counters live in Redis with their own expiry and nothing is buffered here: just drop the socket.
    this.redis?.disconnect();
  }
}

/** A refusal is a RateLimiterRes; anything else thrown is a store failure. */
async function consume(limiter: RateLimiterMemory | RateLimiterRedis, key: string): Promise<{ allowed: boolean; res: RateLimiterRes }> {
  try {
    return { allowed: true, res: await limiter.consume(key) };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { allowed: false, res: err };
    throw err;
  }
}
