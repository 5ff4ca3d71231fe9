/** One account as the backtest sees it: its transactions and its true end-of-day balance on every day. */
import type { HistoryTransaction } from '../../src/modules/insights/forecast/types.js';

export interface BenchTransaction extends HistoryTransaction {
  /** Ground-truth recurring pattern key (plaid-sandbox only), null for one-offs. */
  stream?: string | null;
}

export interface BenchAccount {
  id: string;
  /** Sorted by date. */
  transactions: BenchTransaction[];
  /** Day numbers (days since 1970-01-01) of the first and last day with data. */
  firstDay: number;
  lastDay: number;
  /** End-of-day balance (cents) of day firstDay + i; days without transactions carry the balance forward. */
  endOfDay: number[];
}

export function balanceOn(account: BenchAccount, day: number): number {
  if (day < account.firstDay) return 0;
  const i = Math.min(day, account.lastDay) - account.firstDay;
  return account.endOfDay[i] ?? 0;
}
