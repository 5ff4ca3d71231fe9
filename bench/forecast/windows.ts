/**
 * Backtest windows: for every account and every month-start cut date with at least MIN_HISTORY_MONTHS
 * of the account's data before it and HORIZON_DAYS of data after, the forecast sees the transactions
 * dated before the cut (asOf = cut - 1, starting balance = the real end-of-day balance on asOf) and
 * is scored on the real end-of-day balances of the cut day and the HORIZON_DAYS - 1 days after it.
 */
import { calendarParts, dayInMonth, isoDay } from '../../src/modules/insights/forecast/dates.js';
import { balanceOn, type BenchAccount, type BenchTransaction } from './account.js';

export const HORIZON_DAYS = 30;
export const MIN_HISTORY_MONTHS = 6;

export interface Window<A extends BenchAccount = BenchAccount> {
  account: A;
  cut: string;
  asOf: string;
  asOfDay: number;
  startingBalanceCents: number;
  history: BenchTransaction[];
  /** Real end-of-day balances of asOf+1 .. asOf+HORIZON_DAYS. */
  actual: number[];
}

export function buildWindows<A extends BenchAccount>(accounts: readonly A[]): Window<A>[] {
  const windows: Window<A>[] = [];
  for (const account of accounts) {
    const { year, month, dayOfMonth } = calendarParts(account.firstDay);
    // The first cut with MIN_HISTORY_MONTHS of data before it: the month start after firstDay + 6 months.
    let monthIndex = year * 12 + month + MIN_HISTORY_MONTHS + (dayOfMonth === 1 ? 0 : 1);
    for (; ; monthIndex++) {
      const cutDay = dayInMonth(monthIndex, 1);
      if (cutDay + HORIZON_DAYS - 1 > account.lastDay) break;
      const asOfDay = cutDay - 1;
      const asOf = isoDay(asOfDay);
      const actual: number[] = [];
      for (let k = 1; k <= HORIZON_DAYS; k++) actual.push(balanceOn(account, asOfDay + k));
      windows.push({
        account,
        cut: isoDay(cutDay),
        asOf,
        asOfDay,
        startingBalanceCents: balanceOn(account, asOfDay),
        history: account.transactions.filter((t) => t.date <= asOf),
        actual,
      });
    }
  }
  return windows;
}
