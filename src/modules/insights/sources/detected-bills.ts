import { expandOccurrences } from '../forecast/cadence.js';
import { coveredByKnown } from '../forecast/known-match.js';
import { detectRecurringStreams } from '../forecast/stream-detector.js';
import type { HistoryTransaction, KnownStream } from '../forecast/types.js';
import type { SafeToSpendBillInput } from '../safe-to-spend.js';
import { dueInDays } from './paylink-bills.js';

/**
 * Safe-to-spend's bills from the bank history: each occurrence in [today, end] of an active
 * recurring outflow the detector finds, unless a known (PayLink) bill covers it. Occurrences are
 * expanded on the stream's own days of the month, as the forecast does, so a bill on the 10th and
 * 26th lands on the 26th in both.
 */
export function detectedBills(history: HistoryTransaction[], known: KnownStream[], today: string, end: string): SafeToSpendBillInput[] {
  const bills: SafeToSpendBillInput[] = [];
  for (const stream of detectRecurringStreams(history, today)) {
    if (!stream.active || stream.amountCents >= 0 || coveredByKnown(stream, known)) continue;
    for (const date of expandOccurrences(stream.cadence, stream.nextDate, today, end, stream.anchorDays)) {
      bills.push({ name: stream.name, amountCents: -stream.amountCents, dueInDays: dueInDays(today, date), source: 'TRANSACTIONS' });
    }
  }
  return bills;
}
