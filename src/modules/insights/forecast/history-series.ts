/**
 * The history as daily series: the non-recurring ("everyday") net flow of every day, and the
 * end-of-day balance of every day, rebuilt backwards from the starting balance (the balance on day d
 * is the balance on asOf minus everything that posted after d). Index 0 is the first history day.
 */
import { dayNumber } from './dates.js';
import type { HistoryTransaction } from './types.js';

export interface HistorySeries {
  /** Day number of index 0 (the first day with a transaction), asOfDay when there is no history. */
  firstDay: number;
  asOfDay: number;
  /** Everyday (non-recurring) net flow per day, cents. */
  everyday: number[];
  /** End-of-day balance per day, cents. */
  balance: number[];
  /** Sum of |amount| of all and of the recurring transactions, per day. */
  gross: number[];
  recurringGross: number[];
}

/**
 * @param recurring indexes of history entries that belong to a detected recurring stream
 */
export function historySeries(
  history: readonly HistoryTransaction[],
  recurring: ReadonlySet<number>,
  asOfDay: number,
  startingBalanceCents: number,
): HistorySeries {
  let firstDay = asOfDay;
  const days = history.map((t) => dayNumber(t.date));
  for (const d of days) if (d <= asOfDay && d < firstDay) firstDay = d;
  const n = asOfDay - firstDay + 1;
  const everyday = new Array<number>(n).fill(0);
  const net = new Array<number>(n).fill(0);
  const gross = new Array<number>(n).fill(0);
  const recurringGross = new Array<number>(n).fill(0);
  history.forEach((t, index) => {
    const i = days[index]! - firstDay;
    if (i < 0 || i >= n) return;
    net[i]! += t.amountCents;
    gross[i]! += Math.abs(t.amountCents);
    if (recurring.has(index)) recurringGross[i]! += Math.abs(t.amountCents);
    else everyday[i]! += t.amountCents;
  });
  const balance = new Array<number>(n).fill(0);
  let b = startingBalanceCents;
  for (let i = n - 1; i >= 0; i--) {
    balance[i] = b;
    b -= net[i]!;
  }
  return { firstDay, asOfDay, everyday, balance, gross, recurringGross };
}

