/**
 * Live figures are computed while today is still under way, unlike the backtest, where asOf's day
 * has closed: a stream scheduled for today may not have posted yet, and a payment may be pending
 * (already out of the available balance, not yet in the posted history). The detector schedules
 * only after asOf, so without this a bill due today vanishes from the period on its own day.
 */
import { cadenceRule, slotsBetween } from './cadence.js';
import { dayNumber } from './dates.js';
import { normaliseDescription } from './normalise.js';
import type { StreamMatch } from './stream-detector.js';
import type { HistoryTransaction } from './types.js';

/**
 * A stream's occurrence dates adjusted for the open day: today's occurrence, if no posted payment
 * has paid it, is added on `dueTodayOn` (today for safe-to-spend; the first forecast day for the
 * forecast, whose balance starts from today's); then a pending payment of the stream stands for
 * the first occurrence if that one is due within the cadence's tolerance.
 */
export function openDayOccurrences(match: StreamMatch, today: string, dates: string[], pending: readonly HistoryTransaction[], dueTodayOn: string): string[] {
  const out = dueTodayUnpaid(match, today) ? [dueTodayOn, ...dates] : [...dates];
  const first = out[0];
  if (first !== undefined && dayNumber(first) - dayNumber(today) <= cadenceRule(match.stream.cadence).toleranceDays && pending.some((t) => pays(t, match))) {
    out.shift();
  }
  return out;
}

/** Today is one of the stream's scheduled days and no posted occurrence has paid it (one paid early has). */
function dueTodayUnpaid(match: StreamMatch, today: string): boolean {
  const day = dayNumber(today);
  return match.lastSlotDate < today && slotsBetween(match.schedule, day, day).length === 1;
}

/** A pending outflow with the stream's description and about its amount (within a quarter or three spreads). */
function pays(t: HistoryTransaction, { stream }: StreamMatch): boolean {
  if (t.amountCents >= 0 || normaliseDescription(t.description) !== stream.key) return false;
  return Math.abs(t.amountCents - stream.amountCents) <= Math.max(Math.abs(stream.amountCents) / 4, 3 * stream.amountSpreadCents);
}
