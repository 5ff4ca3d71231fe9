/**
 * Failures that mean "the database is not answering right now" rather than "this request is
 * wrong" or "the gateway has a bug": a pool that could not hand out a connection in time, a
 * connection refused, reset or cut, or a server shutting down. Clients get 503
 * SERVICE_UNAVAILABLE with Retry-After for these (a retry may well succeed), not a masked 500.
 */

/** Seconds a client is asked to wait before retrying (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const SERVICE_UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable; retry in a few seconds.';

/** Socket-level codes (Node, pg) and PostgreSQL SQLSTATEs of class 08 (connection) and 57P (shutdown). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** pg and knex say these in messages only; they carry no code. */
const UNAVAILABLE_MESSAGES = /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect|Timeout acquiring a connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  // MikroORM wraps the driver's error (DriverException copies its fields); knex may wrap as `cause`.
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'KnexTimeoutError') return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}
