import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { FastifyBaseLogger } from 'fastify';
import type { DeliveryEngine } from '../../../src/modules/webhooks/delivery-engine.js';
import { LocalScheduler } from '../../../src/modules/webhooks/local-scheduler.js';
import { shutdownGraceMs } from '../../../src/background/task-control.js';
import { ABANDONED_AT_SHUTDOWN } from '../../../src/modules/webhooks/scheduler.js';

/** The grace period under the default SHUTDOWN_TIMEOUT_MS of 10 s. */
const SHUTDOWN_GRACE_MS = shutdownGraceMs(10_000);

/** An engine whose outbox poll takes `pollMs` (Infinity: a query stuck on a database that went away). */
function engineWithPoll(pollMs: number): DeliveryEngine {
  const fanOut = () => new Promise<[]>((resolve) => Number.isFinite(pollMs) && setTimeout(() => resolve([]), pollMs));
  return { fanOut, due: async () => [], attempt: async () => null } as unknown as DeliveryEngine;
}

function recordingLogger(): { log: FastifyBaseLogger; warnings: unknown[][] } {
  const warnings: unknown[][] = [];
  const log = { warn: (...args: unknown[]) => warnings.push(args), error: () => undefined, info: () => undefined } as unknown as FastifyBaseLogger;
  return { log, warnings };
}

describe('webhook scheduler shutdown', () => {
  it('keeps 3 s of the shutdown budget for closing the database, and waits at least 1 s', () => {
    expect(shutdownGraceMs(10_000)).toBe(7000);
    expect(shutdownGraceMs(2000)).toBe(1000);
  });

  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('waits for a poll under way to finish', async () => {
    const { log, warnings } = recordingLogger();
    const scheduler = new LocalScheduler(engineWithPoll(3000), log, SHUTDOWN_GRACE_MS);
    await scheduler.start();
    let closed = false;
    const closing = scheduler.close().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(2999);
    expect(closed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await closing;
    expect(warnings).toEqual([]);
  });

  it('gives up on a poll stuck in the database after the grace period, and says so', async () => {
    const { log, warnings } = recordingLogger();
    const scheduler = new LocalScheduler(engineWithPoll(Infinity), log, SHUTDOWN_GRACE_MS);
    await scheduler.start();
    let closed = false;
    const closing = scheduler.close().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(SHUTDOWN_GRACE_MS - 1);
    expect(closed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await closing;
    expect(warnings).toEqual([[{ graceMs: SHUTDOWN_GRACE_MS }, ABANDONED_AT_SHUTDOWN]]);
  });
});
