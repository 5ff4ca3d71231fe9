import type { WebhookDeliveryStatus } from '../../db/entities/index.js';
import { nextRetryDelayMs, parseRetryAfter, type RetryPolicy } from './retry-policy.js';
import type { SendOutcome } from './sender.js';

/** What an attempt means for its delivery (and, for 410, its endpoint). */
export interface AttemptVerdict {
  status: WebhookDeliveryStatus;
  /** When the next attempt is due (status `pending` only). */
  nextAttemptAt: Date | null;
  /** Short, secret-free; null after a 2xx. */
  error: string | null;
  /** The receiver answered 410 Gone: disable the endpoint and cancel what is pending for it. */
  gone: boolean;
}

/**
 * 2xx delivers. 410 Gone means the receiver is gone for good: no retry, and the endpoint is
 * disabled. Anything else — 3xx (redirects are never followed), 4xx, 5xx, a timeout or a network
 * error — is retried on the policy's schedule, later if the receiver's Retry-After asks for it,
 * until `maxAttempts` attempts have failed. `attempts` counts this attempt.
 */
export function judgeAttempt(outcome: SendOutcome, attempts: number, policy: RetryPolicy, now: Date, random?: () => number): AttemptVerdict {
  const code = outcome.statusCode;
  if (code !== null && code >= 200 && code < 300) return { status: 'succeeded', nextAttemptAt: null, error: null, gone: false };
  if (code === 410) return { status: 'cancelled', nextAttemptAt: null, error: 'HTTP 410 Gone: endpoint disabled', gone: true };
  const error = outcome.error ?? describeStatus(code!);
  const delay = nextRetryDelayMs(policy, attempts, parseRetryAfter(outcome.retryAfter, now.getTime()), random);
  if (delay === null) return { status: 'failed', nextAttemptAt: null, error, gone: false };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay), error, gone: false };
}

function describeStatus(code: number): string {
  if (code >= 300 && code < 400) return `HTTP ${code}: redirects are not followed`;
  return `HTTP ${code}`;
}
