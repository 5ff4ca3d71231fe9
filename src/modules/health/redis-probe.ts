import { Redis } from 'ioredis';
import { cachedState, type ComponentState } from './cached-state.js';

/**
 * Whether the shared Redis (rate limits, webhook queue, pub/sub) answers PING. While it does not,
 * the gateway keeps serving with per-process rate limits and deliveries waiting in the database,
 * so Redis only degrades the report. One lazy connection that never queues commands while down
 * (a PING fails at once instead of waiting), and results cached like the upstream probes.
 */
export class RedisProbe {
  private readonly client: Redis;
  readonly check: () => Promise<ComponentState>;

  constructor(
    redisUrl: string,
    private readonly timeoutMs = 1000,
    cacheMs = 5000,
  ) {
    this.check = cachedState(() => this.ping(), cacheMs);
    this.client = new Redis(redisUrl, {
      connectionName: 'afg-health',
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: timeoutMs,
    });
    // Connection errors are the state this probe reports; they are not logged here (the rate
    // limiter and the webhook queue log the outage once each).
    this.client.on('error', () => undefined);
  }

  private async ping(): Promise<ComponentState> {
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      const answer = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), this.timeoutMs).unref()),
      ]);
      return answer === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  close(): void {
    this.client.disconnect();
  }
}
