import { utcDay } from '../generator/dates.js';
import type { StoredTransfer, TransferStatus, TransferType } from './types.js';

/** How transfers move an account's balances, in cents (added to the sandbox user's fixed balances). */
export interface BalanceEffect {
  availableCents: number;
  currentCents: number;
}

export const NO_EFFECT: BalanceEffect = { availableCents: 0, currentCents: 0 };

/** A debit holds the funds from creation (available) and takes them once it reaches the network (current). */
const DEBIT_HOLDS: readonly TransferStatus[] = ['pending', 'posted', 'settled', 'funds_available'];
const DEBIT_POSTS: readonly TransferStatus[] = ['posted', 'settled', 'funds_available'];
/** A credit lands in the account when it settles; a failed or returned one never did or went back. */
const CREDIT_LANDS: readonly TransferStatus[] = ['settled', 'funds_available'];

/**
 * The balance effect of an account's transfers, derived from their statuses rather than kept as a
 * running total, so it can never drift: a failed, cancelled or returned debit simply stops counting.
 */
export function balanceEffect(transfers: readonly StoredTransfer[]): BalanceEffect {
  let availableCents = 0;
  let currentCents = 0;
  for (const t of transfers) {
    if (t.type === 'debit') {
      if (DEBIT_HOLDS.includes(t.status)) availableCents -= t.amount_cents;
      if (DEBIT_POSTS.includes(t.status)) currentCents -= t.amount_cents;
    } else if (CREDIT_LANDS.includes(t.status)) {
      availableCents += t.amount_cents;
      currentCents += t.amount_cents;
    }
  }
  return { availableCents, currentCents };
}

/** What an account moved in one direction on the UTC day of `now`; failed and cancelled transfers moved nothing. */
export function usedOnDay(transfers: readonly StoredTransfer[], type: TransferType, now: Date): number {
  const day = utcDay(now).getTime();
  return transfers
    .filter((t) => t.type === type && t.status !== 'failed' && t.status !== 'cancelled' && utcDay(new Date(t.created_at)).getTime() === day)
    .reduce((sum, t) => sum + t.amount_cents, 0);
}
