import { FaultEngine, parseFaultBody, retryAfterHeaders, type BaseFaultSpec, type FaultRules } from '../../shared/fault-engine.js';
import type { Fault as EngineFault, FaultOutcome as EngineOutcome } from '../../shared/fault-engine.js';
import { ERROR_CATALOG, isPlaidErrorCode, PlaidApiError, rateLimitCodeFor, type PlaidErrorCode } from '../errors.js';

export const FAULT_STATUSES = [429, 500, 503] as const;

/** A fault as POSTed to /__control/faults. */
export interface FaultSpec extends BaseFaultSpec<(typeof FAULT_STATUSES)[number]> {
  /** A Plaid endpoint path, or `*` for all of them. */
  endpoint: string;
  plaidErrorCode?: PlaidErrorCode;
}

export type Fault = EngineFault<FaultSpec>;
export type FaultOutcome = EngineOutcome<PlaidApiError>;

/** Plaid faults name an exact endpoint path and may fail a call with any Plaid error code. */
const PLAID_FAULTS: FaultRules<FaultSpec, PlaidApiError> = {
  statuses: FAULT_STATUSES,
  matches: (faultEndpoint, endpoint) => faultEndpoint === endpoint,
  buildError: (fault, endpoint) => (fault.status !== undefined || fault.plaidErrorCode !== undefined ? faultError(fault, endpoint) : undefined),
  knownEndpoint: (endpoint, endpoints) => endpoint === '*' || endpoints.includes(endpoint),
  endpointError: (endpoints) => `endpoint must be "*" or one of ${endpoints.join(', ')}`,
  extraFields: ['plaidErrorCode'],
  validateExtra(body, spec) {
    if (body.plaidErrorCode === undefined) return undefined;
    if (typeof body.plaidErrorCode !== 'string' || !isPlaidErrorCode(body.plaidErrorCode)) {
      return 'plaidErrorCode is not a Plaid error code this emulator knows (see errors.ts)';
    }
    spec.plaidErrorCode = body.plaidErrorCode;
    return undefined;
  },
};

export class FaultRegistry extends FaultEngine<FaultSpec, PlaidApiError> {
  constructor(random: () => number = Math.random) {
    super(PLAID_FAULTS, random);
  }
}

function faultError(fault: Fault, endpoint: string): PlaidApiError {
  const code: PlaidErrorCode =
    fault.plaidErrorCode ??
    (fault.status === 429 ? rateLimitCodeFor(endpoint) : fault.status === 503 ? 'PLANNED_MAINTENANCE' : 'INTERNAL_SERVER_ERROR');
  const status = fault.status ?? ERROR_CATALOG[code].status;
  return new PlaidApiError(code, undefined, { status, headers: retryAfterHeaders(fault, status) });
}

/** Validates a POST /__control/faults body; returns the spec or a message saying what is wrong. */
export function parseFaultSpec(body: unknown, endpoints: readonly string[]): FaultSpec | string {
  return parseFaultBody(PLAID_FAULTS, body, endpoints);
}
