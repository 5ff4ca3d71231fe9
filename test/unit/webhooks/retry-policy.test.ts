import { describe, expect, it } from '@jest/globals';
import { judgeAttempt } from '../../../src/modules/webhooks/outcome.js';
import { MAX_RETRY_AFTER_MS, nextRetryDelayMs, parseRetryAfter, retryCeilingMs } from '../../../src/modules/webhooks/retry-policy.js';
import type { SendOutcome } from '../../../src/modules/webhooks/sender.js';

const DEFAULT = { baseMs: 60_000, maxAttempts: 12 };
const MIN = 60_000;

describe('retry schedule', () => {
  it('doubles from the base up to 8 h, and the default 12 attempts span at most ~24.5 h', () => {
    const ceilings = Array.from({ length: 11 }, (_, i) => retryCeilingMs(DEFAULT, i + 1) / MIN);
    expect(ceilings).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 480, 480]);
    const totalHours = ceilings.reduce((a, b) => a + b, 0) / 60;
    expect(totalHours).toBeCloseTo(24.52, 1);
  });

  it('waits a uniformly random time up to the ceiling (full jitter)', () => {
    expect(nextRetryDelayMs(DEFAULT, 3, undefined, () => 0)).toBe(0);
    expect(nextRetryDelayMs(DEFAULT, 3, undefined, () => 0.5)).toBe(2 * MIN);
    expect(nextRetryDelayMs(DEFAULT, 3, undefined, () => 0.999999)).toBe(4 * MIN - 1);
    const samples = Array.from({ length: 200 }, () => nextRetryDelayMs(DEFAULT, 5, undefined)!);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(16 * MIN);
    expect(new Set(samples).size).toBeGreaterThan(150);
  });

  it('gives up after maxAttempts attempts', () => {
    expect(nextRetryDelayMs(DEFAULT, 11, undefined)).not.toBeNull();
    expect(nextRetryDelayMs(DEFAULT, 12, undefined)).toBeNull();
  });

  it('honours a longer Retry-After, ignores a shorter one, and caps it at a day', () => {
    expect(nextRetryDelayMs(DEFAULT, 1, 120_000, () => 0.5)).toBe(120_000);
    expect(nextRetryDelayMs(DEFAULT, 1, 1_000, () => 0.5)).toBe(30_000);
    expect(nextRetryDelayMs(DEFAULT, 1, 30 * 24 * 3600_000, () => 0.5)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sunday, 22-Nov-26 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('2026', now)).toBe(2026_000);
  });
});

describe('judging an attempt', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const answered = (statusCode: number, retryAfter?: string): SendOutcome => ({ statusCode, retryAfter, error: null, durationMs: 5 });
  const policy = { baseMs: 1000, maxAttempts: 3 };

  it('2xx delivers', () => {
    for (const code of [200, 201, 204, 299]) expect(judgeAttempt(answered(code), 1, policy, now)).toEqual({ status: 'succeeded', nextAttemptAt: null, error: null, gone: false });
  });

  it('410 Gone cancels and asks for the endpoint to be disabled', () => {
    expect(judgeAttempt(answered(410), 1, policy, now)).toMatchObject({ status: 'cancelled', gone: true, nextAttemptAt: null });
  });

  it('3xx, 4xx, 5xx and network errors are retried until the last attempt, which fails', () => {
    expect(judgeAttempt(answered(302), 1, policy, now)).toMatchObject({ status: 'pending', error: 'HTTP 302: redirects are not followed' });
    expect(judgeAttempt(answered(400), 1, policy, now)).toMatchObject({ status: 'pending', error: 'HTTP 400' });
    const timeout: SendOutcome = { statusCode: null, retryAfter: undefined, error: 'timed out after 10000 ms', durationMs: 10_000 };
    const retry = judgeAttempt(timeout, 2, policy, now, () => 0.5);
    expect(retry).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 1000), error: 'timed out after 10000 ms', gone: false });
    expect(judgeAttempt(answered(503), 3, policy, now)).toEqual({ status: 'failed', nextAttemptAt: null, error: 'HTTP 503', gone: false });
  });

  it('schedules the retry no earlier than Retry-After', () => {
    const verdict = judgeAttempt(answered(429, '30'), 1, policy, now, () => 0.5);
    expect(verdict.nextAttemptAt).toEqual(new Date(now.getTime() + 30_000));
  });
});
