/**
 * The cash-flow forecast: pure and deterministic (every date comes from the input, the simulation's
 * seed is a hash of it). Each day asOf+1 .. asOf+horizon gets the scheduled flows — the active
 * detected recurring streams that no known stream covers, and the known PayLink/payroll streams — at
 * weight 1, plus the non-scheduled part: a stacked combination (stack.ts) of the everyday projection
 * from the account's typical month (everyday-projection.ts), pulls towards its usual balance, and
 * quantiles of a day-resampling simulation (day-resampling.ts). The balance is carried forward from
 * the starting balance. docs/forecast.md describes the algorithm, docs/benchmarks.md how well it does.
 */
import { buildAlerts, DEFAULT_LOW_BALANCE_THRESHOLD_CENTS, type ScheduledFlow } from './alerts.js';
import { expandOccurrences } from './cadence.js';
import { confidenceFrom, DEFAULT_CALIBRATION, type Calibration } from './calibration.js';
import { confidenceFeatures, type ConfidenceFeatures } from './confidence-features.js';
import { dayNumber, isoDay } from './dates.js';
import { projectEveryday, type EverydayProjection } from './everyday-projection.js';
import { historySeries, type HistorySeries } from './history-series.js';
import { coveredByKnown } from './known-match.js';
import { DEFAULT_MODEL_PARAMS, type ModelParams } from './model-params.js';
import { openDayOccurrences } from './open-day.js';
import { hashNumbers } from './random.js';
import { combineStack, DEFAULT_STACK, type StackCoefficients } from './stack.js';
import { stackFeatures } from './stack-features.js';
import { detectStreamMatches, type StreamMatch } from './stream-detector.js';
import type { Forecast, ForecastDay, ForecastInput, ForecastRecurring, HistoryTransaction, KnownStream } from './types.js';

export { DEFAULT_LOW_BALANCE_THRESHOLD_CENTS } from './alerts.js';

export function forecastCashflow(input: ForecastInput, calibration: Calibration = DEFAULT_CALIBRATION): Forecast {
  return runForecast(input, calibration).forecast;
}

export interface ForecastRun {
  forecast: Forecast;
  features: ConfidenceFeatures;
  everyday: EverydayProjection;
  /** Every stream the detector found (used, covered by a known stream, or inactive). */
  matches: StreamMatch[];
  /** The stack's inputs, for fitting its coefficients in the backtest. */
  stack: {
    /** Cumulative scheduled flow through each forecast day, cents. */
    scheduledCumulative: number[];
    /** Per forecast day, the features in STACK_FEATURES order (stack-features.ts). */
    features: number[][];
  };
}

