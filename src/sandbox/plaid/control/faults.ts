import { randomUUID } from 'node:crypto';
import { ERROR_CATALOG, isPlaidErrorCode, PlaidApiError, rateLimitCodeFor, type PlaidErrorCode } from '../errors.js';

export const FAULT_STATUSES = [429, 500, 503] as const;

/** A fault as POSTed to /__control/faults. */
export interface FaultSpec {
  /** A Plaid endpoint path, or `*` for all of them. */
  endpoint: string;
  latencyMs?: number;
  /** Probability (0..1) that a matching call is affected; default 1. */
  errorRate?: number;
  status?: (typeof FAULT_STATUSES)[number];
  retryAfterSeconds?: number;
  /** Never answer: the client times out, or the emulator closes the connection on shutdown. */
  hang?: boolean;
  plaidErrorCode?: PlaidErrorCode;
  /** How many matching calls to affect; default unlimited. */
  times?: number;
  /** Let this many matching calls through untouched first. */
  afterCalls?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** Matching calls seen so far, and how many of them the fault affected. */
  matched: number;
  applied: number;
}

/** What the request pipeline should do to one call. */
export interface FaultOutcome {
  latencyMs: number;
  hang: boolean;
  error?: PlaidApiError;
}

export class FaultRegistry {
  private faults: Fault[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: randomUUID(), matched: 0, applied: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): number {
    const count = this.faults.length;
    this.faults = [];
    return count;
  }

  /**
   * Applies every fault that matches this call: latencies add up, and the first fault that fails
   * the call (hang or error) decides how.
   */
  decide(endpoint: string): FaultOutcome {
    const outcome: FaultOutcome = { latencyMs: 0, hang: false };
    for (const fault of this.faults) {
      if (fault.endpoint !== '*' && fault.endpoint !== endpoint) continue;
      fault.matched += 1;
      if (fault.matched <= (fault.afterCalls ?? 0)) continue;
      if (fault.times !== undefined && fault.applied >= fault.times) continue;
      if (fault.errorRate !== undefined && this.random() >= fault.errorRate) continue;
      fault.applied += 1;
      outcome.latencyMs += fault.latencyMs ?? 0;
      if (outcome.hang || outcome.error) continue;
      if (fault.hang) outcome.hang = true;
      else if (fault.status !== undefined || fault.plaidErrorCode !== undefined) outcome.error = faultError(fault, endpoint);
    }
    return outcome;
  }
}

function faultError(fault: Fault, endpoint: string): PlaidApiError {
  const code: PlaidErrorCode =
    fault.plaidErrorCode ??
    (fault.status === 429 ? rateLimitCodeFor(endpoint) : fault.status === 503 ? 'PLANNED_MAINTENANCE' : 'INTERNAL_SERVER_ERROR');
  const status = fault.status ?? ERROR_CATALOG[code].status;
  // 429s always say when to come back; other statuses only when the fault asks for it.
  const retryAfter = fault.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  return new PlaidApiError(code, undefined, { status, headers });
}

/** Validates a POST /__control/faults body; returns the spec or a message saying what is wrong. */
export function parseFaultSpec(body: unknown, endpoints: readonly string[]): FaultSpec | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  const known = new Set(['endpoint', 'latencyMs', 'errorRate', 'status', 'retryAfterSeconds', 'hang', 'plaidErrorCode', 'times', 'afterCalls']);
  const unknown = Object.keys(b).filter((k) => !known.has(k));
  if (unknown.length > 0) return `unknown fields: ${unknown.join(', ')}`;
  if (typeof b.endpoint !== 'string' || (b.endpoint !== '*' && !endpoints.includes(b.endpoint))) {
    return `endpoint must be "*" or one of ${endpoints.join(', ')}`;
  }
  const spec: FaultSpec = { endpoint: b.endpoint };
  const count = (name: 'latencyMs' | 'retryAfterSeconds' | 'times' | 'afterCalls'): string | undefined => {
    const value = b[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return `${name} must be a non-negative integer`;
    spec[name] = value;
    return undefined;
  };
  for (const name of ['latencyMs', 'retryAfterSeconds', 'times', 'afterCalls'] as const) {
    const problem = count(name);
    if (problem) return problem;
  }
  if (b.errorRate !== undefined) {
    if (typeof b.errorRate !== 'number' || b.errorRate < 0 || b.errorRate > 1) return 'errorRate must be a number from 0 to 1';
    spec.errorRate = b.errorRate;
  }
  if (b.status !== undefined) {
    if (!FAULT_STATUSES.includes(b.status as (typeof FAULT_STATUSES)[number])) return `status must be one of ${FAULT_STATUSES.join(', ')}`;
    spec.status = b.status as (typeof FAULT_STATUSES)[number];
  }
  if (b.hang !== undefined) {
    if (typeof b.hang !== 'boolean') return 'hang must be a boolean';
    spec.hang = b.hang;
  }
  if (b.plaidErrorCode !== undefined) {
    if (typeof b.plaidErrorCode !== 'string' || !isPlaidErrorCode(b.plaidErrorCode)) {
      return 'plaidErrorCode is not a Plaid error code this emulator knows (see errors.ts)';
    }
    spec.plaidErrorCode = b.plaidErrorCode;
  }
  if (!spec.hang && spec.status === undefined && spec.plaidErrorCode === undefined && spec.latencyMs === undefined) {
    return 'a fault needs at least one of latencyMs, status, plaidErrorCode or hang';
  }
  return spec;
}
