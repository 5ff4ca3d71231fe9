/** Small builders for synthetic histories in the forecast tests. */
import { addDaysIso } from '../../../src/modules/insights/forecast/dates.js';
import type { HistoryTransaction } from '../../../src/modules/insights/forecast/types.js';

export function tx(date: string, amountCents: number, description: string): HistoryTransaction {
  return { date, amountCents, description };
}

/** Every `stepDays` days from `first`, `count` times. */
export function everyDays(first: string, stepDays: number, count: number, amountCents: number, description: string): HistoryTransaction[] {
  return Array.from({ length: count }, (_, i) => tx(addDaysIso(first, i * stepDays), amountCents, description));
}

/** One transaction on each listed date. */
export function onDates(dates: string[], amountCents: number | number[], description: string): HistoryTransaction[] {
  return dates.map((d, i) => tx(d, Array.isArray(amountCents) ? amountCents[i]! : amountCents, description));
}
