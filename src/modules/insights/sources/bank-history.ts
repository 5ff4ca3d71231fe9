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
