/**
 * Dates and instants as partners send them. `Date.parse` alone takes "2026-02-31" (as March 3),
 * "1" (as the year 2001) and reads a timestamp without an offset in the server's own time zone;
 * these checks accept only real calendar days and ISO-8601 forms, and read a missing offset as UTC.
 * The calendar itself is the forecast's (one implementation of "a real day").
 */
import { dayNumber } from '../modules/insights/forecast/dates.js';

const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A real calendar day in YYYY-MM-DD form (2026-02-29 and 2026-02-31 are not). */
export function isCalendarDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * An ISO-8601 date or date-time on a real calendar day, or null. Without an offset it is UTC
 * (a date alone is its UTC midnight), whatever the server's time zone.
 */
export function parseInstant(value: string): Date | null {
  const match = INSTANT.exec(value);
  if (!match) return null;
  const [, day, hours, minutes, seconds, offset] = match;
  if (!isCalendarDate(day!)) return null;
  if (hours !== undefined && (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59)) return null;
  const time = Date.parse(hours === undefined ? `${day}T00:00:00Z` : offset ? value : `${value}Z`);
  return Number.isNaN(time) ? null : new Date(time);
}
