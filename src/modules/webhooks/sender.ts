import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget, ResolvedAddress } from './ssrf-guard.js';

/** What one POST came to. Never holds the response body: receivers' answers are not stored or logged. */
export interface SendOutcome {
  /** The HTTP status, when the receiver answered. */
  statusCode: number | null;
  /** The raw `Retry-After` header, if any. */
  retryAfter: string | undefined;
  /** Why the attempt failed without a usable answer (timeout, refused connection, TLS…). */
  error: string | null;
  durationMs: number;
}

/**
 * POSTs `body` to a destination the SSRF guard has checked, connecting only to the checked
 * address (a lookup function that answers with it, so DNS is not asked again), with the URL's
 * host name kept for the Host header and TLS certificate checks. Redirects are not followed:
 * a 3xx is returned as is and counts as a failure. The whole exchange, up to the response
 * headers, must finish within `timeoutMs`.
 */
export function postToTarget(target: CheckedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SendOutcome> {
  const started = performance.now();
  const address = target.addresses[0]!;
  const { url } = target;
  const client = url.protocol === 'https:' ? https : http;
  const payload = Buffer.from(body, 'utf8');
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: Math.round(performance.now() - started) });
    };
    const request = client.request({
      method: 'POST',
      protocol: url.protocol,
      host: target.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, 'content-length': String(payload.length) },
      lookup: pinnedLookup(address),
      // A fresh connection per attempt: a pooled socket could belong to an earlier resolution.
      agent: false,
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish({ statusCode: null, retryAfter: undefined, error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    request.on('response', (response) => {
      // Drain and drop the body: only the status (and Retry-After) matter.
      response.resume();
      response.on('error', () => undefined);
      const retryAfter = response.headers['retry-after'];
      finish({ statusCode: response.statusCode ?? null, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, error: null });
    });
    request.on('error', (err: NodeJS.ErrnoException) => finish({ statusCode: null, retryAfter: undefined, error: describeNetworkError(err) }));
    request.end(payload);
  });
}

/** Answers every lookup with the checked address, whatever Node asks (single or `all`). */
function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  }) as LookupFunction;
}

/** A short, secret-free description: the error code and Node's message (which names only host and port). */
function describeNetworkError(err: NodeJS.ErrnoException): string {
  const message = err.message || 'request failed';
  return (err.code && !message.includes(err.code) ? `${err.code}: ${message}` : message).slice(0, 300);
}
