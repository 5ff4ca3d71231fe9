/**
 * Recurring-stream detection over an account's history. Transactions are grouped by normalised
 * description and sign; each group (or, when a payee has two different bills, each amount level
 * of it) is tested against every cadence's schedule (see schedule-fit.ts and the per-cadence
 * tolerances and minimum occurrences in cadence.ts). A stream's amount is the median of its
 * occurrences and must not scatter too much (utility bills drift, card spending at one shop does
 * not repeat); a stream whose scheduled days passed without an occurrence is marked inactive.
 */
import { splitAmountLevels } from './amount-levels.js';
import { cadenceRule, slotsBetween, type Schedule } from './cadence.js';
import { dayNumber, isoDay } from './dates.js';
import { normaliseDescription } from './normalise.js';
import { bestScheduleFit, type ScheduleFit } from './schedule-fit.js';
import { median, medianAbsDeviation } from './stats.js';
import type { DetectedStream, HistoryTransaction } from './types.js';

export { expandOccurrences } from './cadence.js';
export { coveredByKnown } from './known-match.js';

/**
 * A stream's amounts may scatter by up to this share of their median (median absolute deviation):
 * wide enough for a heating bill over the seasons, too narrow for groceries at one store.
 */
export const MAX_AMOUNT_DISPERSION = 0.35;

export interface StreamMatch {
  stream: DetectedStream;
  schedule: Schedule;
  /** Indexes into the history array of the transactions that make up the stream. */
  occurrenceIndexes: number[];
  /** The scheduled day the latest occurrence paid (a payment made early counts for the day it was due). */
  lastSlotDate: string;
}

interface Item {
  index: number;
  day: number;
  amountCents: number;
  description: string;
}

export function detectRecurringStreams(history: HistoryTransaction[], asOf: string): DetectedStream[] {
  return detectStreamMatches(history, asOf).map((m) => m.stream);
}

/** The detector with its working: each stream's schedule and the history entries it explains. */
export interface DetectorOptions {
  maxAmountDispersion: number;
}

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = { maxAmountDispersion: MAX_AMOUNT_DISPERSION };

export function detectStreamMatches(
  history: readonly HistoryTransaction[],
  asOf: string,
  options: DetectorOptions = DEFAULT_DETECTOR_OPTIONS,
): StreamMatch[] {
  const asOfDay = dayNumber(asOf);
  const groups = new Map<string, Item[]>();
  history.forEach((t, index) => {
    if (t.amountCents === 0) return;
    const day = dayNumber(t.date);
    if (day > asOfDay) return;
    const key = `${t.amountCents > 0 ? '+' : '-'}${normaliseDescription(t.description)}`;
    const group = groups.get(key);
    const item = { index, day, amountCents: t.amountCents, description: t.description };
    if (group) group.push(item);
    else groups.set(key, [item]);
  });

  const matches: StreamMatch[] = [];
  for (const [groupKey, items] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const key = groupKey.slice(1);
    for (const found of streamsInGroup(items, options)) matches.push(toMatch(key, found.items, found.fit, asOfDay));
  }
  return matches.sort((a, b) => compare(a.stream.key, b.stream.key) || compare(a.stream.firstDate, b.stream.firstDate));
}

interface Found {
  items: Item[];
  fit: ScheduleFit;
}

/**
 * Two or more amount levels that are each a stream win (two bills from one payee); otherwise the
 * whole group if it is one stream (a salary with a bonus month); otherwise the one level that is.
 */
function streamsInGroup(items: Item[], options: DetectorOptions): Found[] {
  const levels = splitAmountLevels(items);
  const levelStreams = levels.length > 1 ? levels.map((l) => asStream(l, options)).filter((f): f is Found => f !== null) : [];
  if (levelStreams.length >= 2) return levelStreams;
  const whole = asStream(items, options);
  if (whole) return [whole];
  return levelStreams;
}

function asStream(items: Item[], options: DetectorOptions): Found | null {
  const sorted = [...items].sort((a, b) => a.day - b.day || a.index - b.index);
  const fit = bestScheduleFit(sorted.map((i) => i.day));
  if (!fit) return null;
  const amounts = sorted.map((i) => i.amountCents);
  if (medianAbsDeviation(amounts) > options.maxAmountDispersion * Math.abs(median(amounts))) return null;
  return { items: sorted, fit };
}

function toMatch(key: string, items: Item[], fit: ScheduleFit, asOfDay: number): StreamMatch {
  const rule = cadenceRule(fit.schedule.cadence);
  const amounts = items.map((i) => i.amountCents);
  const lastSlot = fit.matchedSlots[fit.matchedSlots.length - 1]!;
  // Scheduled days after the last occurrence that are now past even with the tolerance allowed.
  const missedSince = slotsBetween(fit.schedule, lastSlot + 1, asOfDay - rule.toleranceDays - 1).length;
  // A slot whose occurrence already posted early (within the tolerance, before asOf) is not due again.
  const from = Math.max(asOfDay, lastSlot) + 1;
  const next = slotsBetween(fit.schedule, from, from + 400)[0] ?? from;
  const stream: DetectedStream = {
    key,
    name: mostCommon(items.map((i) => i.description)),
    cadence: fit.schedule.cadence,
    amountCents: Math.round(median(amounts)),
    amountSpreadCents: Math.round(medianAbsDeviation(amounts)),
    occurrences: items.length,
    firstDate: isoDay(items[0]!.day),
    lastDate: isoDay(items[items.length - 1]!.day),
    nextDate: isoDay(next),
    active: missedSince < rule.missedToStop,
  };
  if (fit.schedule.kind === 'months') stream.anchorDays = [...fit.schedule.anchorDays];
  return { stream, schedule: fit.schedule, occurrenceIndexes: items.map((i) => i.index), lastSlotDate: isoDay(lastSlot) };
}

/** The most frequent string; ties go to the alphabetically first so the result is deterministic. */
function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? '';
  for (const [value, count] of counts) {
    const bestCount = counts.get(best) ?? 0;
    if (count > bestCount || (count === bestCount && value < best)) best = value;
  }
  return best;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
