import axios, { type AxiosError, type AxiosInstance } from 'axios';
import axiosRetry, { exponentialDelay } from 'axios-retry';
import http from 'node:http';
import https from 'node:https';
import { Configuration, PlaidApi } from 'plaid';
import type { PlaidUpstreamConfig } from '../../config/config.js';

/**
 * Plaid endpoints that are safe to call twice: reads, and link-token creation (an unused token
 * just expires). Exchanging a public token or creating a transfer is never retried blindly.
 */
const IDEMPOTENT_PATHS = new Set([
  '/accounts/get',
  '/accounts/balance/get',
  '/item/get',
  '/transactions/sync',
  '/transactions/recurring/get',
  '/webhook_verification_key/get',
  '/link/token/create',
  '/transfer/get',
  '/transfer/event/list',
  '/transfer/event/sync',
]);

export interface PlaidClientOptions {
  timeoutMs?: number;
  retries?: number;
  /** Base of the exponential back-off; tests shorten it. */
  retryBaseDelayMs?: number;
  /** Aborts every call made through this client, retries included (shutdown; see shutting-down.ts). */
  signal?: AbortSignal;
}

function pathOf(error: AxiosError): string {
  try {
    return new URL(error.config?.url ?? '', error.config?.baseURL ?? 'http://x').pathname;
  } catch {
    return '';
  }
}

/** Honour Retry-After (seconds) on 429/503, otherwise exponential back-off with jitter. */
function retryDelay(retryCount: number, error: AxiosError, baseMs: number): number {
  const header = error.response?.headers?.['retry-after'];
  const seconds = typeof header === 'string' ? Number(header) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 30_000);
  return exponentialDelay(retryCount, error, baseMs);
}

/**
 * One PlaidApi per upstream configuration, shared by every request (keep-alive connections are
 * the point); the per-request adapter wraps it. Retries only idempotent calls, only on network
 * errors, 429 and 5xx.
 */
export function createPlaidApi(config: PlaidUpstreamConfig, opts: PlaidClientOptions = {}): PlaidApi {
  const instance: AxiosInstance = axios.create({
    timeout: opts.timeoutMs ?? 10_000,
    signal: opts.signal,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 50 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 50 }),
  });
  const baseMs = opts.retryBaseDelayMs ?? 200;
  axiosRetry(instance, {
    retries: opts.retries ?? 3,
    retryDelay: (count, error) => retryDelay(count, error, baseMs),
    retryCondition: (error) => {
      if (axios.isCancel(error) || !IDEMPOTENT_PATHS.has(pathOf(error))) return false;
      const status = error.response?.status;
      return status === undefined || status === 429 || status >= 500;
    },
    shouldResetTimeout: true,
  });
  const configuration = new Configuration({
    basePath: config.baseUrl,
    baseOptions: {
      headers: {
        'PLAID-CLIENT-ID': config.clientId ?? '',
        'PLAID-SECRET': config.secret ?? '',
        'Plaid-Version': '2020-09-14',
      },
    },
  });
  // The SDK's axios typings are the CommonJS flavour of the same package; the instance is identical.
  return new PlaidApi(configuration, config.baseUrl, instance as unknown as ConstructorParameters<typeof PlaidApi>[2]);
}
