import { Queue, Worker, type Job } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import type { DeliveryEngine } from './delivery-engine.js';
import type { DueDelivery } from './delivery-store.js';
import { oncePerOutage, SerialTrigger, settledWithin } from '../../background/task-control.js';
import { ABANDONED_AT_SHUTDOWN, POLL_INTERVAL_MS, type DeliveryScheduler } from './scheduler.js';

/** Attempts one process works on at once. */
const CONCURRENCY = 16;

/**
 * How often each process re-enqueues, from the database, the due deliveries the queue does not
 * hold: a job lost with Redis, one whose enqueue failed during an outage, or an attempt whose
 * process died (its lease ran out). Routine retries never wait for this; they are delayed jobs.
 */
export const SWEEP_INTERVAL_MS = 10_000;

interface AttemptJob {
  deliveryId: string;
}

/**
 * With Redis: a BullMQ queue of delivery attempts with delays, worked by every gateway process.
 * The outbox is still fanned out from the database (at once on a local commit, and by a poll for
 * commits elsewhere); each resulting attempt becomes a job. The job id is the delivery id, the
 * attempt number and its due time, so the same attempt enqueued twice (two processes fanning out,
 * a sweep) is one job. A job only wakes the DeliveryEngine, which claims the attempt in the
 * database before sending, so even a job run twice sends once.
 */
export class BullmqScheduler implements DeliveryScheduler {
  readonly kind = 'bullmq' as const;
  /** Created on start(), so a gateway that never starts (its listen failed) opens no connections. */
  private redis: { queue: Redis; worker: Redis } | undefined;
  private queue: Queue<AttemptJob> | undefined;
  private worker: Worker<AttemptJob> | undefined;
  private readonly fanOut: SerialTrigger;
  private readonly sweep: SerialTrigger;
  private readonly enqueueOutage;
  private intervals: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(
    private readonly engine: DeliveryEngine,
    private readonly redisUrl: string,
    private readonly queueName: string,
    private readonly log: FastifyBaseLogger,
    /** How long close() waits for the polls and attempts under way (see shutdownGraceMs). */
    private readonly graceMs: number,
  ) {
    this.enqueueOutage = oncePerOutage((err) => log.error({ err }, 'could not enqueue a webhook attempt; the sweep retries from the database'));
    const pollOutage = oncePerOutage((err) => log.error({ err }, 'webhook outbox poll failed (repeats are not logged until it succeeds)'));
    this.fanOut = new SerialTrigger(async () => {
      await Promise.all((await this.engine.fanOut()).map((due) => this.enqueue(due)));
      pollOutage.ok();
    }, pollOutage.failed);
    this.sweep = new SerialTrigger(async () => {
      await Promise.all((await this.engine.due(500)).map((due) => this.enqueue(due)));
    }, pollOutage.failed);
  }

  async start(): Promise<void> {
    if (this.closed || this.redis) return;
    // Never log the URL: it may carry a password. Enqueueing fails fast while Redis is down (the
    // sweep re-enqueues from the database); the worker's connection waits for Redis however long.
    const redis = {
      queue: new Redis(this.redisUrl, { connectionName: 'afg-webhooks-queue', maxRetriesPerRequest: 3 }),
      worker: new Redis(this.redisUrl, { connectionName: 'afg-webhooks-worker', maxRetriesPerRequest: null }),
    };
    this.redis = redis;
    const connectionOutage = oncePerOutage(
      (err) => this.log.error({ err }, 'webhook queue Redis connection error (repeats are not logged until it is back)'),
      () => this.log.info('webhook queue Redis connection is back'),
    );
    for (const c of [redis.queue, redis.worker]) {
      c.on('error', connectionOutage.failed);
      c.on('ready', connectionOutage.ok);
    }
    // BullMQ's queue and worker are created once both connections are up. Built on connections that
    // never connected, BullMQ can emit connection errors after close() with nobody listening (seen in
    // CI as uncaught ECONNREFUSED). Until then attempts wait in the database; the sweep enqueues them.
    const whenReady = () => {
      if (this.closed || this.queue || redis.queue.status !== 'ready' || redis.worker.status !== 'ready') return;
      this.openQueue(redis, connectionOutage.failed);
      this.fanOut.trigger();
      this.sweep.trigger();
    };
    redis.queue.on('ready', whenReady);
    redis.worker.on('ready', whenReady);
    const every = (ms: number, trigger: SerialTrigger) => {
      const interval = setInterval(() => trigger.trigger(), ms);
      interval.unref();
      this.intervals.push(interval);
    };
    every(POLL_INTERVAL_MS, this.fanOut);
    every(SWEEP_INTERVAL_MS, this.sweep);
    whenReady();
  }

  private openQueue(redis: { queue: Redis; worker: Redis }, onError: (err: unknown) => void): void {
    this.queue = new Queue<AttemptJob>(this.queueName, { connection: redis.queue });
    this.queue.on('error', onError);
    this.worker = new Worker<AttemptJob>(this.queueName, (job) => this.process(job), {
      connection: redis.worker,
      concurrency: CONCURRENCY,
    });
    // While Redis is away the worker reports the lost connection every couple of seconds: those are
    // the outage already logged once; an error with the connection up is logged as it comes.
    this.worker.on('error', (err) => {
      if (this.closed) return;
      if (redis.worker.status !== 'ready') onError(err);
      else this.log.error({ err }, 'webhook queue worker error');
    });
  }

  poke(): void {
    this.fanOut.trigger();
  }

  schedule(due: DueDelivery): void {
    void this.enqueue(due);
  }

  private async process(job: Job<AttemptJob>): Promise<void> {
    const next = await this.engine.attempt(job.data.deliveryId);
    if (next) await this.enqueue(next);
  }

  private async enqueue(due: DueDelivery): Promise<void> {
    // The queue stays open while closing until the workers have finished, so their retries are still queued.
    const queue = this.queue;
    if (!queue) return;
    try {
      await queue.add('attempt', { deliveryId: due.id }, {
        jobId: `${due.id}-${due.attempt}-${due.dueAt.getTime()}`,
        delay: Math.max(0, due.dueAt.getTime() - Date.now()),
        // Finished jobs are removed: the database keeps the history, and a removed job's id can be
        // reused by the sweep should that attempt still be pending.
        removeOnComplete: true,
        removeOnFail: true,
      });
      this.enqueueOutage.ok();
    } catch (err) {
      this.enqueueOutage.failed(err);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const interval of this.intervals) clearInterval(interval);
    // Lets the polls and the attempts under way finish (a send is bounded by its timeout), unless
    // the database stalls them past the grace period; then the worker is closed without waiting.
    const worker = this.worker;
    const settled = await settledWithin([this.fanOut.stop(), this.sweep.stop(), ...(worker ? [worker.close()] : [])], this.graceMs);
    if (!settled) {
      this.log.warn({ graceMs: this.graceMs }, ABANDONED_AT_SHUTDOWN);
      await worker?.close(true);
    }
    const queue = this.queue;
    this.queue = undefined;
    await queue?.close();
    if (this.redis) await Promise.all([quit(this.redis.queue), quit(this.redis.worker)]);
  }
}

/** QUIT when connected (bounded), otherwise drop the socket. */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') await settledWithin([client.quit()], 1000);
  client.disconnect();
}
