/**
 * Cadences as schedules of expected days, the detector's per-cadence rules, and the expansion of a
 * stream into its dates. A schedule is either a fixed period in days (weekly, biweekly) or a set of
 * days of the month repeated every 1, 3 or 12 months (semi-monthly, monthly, quarterly, annual);
 * an anchor day of 31 means "the last day of the month".
 */
import { calendarParts, dayInMonth, dayNumber, isLastDayOfMonth, isoDay, monthIndexOf } from './dates.js';
import type { Cadence } from './types.js';

export interface CadenceRule {
  cadence: Cadence;
  /** Average days between occurrences. */
  nominalDays: number;
  /** How far (days) an occurrence may sit from its scheduled day: weekend and holiday shifts. */
  toleranceDays: number;
  /** Fewest occurrences before the detector calls it a stream. */
  minOccurrences: number;
  /** Scheduled days that passed (beyond the tolerance) with no occurrence before the stream counts as stopped. */
  missedToStop: number;
  /** Median gap between occurrences (days) for this cadence to be tried at all. */
  medianGap: [number, number];
}

/**
 * Minimum occurrences: four for the sub-monthly cadences (three weekly charges happen by chance),
 * three for monthly and quarterly, two for annual (a year of history rarely holds more). A stream
 * stops after two missed days for the frequent cadences (one missed month is tolerated, as in the
 * history) and after one for quarterly and annual, whose next miss would be months away.
 */
export const CADENCE_RULES: readonly CadenceRule[] = [
  { cadence: 'WEEKLY', nominalDays: 7, toleranceDays: 2, minOccurrences: 4, missedToStop: 2, medianGap: [5, 9] },
  { cadence: 'BIWEEKLY', nominalDays: 14, toleranceDays: 3, minOccurrences: 4, missedToStop: 2, medianGap: [11, 17] },
  { cadence: 'SEMI_MONTHLY', nominalDays: 15.2, toleranceDays: 3, minOccurrences: 4, missedToStop: 2, medianGap: [11, 19] },
  { cadence: 'MONTHLY', nominalDays: 30.4, toleranceDays: 4, minOccurrences: 3, missedToStop: 2, medianGap: [24, 37] },
  { cadence: 'QUARTERLY', nominalDays: 91.3, toleranceDays: 6, minOccurrences: 3, missedToStop: 1, medianGap: [80, 102] },
  { cadence: 'ANNUAL', nominalDays: 365.25, toleranceDays: 10, minOccurrences: 2, missedToStop: 1, medianGap: [350, 380] },
];

export function cadenceRule(cadence: Cadence): CadenceRule {
  const rule = CADENCE_RULES.find((r) => r.cadence === cadence);
  if (!rule) throw new RangeError(`unknown cadence ${cadence}`);
  return rule;
}

export type Schedule =
  | { kind: 'period'; cadence: Cadence; periodDays: number; /** Any one scheduled day. */ phaseDay: number }
  | {
      kind: 'months';
      cadence: Cadence;
      stepMonths: number;
      /** Scheduled months are those whose month index ≡ monthPhase (mod stepMonths). */
      monthPhase: number;
      /** Days of the month, ascending; 31 = last day. */
      anchorDays: number[];
    };

const STEP_MONTHS: Partial<Record<Cadence, number>> = { SEMI_MONTHLY: 1, MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12 };
const PERIOD_DAYS: Partial<Record<Cadence, number>> = { WEEKLY: 7, BIWEEKLY: 14 };

export function periodSchedule(cadence: Cadence, phaseDay: number): Schedule {
  return { kind: 'period', cadence, periodDays: PERIOD_DAYS[cadence] ?? 7, phaseDay };
}

export function monthSchedule(cadence: Cadence, monthPhase: number, anchorDays: number[]): Schedule {
  return { kind: 'months', cadence, stepMonths: STEP_MONTHS[cadence] ?? 1, monthPhase, anchorDays };
}

function isPeriodCadence(cadence: Cadence): boolean {
  return PERIOD_DAYS[cadence] !== undefined;
}

function stepMonthsOf(cadence: Cadence): number {
  return STEP_MONTHS[cadence] ?? 1;
}

/** Every scheduled day (day numbers, ascending) in [from, to]. */
export function slotsBetween(schedule: Schedule, from: number, to: number): number[] {
  const slots: number[] = [];
  if (from > to) return slots;
  if (schedule.kind === 'period') {
    const p = schedule.periodDays;
    const offset = (((schedule.phaseDay - from) % p) + p) % p;
    for (let day = from + offset; day <= to; day += p) slots.push(day);
    return slots;
  }
  const { stepMonths, monthPhase, anchorDays } = schedule;
  for (let m = monthIndexOf(from), last = monthIndexOf(to); m <= last; m++) {
    if ((((m - monthPhase) % stepMonths) + stepMonths) % stepMonths !== 0) continue;
    for (const anchor of anchorDays) {
      const day = dayInMonth(m, anchor);
      if (day >= from && day <= to && slots[slots.length - 1] !== day) slots.push(day);
    }
  }
  return slots;
}

/**
 * The schedule through `nextDate` when only the date is known. Month-based cadences keep the day of
 * the month, except that a month's last day means "last day" (so the 30th of April continues on
 * May 31st: a stream on the 30th lands a day late in 31-day months unless `anchorDays` is given).
 * Semi-monthly pairs default to the 1st & 15th, the 15th & last day, otherwise two days 15 apart.
 */
export function scheduleThrough(cadence: Cadence, nextDate: string, anchorDays?: number[]): Schedule {
  const day = dayNumber(nextDate);
  if (isPeriodCadence(cadence)) return periodSchedule(cadence, day);
  const step = stepMonthsOf(cadence);
  const monthIndex = monthIndexOf(day);
  const phase = ((monthIndex % step) + step) % step;
  if (anchorDays && anchorDays.length > 0) return monthSchedule(cadence, phase, [...anchorDays].sort((a, b) => a - b));
  const dom = calendarParts(day).dayOfMonth;
  const last = isLastDayOfMonth(day);
  if (cadence !== 'SEMI_MONTHLY') return monthSchedule(cadence, phase, [last ? 31 : dom]);
  if (last) return monthSchedule(cadence, phase, [15, 31]);
  if (dom === 1) return monthSchedule(cadence, phase, [1, 15]);
  if (dom === 15) return monthSchedule(cadence, phase, [15, 31]);
  return monthSchedule(cadence, phase, dom < 15 ? [dom, dom + 15] : [dom - 15, dom]);
}

/**
 * All dates of a stream in [fromDate, toDate] (inclusive), starting at its `nextDate` (nothing
 * before it). `anchorDays` pins the days of the month when the detector knows them.
 */
export function expandOccurrences(
  cadence: Cadence,
  nextDate: string,
  fromDate: string,
  toDate: string,
  anchorDays?: number[],
): string[] {
  const schedule = scheduleThrough(cadence, nextDate, anchorDays);
  const from = Math.max(dayNumber(fromDate), dayNumber(nextDate));
  return slotsBetween(schedule, from, dayNumber(toDate)).map(isoDay);
}
