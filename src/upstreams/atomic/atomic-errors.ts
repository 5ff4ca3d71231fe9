import { AbortError, HTTPError, RequestError } from 'got';
import { AppError } from '../../errors/app-error.js';
import { shuttingDown } from '../shutting-down.js';

export interface AtomicFailureLog {
  endpoint: string;
  status?: number;
  network?: string;
}

function upstreamMessage(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; error?: unknown };
    if (typeof b.message === 'string') return b.message;
    if (typeof b.error === 'string') return b.error;
  }
  return undefined;
}

export function describeAtomicFailure(err: unknown, endpoint: string): AtomicFailureLog {
  if (err instanceof HTTPError) return { endpoint, status: err.response.statusCode };
  if (err instanceof RequestError) return { endpoint, network: err.code };
  return { endpoint, network: err instanceof Error ? err.name : 'unknown' };
}

/**
 * Atomic failures as API errors: an HTTP answer is UPSTREAM_ERROR with Atomic's status and message
 * in `extensions.upstream`; no answer is UPSTREAM_UNAVAILABLE, and so is a call the gateway aborted
 * because it is shutting down. Built from the status and the response's message only: got's error
 * carries request options with our secret.
 */
export function toAtomicAppError(err: unknown, endpoint: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof AbortError) return shuttingDown('atomic');
  if (err instanceof HTTPError) {
    const status = err.response.statusCode;
    const message = upstreamMessage(err.response.body) ?? `Atomic answered ${status} to ${endpoint}.`;
    return new AppError('UPSTREAM_ERROR', message, { upstream: { provider: 'atomic', status, message } });
  }
  const code = err instanceof RequestError ? err.code : 'NO_RESPONSE';
  return new AppError('UPSTREAM_UNAVAILABLE', `Atomic did not answer ${endpoint}.`, {
    upstream: { provider: 'atomic', code, message: `no response (${code})` },
  });
}
