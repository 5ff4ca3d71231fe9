import { readFileSync } from 'node:fs';
import path from 'node:path';
import got, { type Method } from 'got';
import { startAtomicEmulator, type AtomicEmulatorOptions, type RunningAtomicEmulator } from '../../../../src/sandbox/atomic/index.js';

export const API_KEY = 'atomic-emulator-test-key';
export const API_SECRET = 'atomic-emulator-test-secret';
/** The identifier whose data is the references' examples. */
export const REFERENCE_USER = 'IDENTIFIER_FROM_YOUR_SYSTEM';

export function startEmulator(options: Partial<AtomicEmulatorOptions> = {}): Promise<RunningAtomicEmulator> {
  return startAtomicEmulator({ apiKey: API_KEY, apiSecret: API_SECRET, ...options });
}

export const backendHeaders = { 'x-api-key': API_KEY, 'x-api-secret': API_SECRET };

export interface RequestOptions {
  json?: unknown;
  body?: string;
  searchParams?: Record<string, string>;
  headers?: Record<string, string>;
  timeout?: { request: number };
}

/** An answer with its JSON body (or the raw text when it is not JSON); tests cast the body to what they expect. */
export interface JsonResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface AtomicApi {
  request(method: Method, path: string, options?: RequestOptions): Promise<JsonResponse>;
  get(path: string, options?: RequestOptions): Promise<JsonResponse>;
  post(path: string, options?: RequestOptions): Promise<JsonResponse>;
  put(path: string, options?: RequestOptions): Promise<JsonResponse>;
  delete(path: string, options?: RequestOptions): Promise<JsonResponse>;
}

/**
 * `got`, set up the way a backend calls Atomic: JSON, API key and secret, no retries (the tests
 * look at every single answer, errors included).
 */
export function atomicClient(url: string, headers: Record<string, string> = backendHeaders): AtomicApi {
  const client = got.extend({ prefixUrl: url, headers, throwHttpErrors: false, retry: { limit: 0 } });
  const request = async (method: Method, path: string, options: RequestOptions = {}): Promise<JsonResponse> => {
    const response = await client(path, { ...options, method, responseType: 'text' });
    let body: unknown = response.body;
    try {
      body = response.body === '' ? undefined : (JSON.parse(response.body) as unknown);
    } catch {
      // Not JSON: keep the text.
    }
    return { statusCode: response.statusCode, headers: response.headers, body };
  };
  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, options) => request('POST', path, options),
    put: (path, options) => request('PUT', path, options),
    delete: (path, options) => request('DELETE', path, options),
  };
}

/** A JSON request to the emulator's control API (not part of Atomic's). */
export async function control(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/__control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The example responses of the three Atomic references, copied verbatim (see the fixture's `_source`). */
export type Examples = Record<string, unknown>;
const here = import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname);
export const examples: Examples = JSON.parse(readFileSync(path.join(here, '../fixtures/reference-examples.json'), 'utf8')) as Examples;

export function example<T = Record<string, unknown>>(name: string): T {
  const value = examples[name];
  if (value === undefined) throw new Error(`no reference example ${name}`);
  return structuredClone(value) as T;
}

/** The reference's placeholder for the pre-signed URLs Atomic generates. */
export const PRESIGNED_PLACEHOLDER = '[ATOMIC-GENERATED-PRESIGNED-S3-URL]';

/** Download URLs point back at the emulator; swap them for the reference's placeholder to compare. */
export function placeholderUrls(value: unknown, emulatorUrl: string): unknown {
  if (Array.isArray(value)) return value.map((v) => placeholderUrls(v, emulatorUrl));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        k === 'url' && typeof v === 'string' && v.startsWith(`${emulatorUrl}/__files/`) ? PRESIGNED_PLACEHOLDER : placeholderUrls(v, emulatorUrl),
      ]),
    );
  }
  return value;
}
