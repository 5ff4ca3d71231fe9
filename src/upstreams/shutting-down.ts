import { AppError } from '../errors/app-error.js';

/**
 * Upstream calls still running when shutdown's grace period ends are aborted (server/app.ts), so the
 * requests waiting on them answer at once, and before the process is stopped, instead of holding
 * the shutdown through the providers' timeouts and retries (up to ~40 s) and then losing the
 * connection. The abort is the only one the upstream clients know, so an aborted call means this.
 */
export const SHUTTING_DOWN_MESSAGE = 'The gateway is shutting down; retry the request.';

export function shuttingDown(provider: 'plaid' | 'atomic'): AppError {
  return new AppError('UPSTREAM_UNAVAILABLE', SHUTTING_DOWN_MESSAGE, { upstream: { provider, code: 'GATEWAY_SHUTTING_DOWN' } });
}
