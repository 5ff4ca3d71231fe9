import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';

/**
 * "A partner's usage counters changed": the ingest path publishes after each committed ingest,
 * live subscriptions (`Subscription.usageUpdated`) listen. Carries partner ids only, never counters:
 * a listener recomputes from the database, which stays the one source of truth.
 */
export interface UsageBus {
  /** Announce that these partners' counters changed. Never throws; failures are logged. */
  publish(partnerIds: string[]): void;
  /** Call `onUpdate` whenever `partnerId`'s counters change; returns the unsubscribe function. */
  subscribe(partnerId: string, onUpdate: () => void): () => void;
  /** Stop listening and close connections (Redis: both of them). */
  close(): Promise<void>;
}

/** The Redis pub/sub channel; a message is a JSON array of partner ids. */
export const USAGE_UPDATED_CHANNEL = 'afg:usage-updated';

const QUIT_TIMEOUT_MS = 1000;

/**
 * In-process bus without `redisUrl`; with it, every publish goes through Redis and every process
 * (this one included) hears it from its subscriber connection, so local and remote updates take one path.
 */
export function createUsageBus(redisUrl: string | undefined, log: FastifyBaseLogger): UsageBus {
  const local = new LocalDispatch(log);
  return redisUrl ? new RedisUsageBus(redisUrl, local, log) : new InMemoryUsageBus(local, log);
}

/** Fans partner ids out to this process's listeners. */
class LocalDispatch {
  private readonly emitter = new EventEmitter();

  constructor(private readonly log: FastifyBaseLogger) {
    // One listener per live subscription: there is no meaningful limit.
    this.emitter.setMaxListeners(0);
  }

  subscribe(partnerId: string, onUpdate: () => void): () => void {
    const listener = () => {
      try {
        onUpdate();
      } catch (err) {
        this.log.error({ err, partnerId }, 'usage bus listener failed');
      }
    };
    this.emitter.on(partnerId, listener);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.emitter.off(partnerId, listener);
    };
  }

  dispatch(partnerIds: Iterable<string>): void {
    for (const id of partnerIds) this.emitter.emit(id);
  }

  clear(): void {
    this.emitter.removeAllListeners();
  }
}

function distinctIds(partnerIds: string[]): string[] {
  return [...new Set(partnerIds.filter((id) => typeof id === 'string' && id.length > 0))];
}

class InMemoryUsageBus implements UsageBus {
  constructor(
    private readonly local: LocalDispatch,
    private readonly log: FastifyBaseLogger,
  ) {}

  publish(partnerIds: string[]): void {
    const ids = distinctIds(partnerIds);
    if (ids.length === 0) return;
    // Asynchronously, as through Redis: the publisher's own work (its response) never waits on listeners.
    setImmediate(() => {
      try {
        this.local.dispatch(ids);
      } catch (err) {
        this.log.error({ err }, 'usage bus dispatch failed');
      }
    });
  }

  subscribe(partnerId: string, onUpdate: () => void): () => void {
    return this.local.subscribe(partnerId, onUpdate);
  }

  async close(): Promise<void> {
    this.local.clear();
  }
}

class RedisUsageBus implements UsageBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private closed = false;
  /** Failed publishes are logged once per outage, not once per ingest. */
  private publishFailing = false;

  constructor(
    redisUrl: string,
    private readonly local: LocalDispatch,
    private readonly log: FastifyBaseLogger,
  ) {
    // Never log the URL: it may carry a password.
    // A publish during an outage fails after a few retries (the update is lost; the next one carries it).
    this.publisher = new Redis(redisUrl, { connectionName: 'afg-usage-pub', maxRetriesPerRequest: 3 });
    // SUBSCRIBE waits for Redis however long it is down (so a gateway started before Redis still
    // subscribes once it is up); ioredis re-subscribes by itself after a reconnect.
    this.subscriber = new Redis(redisUrl, { connectionName: 'afg-usage-sub', maxRetriesPerRequest: null });
    watchConnection(this.publisher, 'publisher', log);
    watchConnection(this.subscriber, 'subscriber', log);

    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== USAGE_UPDATED_CHANNEL) return;
      const ids = parseMessage(message);
      if (!ids) {
        this.log.warn({ channel }, 'ignoring a malformed usage-updated message');
        return;
      }
      this.local.dispatch(ids);
    });
    this.subscriber.subscribe(USAGE_UPDATED_CHANNEL).catch((err: unknown) => {
      if (!this.closed) this.log.error({ err, channel: USAGE_UPDATED_CHANNEL }, 'usage bus could not subscribe to Redis');
    });
  }

  publish(partnerIds: string[]): void {
    const ids = distinctIds(partnerIds);
    if (ids.length === 0 || this.closed) return;
    try {
      this.publisher.publish(USAGE_UPDATED_CHANNEL, JSON.stringify(ids)).then(
        () => {
          this.publishFailing = false;
        },
        (err: unknown) => this.publishFailed(err, ids),
      );
    } catch (err) {
      this.publishFailed(err, ids);
    }
  }

  private publishFailed(err: unknown, partnerIds: string[]): void {
    if (this.publishFailing || this.closed) return;
    this.publishFailing = true;
    this.log.error({ err, partnerIds }, 'usage bus could not publish to Redis (further failures are not logged until a publish succeeds)');
  }

  subscribe(partnerId: string, onUpdate: () => void): () => void {
    return this.local.subscribe(partnerId, onUpdate);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.local.clear();
    await Promise.all([closeConnection(this.subscriber), closeConnection(this.publisher)]);
  }
}

function parseMessage(message: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(message);
    if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === 'string')) return undefined;
    return distinctIds(parsed as string[]);
  } catch {
    return undefined;
  }
}

/** Logs connection trouble once per outage (ioredis retries forever and would repeat the same error). */
function watchConnection(client: Redis, role: string, log: FastifyBaseLogger): void {
  let failing = false;
  client.on('error', (err: Error) => {
    if (failing) return;
    failing = true;
    log.error({ err, role }, 'usage bus Redis connection error');
  });
  client.on('ready', () => {
    if (failing) log.info({ role }, 'usage bus Redis connection restored');
    failing = false;
  });
}

/** QUIT when connected (bounded), otherwise (or on timeout) drop the socket. */
async function closeConnection(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), QUIT_TIMEOUT_MS);
      timer.unref();
    });
    const result = await Promise.race([client.quit().catch(() => 'error' as const), timedOut]);
    clearTimeout(timer);
    if (result === 'OK') return;
  }
  client.disconnect();
}
