import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { FastifyBaseLogger } from 'fastify';
import { BACKGROUND_WORK_ABANDONED, drainBackgroundWork } from '../../../src/server/background-work.js';

function recordingLogger(): { log: FastifyBaseLogger; warnings: unknown[][] } {
  const warnings: unknown[][] = [];
  const log = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as FastifyBaseLogger;
  return { log, warnings };
}

const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** A sync whose query is stuck on a database that went away: it never settles. */
const stuck = () => new Promise<never>(() => undefined);

describe('drainBackgroundWork (gateway shutdown)', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('waits for every piece of work to finish, including one that fails, and warns about none', async () => {
    const { log, warnings } = recordingLogger();
    let finished = false;
    const draining = drainBackgroundWork({ webhooks: after(1000), transactionsSync: after(3000), transferEvents: after(500).then(() => Promise.reject(new Error('upstream down'))) }, 7000, log).then((abandoned) => {
      finished = true;
      return abandoned;
    });
    await jest.advanceTimersByTimeAsync(2999);
    expect(finished).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(draining).resolves.toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('gives all of it one shared grace period, then names what it abandoned', async () => {
    const { log, warnings } = recordingLogger();
    let finished = false;
    const draining = drainBackgroundWork({ webhooks: after(1000), transactionsSync: stuck(), transferEvents: stuck() }, 7000, log).then((abandoned) => {
      finished = true;
      return abandoned;
    });
    await jest.advanceTimersByTimeAsync(6999);
    expect(finished).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(draining).resolves.toEqual(['transactionsSync', 'transferEvents']);
    expect(warnings).toEqual([[{ abandoned: ['transactionsSync', 'transferEvents'], graceMs: 7000 }, BACKGROUND_WORK_ABANDONED]]);
  });
});
