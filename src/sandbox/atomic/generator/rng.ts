/**
 * The Plaid emulator's seeded PRNG and UTC calendar helpers are generic (no Plaid types), so the
 * Atomic generator reuses them: a generated user is a pure function of its identifier (and, for
 * dates that are relative to today, of the emulator's clock).
 */
export { createRng, roundCents, type Rng } from '../../plaid/generator/prng.js';
export { addDays, addMonths, daysBetween, utcDay } from '../../plaid/generator/dates.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of the day `date` falls on. */
export function epochDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

export function fromEpochDay(day: number): Date {
  return new Date(day * DAY_MS);
}

/** Atomic's date-only fields are noon UTC (`2020-06-30T12:00:00.000Z`). */
export const noon = (day: Date): string => new Date(day.getTime() + 12 * 3_600_000).toISOString();

/** Bill due dates are the end of the day (`2024-11-20T23:59:59.000Z`). */
export const endOfDay = (day: Date): string => new Date(day.getTime() + DAY_MS - 1000).toISOString();

/** A time on `day`, `minutes` after midnight UTC, with milliseconds like Atomic's timestamps. */
export function at(day: Date, minutes: number, ms = 0): string {
  return new Date(day.getTime() + minutes * 60_000 + ms).toISOString();
}

export function digits(rng: { int(min: number, max: number): number }, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}
