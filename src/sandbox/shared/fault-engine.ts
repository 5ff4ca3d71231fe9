import { randomUUID } from 'node:crypto';

/** The fault fields both emulators accept on POST /__control/faults. */
export interface BaseFaultSpec<Status extends number = number> {
  /** An endpoint in the emulator's own notation, or `*` for all of them. */
  endpoint: string;
  latencyMs?: number;
  /** Probability (0..1) that a matching call is affected; default 1. */
  errorRate?: number;
  status?: Status;
  retryAfterSeconds?: number;
  /** Never answer: the client times out, or the emulator closes the connection on shutdown. */
  hang?: boolean;
  /** How many matching calls to affect; default unlimited. */
  times?: number;
  /** Let this many matching calls through untouched first. */
  afterCalls?: number;
}

export type Fault<Spec extends BaseFaultSpec> = Spec & {
  id: string;
  /** Matching calls seen so far, and how many of them the fault affected. */
  matched: number;
  applied: number;
};

/** What the request pipeline should do to one call. */
export interface FaultOutcome<Err> {
  latencyMs: number;
  hang: boolean;
  error?: Err;
}

/** What differs between emulators; everything else about faults is the same. */
export interface FaultRules<Spec extends BaseFaultSpec, Err> {
  statuses: readonly number[];
  /** Whether a fault's endpoint (never `*`, the engine handles that) covers this call. */
  matches(faultEndpoint: string, endpoint: string, method: string): boolean;
  /** The error a fault fails a call with; undefined when the fault only delays. */
  buildError(fault: Fault<Spec>, endpoint: string): Err | undefined;
  /** Whether POST /__control/faults may name this endpoint (`*` included), and what to say if not. */
  knownEndpoint(endpoint: string, endpoints: readonly string[]): boolean;
  endpointError(endpoints: readonly string[]): string;
  /** Emulator-only fields; each can make a fault on its own, like `status`. */
  extraFields?: readonly (keyof Spec & string)[];
  /** Checks the extra fields and copies them onto `spec`; returns a message when one is wrong. */
  validateExtra?(body: Record<string, unknown>, spec: Spec): string | undefined;
}

/** 429s always say when to come back; other statuses only when the fault asks for it. */
export function retryAfterHeaders(fault: BaseFaultSpec, status: number): Record<string, string> {
  const retryAfter = fault.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
  return retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
}

export class FaultEngine<Spec extends BaseFaultSpec, Err> {
  private faults: Fault<Spec>[] = [];

  constructor(
    private readonly rules: FaultRules<Spec, Err>,
    private readonly random: () => number = Math.random,
  ) {}

  add(spec: Spec): Fault<Spec> {
    const fault: Fault<Spec> = { ...spec, id: randomUUID(), matched: 0, applied: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault<Spec>[] {
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
  decide(endpoint: string, method = ''): FaultOutcome<Err> {
    const outcome: FaultOutcome<Err> = { latencyMs: 0, hang: false };
    for (const fault of this.faults) {
      if (fault.endpoint !== '*' && !this.rules.matches(fault.endpoint, endpoint, method)) continue;
      fault.matched += 1;
      if (fault.matched <= (fault.afterCalls ?? 0)) continue;
      if (fault.times !== undefined && fault.applied >= fault.times) continue;
      if (fault.errorRate !== undefined && this.random() >= fault.errorRate) continue;
      fault.applied += 1;
      outcome.latencyMs += fault.latencyMs ?? 0;
      if (outcome.hang || outcome.error) continue;
      if (fault.hang) outcome.hang = true;
      else {
        const error = this.rules.buildError(fault, endpoint);
        if (error !== undefined) outcome.error = error;
      }
    }
    return outcome;
  }
}

/** Validates a POST /__control/faults body; returns the spec or a message saying what is wrong. */
export function parseFaultBody<Spec extends BaseFaultSpec>(
  rules: FaultRules<Spec, unknown>,
  body: unknown,
  endpoints: readonly string[],
): Spec | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  const extra = rules.extraFields ?? [];
  const known = new Set<string>(['endpoint', 'latencyMs', 'errorRate', 'status', 'retryAfterSeconds', 'hang', ...extra, 'times', 'afterCalls']);
  const unknown = Object.keys(b).filter((k) => !known.has(k));
  if (unknown.length > 0) return `unknown fields: ${unknown.join(', ')}`;
  if (typeof b.endpoint !== 'string' || !rules.knownEndpoint(b.endpoint, endpoints)) return rules.endpointError(endpoints);
  // Built field by field, so the control API lists a fault's fields in the same order every time.
  const spec: BaseFaultSpec = { endpoint: b.endpoint };
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
    if (typeof b.status !== 'number' || !rules.statuses.includes(b.status)) return `status must be one of ${rules.statuses.join(', ')}`;
    spec.status = b.status;
  }
  if (b.hang !== undefined) {
    if (typeof b.hang !== 'boolean') return 'hang must be a boolean';
    spec.hang = b.hang;
  }
  const problem = rules.validateExtra?.(b, spec as Spec);
  if (problem) return problem;
  const full = spec as Spec;
  if (!spec.hang && spec.status === undefined && extra.every((f) => full[f] === undefined) && spec.latencyMs === undefined) {
    return `a fault needs at least one of ${['latencyMs', 'status', ...extra].join(', ')} or hang`;
  }
  return full;
}
