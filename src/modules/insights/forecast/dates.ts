/**
 * Calendar arithmetic on 'YYYY-MM-DD' UTC days. Internally a day is an integer (days since
 * 1970-01-01), which makes differences and steps exact and cheap; only month arithmetic needs the
 * calendar.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO calendar day. Throws on anything that is not a real 'YYYY-MM-DD'. */
export function dayNumber(date: string): number {
  const match = ISO_DAY.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new RangeError(`not a calendar date: ${date}`);
  return ms / DAY_MS;
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDaysIso(date: string, days: number): string {
  return isoDay(dayNumber(date) + days);
}

/** Year, month (0-11) and day of month (1-31) of a day number. */
export function calendarParts(day: number): { year: number; month: number; dayOfMonth: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), dayOfMonth: date.getUTCDate() };
}

/** A running month index (year * 12 + month) so months can be stepped and compared as integers. */
export function monthIndexOf(day: number): number {
  const { year, month } = calendarParts(day);
  return year * 12 + month;
}

export function daysInMonth(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * The day number of `dayOfMonth` in the given month, clamped to the month's length so that an
 * anchor of 31 means "the last day" (Jan 31, Feb 28/29, Apr 30).
 */
export function dayInMonth(monthIndex: number, dayOfMonth: number): number {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  return Date.UTC(year, month, Math.min(dayOfMonth, daysInMonth(monthIndex))) / DAY_MS;
}

export function isLastDayOfMonth(day: number): boolean {
  return calendarParts(day + 1).dayOfMonth === 1;
}

