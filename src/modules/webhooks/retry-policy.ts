/**
 * When a failed delivery is tried again. Exponential backoff with full jitter: after the n-th
 * failed attempt the next one waits a uniformly random time in [0, ceiling(n)], where
 * ceiling(n) = min(base · 2^(n−1), 480 · base). Jitter spreads the retries of many deliveries that
 * failed together (a receiver's outage) instead of sending them back in lockstep.
 *
 * With the default base of 60 s and 12 attempts the ceilings are 1, 2, 4, 8, 16, 32, 64, 128 and
 * 256 minutes, then 8 h and 8 h: at most ~24.5 h from the first attempt to giving up (about half
 * that on average). docs/webhooks.md has the table. Tests shrink the base (WEBHOOK_RETRY_BASE_MS).
 */
export interface RetryPolicy {
  /** The first ceiling, in milliseconds (WEBHOOK_RETRY_BASE_MS). */
  baseMs: number;
  /** Attempts before a delivery is marked failed, the first one included (WEBHOOK_MAX_ATTEMPTS). */
  maxAttempts: number;
}

/** The largest ceiling, as a multiple of the base (8 h for a 60 s base). */
export const MAX_CEILING_FACTOR = 480;

/** A receiver's Retry-After is honoured up to this long; a longer one cannot park a delivery for days. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** The upper bound of the wait after `failedAttempts` failures (1 = after the first attempt). */
export function retryCeilingMs(policy: RetryPolicy, failedAttempts: number): number {
  const doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.min(policy.baseMs * 2 ** doublings, policy.baseMs * MAX_CEILING_FACTOR);
}

/**
 * How long to wait after `failedAttempts` failures, or null when the delivery has had all its
 * attempts. A receiver's Retry-After (already in ms) wins when it asks for longer than the jittered
 * wait.
 */
export function nextRetryDelayMs(policy: RetryPolicy, failedAttempts: number, retryAfterMs: number | undefined, random: () => number = Math.random): number | null {
  if (failedAttempts >= policy.maxAttempts) return null;
  const jittered = Math.floor(random() * retryCeilingMs(policy, failedAttempts));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/**
 * `Retry-After` in milliseconds from `now`: either delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`). Undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only date-shaped values (a day name first, as in all three HTTP date forms): Date.parse would
  // also accept things like "2026".
  if (!/^[A-Za-z]{3,9},?\s/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
