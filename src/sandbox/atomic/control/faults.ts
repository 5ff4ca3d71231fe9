import { randomUUID } from 'node:crypto';
import { AtomicApiError } from '../errors.js';

export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const;

/** A fault as POSTed to /__control/faults (the Plaid emulator's API, minus its Plaid error codes). */
export interface FaultSpec {
  /** A route pattern (`/employment/:identifier`), the same with a method (`GET /pay-link/accounts`), or `*`. */
  endpoint: string;
  latencyMs?: number;
  /** Probability (0..1) that a matching call is affected; default 1. */
  errorRate?: number;
  status?: (typeof FAULT_STATUSES)[number];
  retryAfterSeconds?: number;
  /** Never answer: the client times out, or the emulator closes the connection on shutdown. */
  hang?: boolean;
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
  error?: AtomicApiError;
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
  decide(endpoint: string, method: string): FaultOutcome {
    const outcome: FaultOutcome = { latencyMs: 0, hang: false };
    for (const fault of this.faults) {
      if (fault.endpoint !== '*' && fault.endpoint !== endpoint && fault.endpoint !== `${method} ${endpoint}`) continue;
      fault.matched += 1;
      if (fault.matched <= (fault.afterCalls ?? 0)) continue;
      if (fault.times !== undefined && fault.applied >= fault.times) continue;
      if (fault.errorRate !== undefined && this.random() >= fault.errorRate) continue;
      fault.applied += 1;
      outcome.latencyMs += fault.latencyMs ?? 0;
      if (outcome.hang || outcome.error) continue;
      if (fault.hang) outcome.hang = true;
      else if (fault.status !== undefined) outcome.error = faultError(fault);
    }
    return outcome;
  }
}

function faultError(fault: Fault): AtomicApiError {
  const status = fault.status as number;
  // 429s always say when to come back; other statuses only when the fault asks for it.
  const retryAfter = fault.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
  return new AtomicApiError(status, undefined, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });
}

/** Validates a POST /__control/faults body; returns the spec or a message saying what is wrong. */
export function parseFaultSpec(body: unknown, endpoints: readonly string[]): FaultSpec | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  const known = new Set(['endpoint', 'latencyMs', 'errorRate', 'status', 'retryAfterSeconds', 'hang', 'times', 'afterCalls']);
  const unknown = Object.keys(b).filter((k) => !known.has(k));
  if (unknown.length > 0) return `unknown fields: ${unknown.join(', ')}`;
  if (typeof b.endpoint !== 'string' || !matchesKnownEndpoint(b.endpoint, endpoints)) {
    return `endpoint must be "*", a route pattern or "METHOD pattern"; patterns: ${endpoints.join(', ')}`;
  }
  const spec: FaultSpec = { endpoint: b.endpoint };
  for (const name of ['latencyMs', 'retryAfterSeconds', 'times', 'afterCalls'] as const) {
    const value = b[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return `${name} must be a non-negative integer`;
    spec[name] = value;
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
  if (!spec.hang && spec.status === undefined && spec.latencyMs === undefined) {
    return 'a fault needs at least one of latencyMs, status or hang';
  }
  return spec;
}

function matchesKnownEndpoint(endpoint: string, endpoints: readonly string[]): boolean {
  if (endpoint === '*' || endpoints.includes(endpoint)) return true;
  const match = /^(GET|POST|PUT|DELETE) (\/.*)$/.exec(endpoint);
  return match !== null && endpoints.includes(match[2] as string);
}
