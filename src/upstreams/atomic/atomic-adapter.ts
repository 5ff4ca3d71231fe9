import type { FastifyBaseLogger } from 'fastify';
import type { Got } from 'got';
import type { AtomicClients } from './atomic-client.js';
import { describeAtomicFailure, toAtomicAppError } from './atomic-errors.js';
import { RequestMemo } from '../../modules/request-memo.js';

type Query = Record<string, string | number | boolean | undefined>;

export interface CallOptions {
  /** Send to Atomic's PCI host (card data). */
  pci?: boolean;
  /** A POST that only reads (search, find-company) may be retried like a GET. */
  readOnly?: boolean;
  /** Authenticate as the end user with a public token instead of the API key and secret. */
  publicToken?: string;
}

const clean = (q: Query | undefined) =>
  q ? Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<string, string | number | boolean> : undefined;

/**
 * The gateway's Atomic client for one request: every call's failure leaves as an AppError and is
 * logged without credentials. Identical GETs share one upstream call for the rest of the request,
 * as Apollo's RESTDataSource does by default ("deduplicate-during-request-lifetime"): sharing only
 * while a call is in flight depends on timing, since each resolver first looks its user up in the
 * database, so a fast answer could finish before the sibling field asked and be fetched again.
 * Any write through this adapter forgets what was read, so a mutation's later reads are fresh; a
 * failed GET is forgotten too, so another field may try again.
 */
export class AtomicAdapter {
  private readonly reads = new RequestMemo<string, unknown>();

  constructor(
    private readonly clients: AtomicClients,
    private readonly log: FastifyBaseLogger,
  ) {}

  get<T>(path: string, query?: Query, opts: CallOptions = {}): Promise<T> {
    const params = clean(query);
    const key = `${path}?${new URLSearchParams(params as Record<string, string>).toString()}|${opts.publicToken ?? ''}`;
    return this.reads.get(key, () => this.call(path, (c) => c.get(path, { searchParams: params, headers: this.authHeaders(opts) }).json<unknown>(), opts)) as Promise<T>;
  }

  post<T>(path: string, json: unknown, opts: CallOptions = {}): Promise<T> {
    const send = opts.readOnly ? this.call.bind(this) : this.write.bind(this);
    return send<T>(
      path,
      (c) =>
        c
          .post(path, {
            json,
            headers: this.authHeaders(opts),
            ...(opts.readOnly ? { retry: { limit: 2, methods: ['POST'] } } : {}),
          })
          .json<T>(),
      opts,
    );
  }

  put<T>(path: string, json?: unknown, opts: CallOptions = {}): Promise<T> {
    return this.write<T>(path, (c) => c.put(path, { ...(json === undefined ? {} : { json }), headers: this.authHeaders(opts) }).json<T>(), opts);
  }

  delete<T>(path: string, query?: Query, opts: CallOptions = {}): Promise<T> {
    return this.write<T>(path, (c) => c.delete(path, { searchParams: clean(query), headers: this.authHeaders(opts) }).json<T>(), opts);
  }

  /** With a public token, the end user's token replaces our key and secret on this call. */
  private authHeaders(opts: CallOptions): Record<string, string | undefined> {
    return opts.publicToken ? { 'x-public-token': opts.publicToken, 'x-api-key': undefined, 'x-api-secret': undefined } : {};
  }

  /** A call that may change Atomic's state: reads from before it, or during it, are not reused after it. */
  private async write<T>(path: string, run: (client: Got) => Promise<T>, opts: CallOptions): Promise<T> {
    this.reads.clear();
    try {
      return await this.call(path, run, opts);
    } finally {
      this.reads.clear();
    }
  }

  private async call<T>(path: string, run: (client: Got) => Promise<T>, opts: CallOptions): Promise<T> {
    const endpoint = '/' + path.replace(/^\//, '').replace(/\/[0-9a-f]{24}|\/[0-9a-f-]{36}/gi, '/:id');
    try {
      return await run(opts.pci ? this.clients.pci : this.clients.api);
    } catch (err) {
      this.log.warn({ atomic: describeAtomicFailure(err, endpoint) }, 'atomic call failed');
      throw toAtomicAppError(err, endpoint);
    }
  }
}
