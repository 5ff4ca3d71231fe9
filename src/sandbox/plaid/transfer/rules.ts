import type { AccountKind } from '../accounts.js';
import { formatDollars } from './money.js';
import type { DecisionCode, TransferType } from './types.js';

/** An authorization not used by /transfer/create within an hour expires, as Plaid's default. */
export const AUTHORIZATION_TTL_MS = 3_600_000;
/** Plaid honours an authorization's idempotency_key for 48 hours; unused authorizations are kept that long. */
export const IDEMPOTENCY_WINDOW_MS = 48 * 3_600_000;

/**
 * The emulated client's transfer limits (on Plaid they are set per client in the Dashboard): one
 * transfer at most $10,000.00, and per account, per direction (debit or credit) and per UTC day at
 * most $25,000.00 across transfers that were not failed or cancelled.
 */
export const SINGLE_TRANSFER_LIMIT_CENTS = 10_000_00;
export const DAILY_LIMIT_CENTS = 25_000_00;

/** Plaid Transfer moves money only to and from checking and savings accounts. */
const TRANSFERABLE_KINDS: readonly AccountKind[] = ['checking', 'savings'];
export const isTransferable = (kind: AccountKind): boolean => TRANSFERABLE_KINDS.includes(kind);

/**
 * Institutions whose checking and savings accounts can receive RTP credits. Plaid's sandbox makes
 * First Platypus Bank eligible; Chase and Bank of America are RTP participants in real life. The
 * other test banks (ins_109509..ins_109512) are not, so both answers can be exercised.
 */
export const RTP_INSTITUTIONS: readonly string[] = ['ins_109508', 'ins_43', 'ins_56', 'ins_127989'];

export const rtpEligible = (institutionId: string, kind: AccountKind): boolean =>
  RTP_INSTITUTIONS.includes(institutionId) && isTransferable(kind);

export interface DecisionInput {
  type: TransferType;
  amountCents: number;
  /** The account's available balance now, pending transfers included. */
  availableCents: number;
  /** What this account already moved today in this direction (failed and cancelled transfers excluded). */
  usedTodayCents: number;
}

export interface Rationale {
  code: DecisionCode;
  description: string;
}

/**
 * Why an authorization is declined, or null when approved. Limits first (they hold whatever the
 * balance); then, for debits only (a credit takes nothing from the account), Plaid's sandbox rules:
 * an available balance of exactly $0 is RISK, an amount above the available balance is NSF.
 */
export function declineRationale(input: DecisionInput): Rationale | null {
  const limit = limitProblem(input.type, input.amountCents, input.usedTodayCents);
  if (limit) return { code: 'TRANSFER_LIMIT_REACHED', description: limit };
  if (input.type === 'credit') return null;
  if (input.availableCents === 0) return { code: 'RISK', description: 'Transaction is high-risk.' };
  if (input.amountCents > input.availableCents) {
    return { code: 'NSF', description: 'Transaction likely to result in a return due to insufficient funds.' };
  }
  return null;
}

/** Which limit the amount breaks, in words; undefined when within both. */
export function limitProblem(type: TransferType, amountCents: number, usedTodayCents: number): string | undefined {
  if (amountCents > SINGLE_TRANSFER_LIMIT_CENTS) {
    return `Transfer amount exceeds the single transfer limit of ${formatDollars(SINGLE_TRANSFER_LIMIT_CENTS)}.`;
  }
  if (usedTodayCents + amountCents > DAILY_LIMIT_CENTS) {
    return `Transfer would exceed the daily ${type} limit of ${formatDollars(DAILY_LIMIT_CENTS)} for this account.`;
  }
  return undefined;
}
