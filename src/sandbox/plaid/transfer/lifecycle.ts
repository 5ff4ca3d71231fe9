import type { StoredTransfer, TransferFailure, TransferStatus } from './types.js';
import { isAchNetwork } from './types.js';

/** The events /sandbox/transfer/simulate can produce. */
export const SIMULATED_EVENTS = ['posted', 'settled', 'funds_available', 'failed', 'returned'] as const;
export type SimulatedEvent = (typeof SIMULATED_EVENTS)[number];

export const isSimulatedEvent = (value: string): value is SimulatedEvent => (SIMULATED_EVENTS as readonly string[]).includes(value);

/**
 * From which statuses each event may happen. Plaid's: pending -> posted -> settled -> funds_available
 * (ACH debits only), pending -> failed, posted -> returned. Returns are also accepted after
 * settlement, as ACH returns arrive days later in real life (R01 within 2 banking days, unauthorized
 * returns within 60 days).
 */
const ALLOWED_FROM: Record<SimulatedEvent, readonly TransferStatus[]> = {
  posted: ['pending'],
  settled: ['posted'],
  funds_available: ['settled'],
  failed: ['pending'],
  returned: ['posted', 'settled', 'funds_available'],
};

/** Why `event` cannot happen to the transfer now; undefined when it can. */
export function transitionProblem(transfer: StoredTransfer, event: SimulatedEvent): string | undefined {
  if (!ALLOWED_FROM[event].includes(transfer.status)) {
    return `cannot simulate event_type ${event} for a transfer with status ${transfer.status}`;
  }
  if (event === 'funds_available' && !(transfer.type === 'debit' && isAchNetwork(transfer.network))) {
    return 'event_type funds_available only applies to ACH debits';
  }
  return undefined;
}

/** Only a transfer not yet sent to the network can be cancelled. */
export const isCancellable = (transfer: StoredTransfer): boolean => transfer.status === 'pending';

/**
 * The failure_reason a failed or returned transfer gets when the simulate call names none. Plaid
 * gives a code only to returns: R01 (insufficient funds) for ACH, its ISO 20022 twin AM04 for RTP.
 */
export function defaultFailure(transfer: StoredTransfer, event: 'failed' | 'returned'): TransferFailure {
  if (event === 'failed') return { failure_code: null, ach_return_code: null, description: 'The transfer failed; no funds were moved.' };
  if (isAchNetwork(transfer.network)) return { failure_code: 'R01', ach_return_code: 'R01', description: 'Insufficient funds' };
  return { failure_code: 'AM04', ach_return_code: null, description: 'Insufficient funds' };
}
