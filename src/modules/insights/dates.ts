/**
 * 'YYYY-MM-DD' helpers for the insights services and their source adapters, built on the
 * forecast model's UTC day arithmetic (forecast/dates.ts) so there is one calendar implementation.
 */
import { addDaysIso, calendarParts, dayInMonth, dayNumber, isoDay as isoDayNumber, monthIndexOf } from './forecast/dates.js';

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = addDaysIso;
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The same day of the month `n` months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsClamped(day: string, n: number): string {
  const d = dayNumber(day);
  return isoDayNumber(dayInMonth(monthIndexOf(d) + n, calendarParts(d).dayOfMonth));
}
