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
      windows.push(windowAt(account, cutDay));
    }
  }
  return windows;
}

/** Months of history the stack's extra training windows start at (they also need STACK_TRAINING_MIN_HISTORY_DAYS). */
export const STACK_TRAINING_MIN_MONTHS = 2;

/**
 * Extra windows for fitting the stack (stack.ts), never scored: month-start cuts up to `lastCut` of
 * accounts with at least STACK_TRAINING_MIN_MONTHS but under MIN_HISTORY_MONTHS months of data before
 * the cut (shorter histories than any scored window, so they add accounts and months the tuning cuts
 * lack). The caller keeps those with enough history days (see run.ts).
 */
export function buildStackTrainingWindows<A extends BenchAccount>(accounts: readonly A[], lastCut: string): Window<A>[] {
  const windows: Window<A>[] = [];
  for (const account of accounts) {
    const { year, month, dayOfMonth } = calendarParts(account.firstDay);
    const skip = dayOfMonth === 1 ? 0 : 1;
    const firstScored = year * 12 + month + MIN_HISTORY_MONTHS + skip;
    for (let monthIndex = year * 12 + month + STACK_TRAINING_MIN_MONTHS + skip; monthIndex < firstScored; monthIndex++) {
      const cutDay = dayInMonth(monthIndex, 1);
      if (isoDay(cutDay) > lastCut || cutDay + HORIZON_DAYS - 1 > account.lastDay) break;
      windows.push(windowAt(account, cutDay));
    }
  }
  return windows;
}

function windowAt<A extends BenchAccount>(account: A, cutDay: number): Window<A> {
  const asOfDay = cutDay - 1;
  const asOf = isoDay(asOfDay);
  const actual: number[] = [];
  for (let k = 1; k <= HORIZON_DAYS; k++) actual.push(balanceOn(account, asOfDay + k));
  return {
    account,
    cut: isoDay(cutDay),
    asOf,
    asOfDay,
    startingBalanceCents: balanceOn(account, asOfDay),
    history: account.transactions.filter((t) => t.date <= asOf),
    actual,
  };
}
