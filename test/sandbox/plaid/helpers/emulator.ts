import { Configuration, PlaidApi, Products, type SandboxPublicTokenCreateRequest } from 'plaid';
import { startPlaidEmulator, type PlaidEmulatorOptions, type RunningPlaidEmulator } from '../../../../src/sandbox/plaid/index.js';
import type { PlaidSpec } from './spec.js';

export const CLIENT_ID = 'emulator-test-client';
export const SECRET = 'emulator-test-secret';

export function startEmulator(options: Partial<PlaidEmulatorOptions> = {}): Promise<RunningPlaidEmulator> {
  return startPlaidEmulator({ clientId: CLIENT_ID, secret: SECRET, ...options });
}

interface AxiosLikeResponse {
  status: number;
  data: unknown;
  headers: Record<string, unknown>;
  config: { url?: string };
}

/** Every (endpoint, status) pair whose body was checked against the spec. */
export type SpecCoverage = Set<string>;

/**
 * The official SDK, configured the way the gateway configures it (only `basePath` changes). With a
 * spec, every answer it receives, success or error, is validated against Plaid's OpenAPI spec.
 */
export function plaidClient(
  url: string,
  options: { spec?: PlaidSpec; coverage?: SpecCoverage; headers?: Record<string, string>; timeoutMs?: number } = {},
): PlaidApi {
  const api = new PlaidApi(
    new Configuration({
      basePath: url,
      baseOptions: {
        headers: options.headers ?? { 'PLAID-CLIENT-ID': CLIENT_ID, 'PLAID-SECRET': SECRET },
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      },
    }),
  );
  const spec = options.spec;
  if (!spec) return api;
  const check = (response: AxiosLikeResponse) => {
    const path = new URL(response.config.url ?? '', url).pathname;
    spec.assertResponse(path, response.status, response.data);
    options.coverage?.add(`${path} ${response.status}`);
  };
  return new Proxy(api, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (response: AxiosLikeResponse) => {
            check(response);
            return response;
          },
          (error: { response?: AxiosLikeResponse }) => {
            if (error.response) check(error.response);
            throw error;
          },
        );
      };
    },
  });
}

export interface PlaidFailure {
  status: number;
  data: { error_type: string; error_code: string; error_message: string; request_id: string; [key: string]: unknown };
  headers: Record<string, unknown>;
}

/** The Plaid error an SDK call failed with (axios puts it on `error.response`). */
export async function plaidFailure(call: Promise<unknown>): Promise<PlaidFailure> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: PlaidFailure }).response;
    if (!response) throw error;
    return { status: response.status, data: response.data, headers: response.headers };
  }
  throw new Error('expected the Plaid call to fail');
}

/** Link an Item the sandbox way: /sandbox/public_token/create, then exchange. */
export async function linkItem(
  client: PlaidApi,
  options: Partial<SandboxPublicTokenCreateRequest> = {},
): Promise<{ accessToken: string; itemId: string }> {
  const created = await client.sandboxPublicTokenCreate({
    institution_id: 'ins_109508',
    initial_products: [Products.Transactions],
    ...options,
  });
  const exchanged = await client.itemPublicTokenExchange({ public_token: created.data.public_token });
  return { accessToken: exchanged.data.access_token, itemId: exchanged.data.item_id };
}

/** Pages /transactions/sync from `cursor` until has_more is false. */
export async function syncAll(client: PlaidApi, accessToken: string, count: number, cursor?: string) {
  const added = [];
  const modified = [];
  const removed = [];
  let pages = 0;
  let next = cursor;
  for (;;) {
    const { data } = await client.transactionsSync({ access_token: accessToken, count, ...(next === undefined ? {} : { cursor: next }) });
    pages += 1;
    added.push(...data.added);
    modified.push(...data.modified);
    removed.push(...data.removed);
    next = data.next_cursor;
    if (!data.has_more) break;
  }
  return { added, modified, removed, cursor: next as string, pages };
}

/** A JSON request to the emulator's control API (not part of Plaid's). */
export async function control(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/__control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
