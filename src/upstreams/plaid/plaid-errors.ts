import { isAxiosError, isCancel } from 'axios';
import { AppError } from '../../errors/app-error.js';
import { shuttingDown } from '../shutting-down.js';

interface PlaidErrorBody {
  error_type?: string;
  error_code?: string;
  error_message?: string;
  display_message?: string | null;
  request_id?: string;
}

/**
 * What may be logged about a failed Plaid call. Built field by field from the response, never
 * from the axios error itself: its `config.headers` carry PLAID-SECRET and its `config.data` the
 * access token.
 */
export interface PlaidFailureLog {
  endpoint: string;
  status?: number;
  errorCode?: string;
  errorType?: string;
  plaidRequestId?: string;
  network?: string;
}

export function describePlaidFailure(err: unknown, endpoint: string): PlaidFailureLog {
  if (!isAxiosError(err)) return { endpoint, network: err instanceof Error ? err.name : 'unknown' };
  const body = (err.response?.data ?? {}) as PlaidErrorBody;
  return {
    endpoint,
    status: err.response?.status,
    errorCode: body.error_code,
    errorType: body.error_type,
    plaidRequestId: body.request_id,
    network: err.response ? undefined : err.code,
  };
}

/**
 * Plaid failures as GraphQL/REST errors: an answer from Plaid is UPSTREAM_ERROR carrying Plaid's
 * status and error_code; no answer (refused, reset, timeout) is UPSTREAM_UNAVAILABLE, and so is
 * a call the gateway aborted because it is shutting down.
 * The message is Plaid's own client-facing text, which never contains credentials.
 */
export function toPlaidAppError(err: unknown, endpoint: string): AppError {
  if (err instanceof AppError) return err;
  if (isCancel(err)) return shuttingDown('plaid');
  const info = describePlaidFailure(err, endpoint);
  if (info.status === undefined) {
    return new AppError('UPSTREAM_UNAVAILABLE', `Plaid did not answer ${endpoint}.`, {
      upstream: { provider: 'plaid', code: info.network ?? 'NO_RESPONSE' },
    });
  }
  const body = (isAxiosError(err) ? err.response?.data : undefined) as PlaidErrorBody | undefined;
  const message = body?.display_message || body?.error_message || `Plaid answered ${info.status} to ${endpoint}.`;
  return new AppError('UPSTREAM_ERROR', message, {
    upstream: { provider: 'plaid', status: info.status, code: info.errorCode ?? 'UNKNOWN' },
  });
}

export function plaidErrorCode(err: unknown): string | undefined {
  if (err instanceof AppError) return (err.extensions.upstream as { code?: string } | undefined)?.code;
  return isAxiosError(err) ? (err.response?.data as PlaidErrorBody | undefined)?.error_code : undefined;
}