/** The forecast with its working (detected streams, everyday projection, confidence features), for the backtest. */
export function runForecast(
  input: ForecastInput,
  calibration: Calibration = DEFAULT_CALIBRATION,
  params: ModelParams = DEFAULT_MODEL_PARAMS,
  stack: StackCoefficients = DEFAULT_STACK,
): ForecastRun {
  const { asOf, horizonDays, startingBalanceCents } = input;
  if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new RangeError('horizonDays must be a positive integer');
  if (!Number.isInteger(startingBalanceCents)) throw new RangeError('startingBalanceCents must be integer cents');
  const asOfDay = dayNumber(asOf);
  const firstDate = isoDay(asOfDay + 1);
  const lastDate = isoDay(asOfDay + horizonDays);
  const history: HistoryTransaction[] = input.history.filter((t) => dayNumber(t.date) <= asOfDay);

  const matches = detectStreamMatches(history, asOf);
  const used = matches.filter((m) => m.stream.active && !coveredByKnown(m.stream, input.known));
  const recurring: ForecastRecurring[] = [];
  const scheduled: ScheduledFlow[] = [];
  for (const match of used) {
    const { stream } = match;
    recurring.push({ name: stream.name, amountCents: stream.amountCents, cadence: stream.cadence, nextDate: stream.nextDate, source: 'TRANSACTIONS' });
    const dates = expandOccurrences(stream.cadence, stream.nextDate, firstDate, lastDate, stream.anchorDays);
    for (const date of input.openDay ? openDayOccurrences(match, asOf, dates, input.openDay.pending, firstDate) : dates) {
      scheduled.push({ date, name: stream.name, amountCents: stream.amountCents });
    }
  }
  for (const known of input.known) {
    if (known.cadence) {
      recurring.push({ name: known.name, amountCents: known.amountCents, cadence: known.cadence, nextDate: known.nextDate, source: known.source });
    }
    for (const date of knownDates(known, firstDate, lastDate)) scheduled.push({ date, name: known.name, amountCents: known.amountCents });
  }
  scheduled.sort((a, b) => compare(a.date, b.date) || compare(a.name, b.name) || a.amountCents - b.amountCents);
  recurring.sort((a, b) => compare(a.nextDate, b.nextDate) || compare(a.name, b.name) || a.amountCents - b.amountCents);

  const scheduledByDay = new Array<number>(horizonDays).fill(0);
  for (const flow of scheduled) scheduledByDay[dayNumber(flow.date) - asOfDay - 1]! += flow.amountCents;
  const scheduledCumulative = cumulativeSum(scheduledByDay);

  const series = historySeries(history, new Set(matches.flatMap((m) => m.occurrenceIndexes)), asOfDay, startingBalanceCents);
  const everyday = projectEveryday(series, startingBalanceCents, scheduledCumulative, params);
  const seed = simulationSeed(series, startingBalanceCents, horizonDays);
  const stackInputs = stackFeatures(series, startingBalanceCents, scheduledCumulative, everyday, params.resampling, seed);
  const daily = projectDays(startingBalanceCents, asOfDay, scheduled, combineStack(stackInputs, stack));

  let min = daily[0]!;
  for (const day of daily) if (day.balanceCents < min.balanceCents) min = day;
  const recent = params.noiseWindowDays;
  const gross = sum(series.gross.slice(-recent));
  const features = confidenceFeatures(
    startingBalanceCents,
    horizonDays,
    history.length > 0 ? asOfDay - series.firstDay + 1 : 0,
    everyday.dailySdCents,
    gross > 0 ? sum(series.recurringGross.slice(-recent)) / gross : 0,
  );
  const threshold = input.lowBalanceThresholdCents ?? DEFAULT_LOW_BALANCE_THRESHOLD_CENTS;
  const forecast: Forecast = {
    horizonDays,
    asOf,
    startingBalanceCents,
    projectedMinBalanceCents: min.balanceCents,
    projectedMinDate: min.date,
    projectedEndBalanceCents: daily[daily.length - 1]!.balanceCents,
    confidence: confidenceFrom(features, calibration),
    daily,
    alerts: buildAlerts(startingBalanceCents, daily, scheduled, threshold),
    recurring,
  };
  return { forecast, features, everyday, matches, stack: { scheduledCumulative, features: stackInputs } };
}

/**
 * The simulation's seed: a hash of what the forecast is computed from (asOf, horizon, starting
 * balance, the daily everyday flows and balances). The daily series do not depend on the order the
 * history arrives in, so neither does the seed: the same account state gives the same forecast.
 */
function simulationSeed(series: HistorySeries, startingBalanceCents: number, horizonDays: number): number {
  return hashNumbers([series.asOfDay, series.firstDay, horizonDays, startingBalanceCents, ...series.everyday, ...series.balance]);
}

/** A known stream's dates in the horizon; one without a cadence is a one-off on its next date. */
function knownDates(known: KnownStream, firstDate: string, lastDate: string): string[] {
  if (known.cadence) return expandOccurrences(known.cadence, known.nextDate, firstDate, lastDate);
  return known.nextDate >= firstDate && known.nextDate <= lastDate ? [known.nextDate] : [];
}

/**
 * Integer-cent days: the non-scheduled part N(k) is rounded cumulatively, so day k's balance is
 * always start + scheduled flows + round(N(k)) and rounding never accumulates; the day's inflow and
 * outflow are its scheduled flows plus the day's change in round(N).
 */
function projectDays(
  startingBalanceCents: number,
  asOfDay: number,
  scheduled: readonly ScheduledFlow[],
  nonScheduledCumulative: readonly number[],
): ForecastDay[] {
  const byDate = new Map<string, ScheduledFlow[]>();
  for (const flow of scheduled) {
    const list = byDate.get(flow.date);
    if (list) list.push(flow);
    else byDate.set(flow.date, [flow]);
  }
  const daily: ForecastDay[] = [];
  let balance = startingBalanceCents;
  nonScheduledCumulative.forEach((cumulative, i) => {
    const date = isoDay(asOfDay + i + 1);
    const everyday = Math.round(cumulative) - Math.round(i === 0 ? 0 : nonScheduledCumulative[i - 1]!);
    let inflow = Math.max(0, everyday);
    let outflow = Math.max(0, -everyday);
    for (const flow of byDate.get(date) ?? []) {
      if (flow.amountCents > 0) inflow += flow.amountCents;
      else outflow -= flow.amountCents;
    }
    balance += inflow - outflow;
    daily.push({ date, balanceCents: balance, inflowCents: inflow, outflowCents: outflow });
  });
  return daily;
}

function cumulativeSum(values: readonly number[]): number[] {
  let running = 0;
  return values.map((v) => (running += v));
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
