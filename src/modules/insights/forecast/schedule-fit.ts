/**
 * Fits a cadence's schedule to a series of occurrence days. Every candidate schedule (each phase of
 * a weekly/biweekly period, each day of the month, each semi-monthly pair) is tried; a schedule fits
 * when every occurrence lies within the cadence's tolerance of its own scheduled day (no two on one
 * day) and few scheduled days in between were skipped. The best fit has the smallest deviations and
 * fewest gaps. Anchoring on a schedule, rather than on gaps between neighbours, keeps jitter from
 * accumulating: a bill paid on the 3rd, 6th and 4th is still "the 4th of every month".
 */
import { CADENCE_RULES, monthSchedule, periodSchedule, slotsBetween, type CadenceRule, type Schedule } from './cadence.js';
import { median } from './stats.js';

/** Up to a fifth of the scheduled days between the first and last occurrence may be missing (at least one). */
export const MAX_MISSING_SHARE = 0.2;

export interface ScheduleFit {
  rule: CadenceRule;
  schedule: Schedule;
  /** The scheduled day each occurrence was matched to, ascending. */
  matchedSlots: number[];
  /** Scheduled days between the first and last match (inclusive). */
  expected: number;
  missing: number;
  meanAbsDeviation: number;
  /** Lower is better: mean deviation in units of the tolerance plus the share of missing days. */
  score: number;
}

/** The best-fitting cadence for ascending, distinct occurrence days, or null when none fits. */
export function bestScheduleFit(days: readonly number[]): ScheduleFit | null {
  if (days.length < 2) return null;
  for (let i = 1; i < days.length; i++) if (days[i]! <= days[i - 1]!) return null;
  const gaps = days.slice(1).map((d, i) => d - days[i]!);
  const medianGap = median(gaps);
  let best: ScheduleFit | null = null;
  for (const rule of CADENCE_RULES) {
    if (days.length < rule.minOccurrences) continue;
    if (medianGap < rule.medianGap[0] || medianGap > rule.medianGap[1]) continue;
    for (const schedule of candidateSchedules(rule)) {
      const fit = fitSchedule(days, rule, schedule);
      if (fit && (!best || fit.score < best.score)) best = fit;
    }
  }
  return best;
}

function candidateSchedules(rule: CadenceRule): Schedule[] {
  const out: Schedule[] = [];
  switch (rule.cadence) {
    case 'WEEKLY':
    case 'BIWEEKLY': {
      const period = rule.cadence === 'WEEKLY' ? 7 : 14;
      for (let phase = 0; phase < period; phase++) out.push(periodSchedule(rule.cadence, phase));
      break;
    }
    case 'SEMI_MONTHLY':
      for (let a = 1; a <= 16; a++) {
        for (let b = a + 12; b <= Math.min(31, a + 18); b++) out.push(monthSchedule(rule.cadence, 0, [a, b]));
      }
      break;
    case 'MONTHLY':
    case 'QUARTERLY':
    case 'ANNUAL': {
      const step = rule.cadence === 'MONTHLY' ? 1 : rule.cadence === 'QUARTERLY' ? 3 : 12;
      for (let phase = 0; phase < step; phase++) {
        for (let day = 1; day <= 31; day++) out.push(monthSchedule(rule.cadence, phase, [day]));
      }
      break;
    }
  }
  return out;
}

export function fitSchedule(days: readonly number[], rule: CadenceRule, schedule: Schedule): ScheduleFit | null {
  const tol = rule.toleranceDays;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const slots = slotsBetween(schedule, first - tol, last + tol);
  const slotIndexes: number[] = [];
  let totalDeviation = 0;
  let j = 0;
  for (const day of days) {
    while (j < slots.length && slots[j]! < day - tol) j++;
    // At most two scheduled days can be within tolerance (slots are further apart than 2 × tol).
    let chosen = -1;
    for (let k = j; k < Math.min(j + 2, slots.length); k++) {
      const deviation = Math.abs(slots[k]! - day);
      if (deviation <= tol && (chosen < 0 || deviation < Math.abs(slots[chosen]! - day))) chosen = k;
    }
    if (chosen < 0) return null;
    if (slotIndexes.length > 0 && chosen <= slotIndexes[slotIndexes.length - 1]!) return null;
    slotIndexes.push(chosen);
    totalDeviation += Math.abs(slots[chosen]! - day);
  }
  const expected = slotIndexes[slotIndexes.length - 1]! - slotIndexes[0]! + 1;
  const missing = expected - days.length;
  if (missing > Math.max(1, Math.floor(expected * MAX_MISSING_SHARE))) return null;
  const meanAbsDeviation = totalDeviation / days.length;
  return {
    rule,
    schedule,
    matchedSlots: slotIndexes.map((k) => slots[k]!),
    expected,
    missing,
    meanAbsDeviation,
    score: meanAbsDeviation / tol + missing / expected,
  };
}
