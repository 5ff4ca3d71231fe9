/**
 * "The same day, m months ago": the calendar analogues the model learns an account's monthly rhythm
 * from. A month's last day maps to the last day of the earlier month (so a Jan 31 asOf lines up
 * with Dec 31, Nov 30, Oct 31), any other day keeps its day of the month (clamped: Mar 30 → Feb 28).
 */
import { calendarParts, dayInMonth, isLastDayOfMonth, monthIndexOf } from './dates.js';
import type { HistorySeries } from './history-series.js';
import { median } from './stats.js';

export function monthsEarlier(day: number, months: number): number {
  const target = monthIndexOf(day) - months;
  return dayInMonth(target, isLastDayOfMonth(day) ? 31 : calendarParts(day).dayOfMonth);
}

/**
 * For each forecast day asOf+1 .. asOf+horizon, the pairs (analogue of asOf, analogue of that day)
 * in each of the previous `months` months for which both lie inside the history (never after asOf).
 */
export function analogues(series: HistorySeries, horizonDays: number, months: number): { from: number; to: number }[][] {
  const { firstDay, asOfDay } = series;
  const out: { from: number; to: number }[][] = [];
  for (let k = 1; k <= horizonDays; k++) {
    const pairs: { from: number; to: number }[] = [];
    for (let m = 1; m <= months; m++) {
      const from = monthsEarlier(asOfDay, m);
      const to = monthsEarlier(asOfDay + k, m);
      if (from >= firstDay && to <= asOfDay && to >= from) pairs.push({ from, to });
    }
    out.push(pairs);
  }
  return out;
}

/**
 * The typical month's everyday flow: for forecast day k, the median over the earlier months of the
 * everyday flow that accumulated between the analogue of asOf and the analogue of day k. Days with
 * no analogue (under a month of history) continue at the history's mean everyday rate.
 */
export function typicalEverydayPath(series: HistorySeries, pairsByDay: { from: number; to: number }[][]): number[] {
  const cumulative: number[] = [];
  let running = 0;
  for (const v of series.everyday) cumulative.push((running += v));
  const upTo = (day: number) => (day < series.firstDay ? 0 : (cumulative[day - series.firstDay] ?? running));
  const meanRate = series.everyday.length > 0 ? running / series.everyday.length : 0;
  const path: number[] = [];
  pairsByDay.forEach((pairs, i) => {
    const previous = i === 0 ? 0 : path[i - 1]!;
    path.push(pairs.length > 0 ? median(pairs.map((p) => upTo(p.to) - upTo(p.from))) : previous + meanRate);
  });
  return path;
}

/** The balance the account typically has on each forecast day's calendar day (median over earlier months), or null. */
export function typicalBalancePath(series: HistorySeries, pairsByDay: { from: number; to: number }[][]): (number | null)[] {
  return pairsByDay.map((pairs) =>
    pairs.length > 0 ? median(pairs.map((p) => series.balance[p.to - series.firstDay] ?? 0)) : null,
  );
}
