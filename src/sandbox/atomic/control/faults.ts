import { FaultEngine, parseFaultBody, retryAfterHeaders, type BaseFaultSpec, type FaultRules } from '../../shared/fault-engine.js';
import type { Fault as EngineFault, FaultOutcome as EngineOutcome } from '../../shared/fault-engine.js';
import { AtomicApiError } from '../errors.js';

export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const;

/** A fault as POSTed to /__control/faults (the Plaid emulator's API, minus its Plaid error codes). */
export interface FaultSpec extends BaseFaultSpec<(typeof FAULT_STATUSES)[number]> {
  /** A route pattern (`/employment/:identifier`), the same with a method (`GET /pay-link/accounts`), or `*`. */
  endpoint: string;
}

export type Fault = EngineFault<FaultSpec>;
export type FaultOutcome = EngineOutcome<AtomicApiError>;

/** Atomic routes share patterns across methods, so a fault may name a pattern alone or `METHOD pattern`. */
const ATOMIC_FAULTS: FaultRules<FaultSpec, AtomicApiError> = {
  statuses: FAULT_STATUSES,
  matches: (faultEndpoint, endpoint, method) => faultEndpoint === endpoint || faultEndpoint === `${method} ${endpoint}`,
  buildError: (fault) =>
    fault.status === undefined ? undefined : new AtomicApiError(fault.status, undefined, retryAfterHeaders(fault, fault.status)),
  knownEndpoint: matchesKnownEndpoint,
  endpointError: (endpoints) => `endpoint must be "*", a route pattern or "METHOD pattern"; patterns: ${endpoints.join(', ')}`,
};

export class FaultRegistry extends FaultEngine<FaultSpec, AtomicApiError> {
  constructor(random: () => number = Math.random) {
    super(ATOMIC_FAULTS, random);
  }
}

/** Validates a POST /__control/faults body; returns the spec or a message saying what is wrong. */
export function parseFaultSpec(body: unknown, endpoints: readonly string[]): FaultSpec | string {
  return parseFaultBody(ATOMIC_FAULTS, body, endpoints);
}

function matchesKnownEndpoint(endpoint: string, endpoints: readonly string[]): boolean {
  if (endpoint === '*' || endpoints.includes(endpoint)) return true;
  const match = /^(GET|POST|PUT|DELETE) (\/.*)$/.exec(endpoint);
  return match !== null && endpoints.includes(match[2] as string);
}
