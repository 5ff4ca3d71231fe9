import got, { type Got, type RequestError } from 'got';
import type { AtomicUpstreamConfig } from '../../config/config.js';

/** Header and body fields that must never survive into an error object or a log line. */
const SECRET_HEADERS = ['x-api-key', 'x-api-secret', 'x-public-token', 'authorization'];
const SECRET_BODY_FIELDS = /^(number|cardNumber|cvv|cvc|expiry|expirationDate|accountNumber|routingNumber|ssn|apiLogin|apiTransKey|accountNo)$/i;

/** Replaces secret values in a JSON-ish value (card numbers, CVVs, account numbers, SSNs, BaaS credentials). */
export function scrubBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubBody);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_BODY_FIELDS.test(k) ? '[redacted]' : scrubBody(v)]),
    );
  }
  return value;
}

/**
 * got's errors keep the request options, i.e. our API secret and, for PCI calls, card data.
 * This hook blanks them before the error travels anywhere (loggers, error trackers, callers).
 */
function scrubError(error: RequestError): RequestError {
  const options = error.options as unknown as { headers?: Record<string, unknown>; json?: unknown } | undefined;
  if (options?.headers) for (const h of SECRET_HEADERS) if (h in options.headers) options.headers[h] = '[redacted]';
  if (options?.json !== undefined) options.json = scrubBody(options.json);
  return error;
}

export interface AtomicClientOptions {
  timeoutMs?: number;
  retryLimit?: number;
  /** Aborts every call made through these clients, retries included (shutdown; see shutting-down.ts). */
  signal?: AbortSignal;
}

export interface AtomicClients {
  api: Got;
  pci: Got;
}

/**
 * One got instance per host (API and PCI) and key mode, shared across requests for keep-alive.
 * Retries (network errors, 429, 5xx) apply to GET/PUT/DELETE by got's rules; read-only POSTs opt in
 * per call. got honours Retry-After on 429/503 by itself.
 */
export function createAtomicClients(config: AtomicUpstreamConfig, apiVersion: string, opts: AtomicClientOptions = {}): AtomicClients {
  const base = got.extend({
    headers: {
      'x-api-key': config.apiKey ?? '',
      'x-api-secret': config.apiSecret ?? '',
      'x-atomic-version': apiVersion,
    },
    timeout: { request: opts.timeoutMs ?? 10_000 },
    signal: opts.signal,
    retry: {
      limit: opts.retryLimit ?? 2,
      methods: ['GET', 'PUT', 'DELETE', 'HEAD'],
      statusCodes: [429, 500, 502, 503, 504],
      maxRetryAfter: 30_000,
      backoffLimit: 2_000,
    },
    responseType: 'json',
    hooks: { beforeError: [scrubError] },
  });
  return {
    api: base.extend({ prefixUrl: config.baseUrl }),
    pci: base.extend({ prefixUrl: config.pciUrl }),
  };
}
