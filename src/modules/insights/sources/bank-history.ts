import type { BankTransactionEntity } from '../../../db/entities/index.js';
import type { HistoryTransaction } from '../forecast/types.js';

/** Bank rows → model history. Plaid's positive = money out becomes the balance's negative. */
export function toHistory(rows: BankTransactionEntity[]): HistoryTransaction[] {
  return rows.map((t) => ({
    date: typeof t.date === 'string' ? t.date : new Date(t.date).toISOString().slice(0, 10),
    amountCents: -t.amountCents,
    description: t.merchantName ?? t.name,
  }));
}

/** What the user could spend now: available balance where the bank reports one, else current. */
export function cashOf(accounts: { availableBalanceCents: number | null; currentBalanceCents: number | null }[]): number {
  return accounts.reduce((sum, a) => sum + (a.availableBalanceCents ?? a.currentBalanceCents ?? 0), 0);
}

/**
 * Plaid categories of money the user moves to their own savings or investments. Safe-to-spend
 * takes savings as an argument (`savingsCommitments`), and when the savings account is linked the
 * transfer does not even leave the cash it counts, so these are never bills.
 */
const SAVING_CATEGORIES = new Set(['TRANSFER_OUT_SAVINGS', 'TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS']);

/** The rows that may be bills: everything but transfers to the user's own savings or investments. */
export function withoutSavingTransfers(rows: BankTransactionEntity[]): BankTransactionEntity[] {
  return rows.filter((t) => !(t.pfcDetailed && SAVING_CATEGORIES.has(t.pfcDetailed)));
}
