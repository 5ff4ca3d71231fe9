import { expandOccurrences } from '../forecast/cadence.js';
import { coveredByKnown } from '../forecast/known-match.js';
import { openDayOccurrences } from '../forecast/open-day.js';
import { detectStreamMatches } from '../forecast/stream-detector.js';
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
 * 26th lands on the 26th in both. Today is part of the period: a bill scheduled for today that has
 * not posted is due today, and a pending payment stands for the occurrence it pays (open-day.ts).
 */
export function detectedBills({ history, pending, known, today, end }: DetectedBillsInput): SafeToSpendBillInput[] {
  const bills: SafeToSpendBillInput[] = [];
  for (const match of detectStreamMatches(history, today)) {
    const { stream } = match;
    if (!stream.active || stream.amountCents >= 0 || coveredByKnown(stream, known)) continue;
    const dates = openDayOccurrences(match, today, expandOccurrences(stream.cadence, stream.nextDate, today, end, stream.anchorDays), pending, today);
    for (const date of dates) bills.push({ name: stream.name, amountCents: -stream.amountCents, dueInDays: dueInDays(today, date), source: 'TRANSACTIONS' });
  }
  return bills;
}
