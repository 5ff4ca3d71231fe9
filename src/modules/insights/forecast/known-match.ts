/**
 * Whether a detected stream is a flow we already know from a provider (a PayLink bill, a payroll
 * deposit). The bill is paid from this account, so it also shows up in the history as a recurring
 * outflow; counting both would charge it twice.
 */
import { scheduleThrough, slotsBetween } from './cadence.js';
import { dayNumber } from './dates.js';
import { normaliseDescription } from './normalise.js';
import type { Cadence, DetectedStream, KnownStream } from './types.js';

/** Amounts match within 20 % of the larger one, twice the stream's own spread, or 5.00, whichever is widest. */
const AMOUNT_SHARE = 0.2;
const AMOUNT_FLOOR_CENTS = 500;
/** A known next date within this many days of one of the stream's scheduled days is the same flow. */
export const SAME_FLOW_DATE_DAYS = 3;
/**
 * For the same payee (by name) the amounts may differ more: a utility's bill for this cycle and
 * the median of its past payments can be far apart in a cold month. Still bounded, so a payee's
 * second, different bill (phone and internet from one carrier) is not taken for the first.
 */
const SAME_PAYEE_AMOUNT_SHARE = 0.65;
/** Share of shared words (Jaccard) above which two names are the same payee. */
const NAME_SIMILARITY = 0.5;

export function coveredByKnown(stream: DetectedStream, known: KnownStream[]): boolean {
  return known.some((k) => sameFlow(stream, k));
}

function sameFlow(stream: DetectedStream, known: KnownStream): boolean {
  if (Math.sign(stream.amountCents) !== Math.sign(known.amountCents) || known.amountCents === 0) return false;
  if (!compatibleCadences(stream.cadence, known.cadence)) return false;
  const larger = Math.max(Math.abs(stream.amountCents), Math.abs(known.amountCents));
  const difference = Math.abs(stream.amountCents - known.amountCents);
  const tolerance = Math.max(AMOUNT_SHARE * larger, 2 * stream.amountSpreadCents, AMOUNT_FLOOR_CENTS);
  if (similarNames(stream.key, normaliseDescription(known.name))) return difference <= Math.max(tolerance, SAME_PAYEE_AMOUNT_SHARE * larger);
  return difference <= tolerance && nearScheduledDay(stream, known.nextDate);
}

/**
 * Equal cadences, or an unknown one on the provider's side; biweekly and semi-monthly pay are easily
 * taken for one another (the 1st & 15th vs every other Friday), so they are compatible too.
 */
function compatibleCadences(detected: Cadence, known: Cadence | null): boolean {
  if (known === null || known === detected) return true;
  const payLike: Cadence[] = ['BIWEEKLY', 'SEMI_MONTHLY'];
  return payLike.includes(detected) && payLike.includes(known);
}

function similarNames(a: string, b: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const wordsA = new Set(a.split(' '));
  const wordsB = new Set(b.split(' '));
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared / (wordsA.size + wordsB.size - shared) >= NAME_SIMILARITY;
}

function nearScheduledDay(stream: DetectedStream, date: string): boolean {
  const day = dayNumber(date);
  const schedule = scheduleThrough(stream.cadence, stream.nextDate, stream.anchorDays);
  return slotsBetween(schedule, day - SAME_FLOW_DATE_DAYS, day + SAME_FLOW_DATE_DAYS).length > 0;
}
