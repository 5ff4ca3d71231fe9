import { cadenceRule, expandOccurrences, slotsBetween } from '../forecast/cadence.js';
import { dayNumber } from '../forecast/dates.js';
import { coveredByKnown } from '../forecast/known-match.js';
import { normaliseDescription } from '../forecast/normalise.js';
import { detectStreamMatches, type StreamMatch } from '../forecast/stream-detector.js';
import type { HistoryTransaction, KnownStream } from '../forecast/types.js';
import type { SafeToSpendBillInput } from '../safe-to-spend.js';
import { dueInDays } from './paylink-bills.js';

export interface DetectedBillsInput {
  /** Posted transactions up to and including today. */
  history: HistoryTransaction[];
  /** Pending transactions: already taken from the available balance, so not due again. */
  pending: HistoryTransaction[];
  /** PayLink bills: a detected stream they cover is theirs to count. */
  known: KnownStream[];
  today: string;
  end: string;
}

/**
 * Safe-to-spend's bills from the bank history: each occurrence in [today, end] of an active
 * recurring outflow the detector finds, unless a known (PayLink) bill covers it. Occurrences are
 * expanded on the stream's own days of the month, as the forecast does, so a bill on the 10th and
 * 26th lands on the 26th in both.
 *
 * Today is part of the period: a bill scheduled for today that has not posted yet is due today
 * (the detector only looks after today, whose transactions it has seen; on rent day before the
 * rent posts, leaving it out would count a month's rent as spendable). A pending payment of the
 * stream is already out of the available balance, so it stands for the occurrence it pays.
 */
export function detectedBills({ history, pending, known, today, end }: DetectedBillsInput): SafeToSpendBillInput[] {
  const bills: SafeToSpendBillInput[] = [];
  for (const match of detectStreamMatches(history, today)) {
    const { stream } = match;
    if (!stream.active || stream.amountCents >= 0 || coveredByKnown(stream, known)) continue;
    const dates = expandOccurrences(stream.cadence, stream.nextDate, today, end, stream.anchorDays);
    if (dueTodayUnpaid(match, today)) dates.unshift(today);
    if (pending.some((t) => pays(t, match)) && dates.length > 0 && dayNumber(dates[0]!) - dayNumber(today) <= cadenceRule(stream.cadence).toleranceDays) dates.shift();
    for (const date of dates) bills.push({ name: stream.name, amountCents: -stream.amountCents, dueInDays: dueInDays(today, date), source: 'TRANSACTIONS' });
  }
  return bills;
}

/** Today is one of the stream's scheduled days and no occurrence has paid it yet. */
function dueTodayUnpaid(match: StreamMatch, today: string): boolean {
  const day = dayNumber(today);
  return match.lastSlotDate < today && slotsBetween(match.schedule, day, day).length === 1;
}

/** A pending outflow with the stream's description and about its amount (within a quarter or three spreads). */
function pays(t: HistoryTransaction, { stream }: StreamMatch): boolean {
  if (t.amountCents >= 0 || normaliseDescription(t.description) !== stream.key) return false;
  return Math.abs(t.amountCents - stream.amountCents) <= Math.max(Math.abs(stream.amountCents) / 4, 3 * stream.amountSpreadCents);
}
