/**
 * A predictive distribution of the everyday (non-recurring) flow over the horizon, by resampling whole
 * days of the account's own history. Everyday flows on real accounts are a few large lumps a month
 * (cash in, cash out) whose days cannot be known in advance; the backtest is scored by mean absolute
 * error, for which the best point forecast on each day is a quantile near the median of the
 * balance's distribution, not a damped mean. Each simulated path walks the horizon day by day and
 * draws one past day's everyday flow:
 *
 * - only days within ±dayOfMonthWindow of the forecast day's day of the month (monthly rhythm: pay
 *   days, rent), from the last lookbackDays of history; all of them when none is that close;
 * - favouring days that opened at a similar balance, relative to the account's median balance, as the
 *   simulated path has now (Gaussian kernel, bandwidth in standard deviations of the balance): an
 *   account spends more when it is flush and less when it is low, which is what keeps balances near
 *   their usual level.
 *
 * Pure and deterministic: the random source is seeded by the caller (from the input, see model.ts),
 * and the candidate days are taken in day order, so the history's order does not matter.
 */
import { calendarParts } from './dates.js';
import type { HistorySeries } from './history-series.js';
import { median, populationStandardDeviation } from './stats.js';
import { mulberry32 } from './random.js';

export interface ResamplingParams {
  /** Simulated paths. 400 keeps the quantiles' Monte Carlo noise well under the forecast error. */
  paths: number;
  /** Days of history the resampled days and the balance statistics come from. */
  lookbackDays: number;
  /** Kernel bandwidth on the opening balance, in standard deviations of the history's balance. */
  bandwidthSd: number;
  /** Candidate days lie within this many days of the forecast day's day of the month (31 wraps to 1). */
  dayOfMonthWindow: number;
}

/**
 * @param scheduledCumulative cumulative scheduled flow through each forecast day (moves the opening
 *   balance the kernel compares, not the resampled flow itself)
 * @param quantiles probabilities (type-7 quantiles, as R and NumPy default)
 * @returns for each quantile, for each forecast day k (index k-1), the quantile over the paths of the
 *   cumulative resampled everyday flow through day k, cents (fractional)
 */
export function resampledEverydayQuantiles(
  series: HistorySeries,
  startingBalanceCents: number,
  scheduledCumulative: readonly number[],
  quantiles: readonly number[],
  params: ResamplingParams,
  seed: number,
): number[][] {
  const horizon = scheduledCumulative.length;
  const { balance, everyday } = series;
  const n = balance.length;
  // Candidate i needs the balance it opened at, the previous day's close: the first day is never one.
  const from = Math.max(1, n - params.lookbackDays);
  const recentBalance = balance.slice(Math.max(0, n - params.lookbackDays));
  const centre = median(recentBalance);
  const spread = populationStandardDeviation(recentBalance) || 1;

  const count = Math.max(0, n - from);
  const candidateDayOfMonth = new Int32Array(count);
  const candidateZ = new Float64Array(count);
  const candidateFlow = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const i = from + j;
    candidateDayOfMonth[j] = calendarParts(series.firstDay + i).dayOfMonth;
    candidateZ[j] = (balance[i - 1]! - centre) / spread;
    candidateFlow[j] = everyday[i]!;
  }

  // Per forecast day, the candidates' opening z and flow, gathered once (the inner loop runs paths × days).
  const perDayZ: Float64Array[] = [];
  const perDayFlow: Float64Array[] = [];
  for (let k = 1; k <= horizon; k++) {
    const dom = calendarParts(series.asOfDay + k).dayOfMonth;
    const list: number[] = [];
    for (let j = 0; j < count; j++) if (dayOfMonthDistance(candidateDayOfMonth[j]!, dom) <= params.dayOfMonthWindow) list.push(j);
    const chosen = list.length > 0 ? list : Array.from({ length: count }, (_, j) => j);
    perDayZ.push(Float64Array.from(chosen, (j) => candidateZ[j]!));
    perDayFlow.push(Float64Array.from(chosen, (j) => candidateFlow[j]!));
  }

  const random = mulberry32(seed);
  const simulated: Float64Array[] = Array.from({ length: horizon }, () => new Float64Array(params.paths));
  // Running sums of the kernel weights: a draw is the first candidate whose running sum reaches
  // u · total, found by bisection (the same pick as walking the list, in log time).
  const cumulative = new Float64Array(count);
  const inverseBandwidth = 1 / params.bandwidthSd;
  for (let p = 0; p < params.paths; p++) {
    let flow = 0;
    for (let k = 0; k < horizon; k++) {
      const opening = startingBalanceCents + (k === 0 ? 0 : scheduledCumulative[k - 1]!) + flow;
      const z = (opening - centre) / spread;
      const zs = perDayZ[k]!;
      const m = zs.length;
      let total = 0;
      for (let q = 0; q < m; q++) {
        const d = (zs[q]! - z) * inverseBandwidth;
        total += expNegative(0.5 * d * d);
        cumulative[q] = total;
      }
      if (m > 0) {
        let pick: number;
        if (total <= 1e-300) {
          // Far outside anything the history saw: every candidate day is as good as another.
          pick = Math.floor(random() * m);
        } else {
          const r = random() * total;
          let lo = 0;
          let hi = m - 1;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (cumulative[mid]! >= r) hi = mid;
            else lo = mid + 1;
          }
          pick = lo;
        }
        flow += perDayFlow[k]![pick]!;
      }
      simulated[k]![p] = flow;
    }
  }

  const out = quantiles.map(() => new Array<number>(horizon).fill(0));
  for (let k = 0; k < horizon; k++) {
    const sorted = simulated[k]!.sort();
    quantiles.forEach((q, i) => (out[i]![k] = quantileOfSorted(sorted, q)));
  }
  return out;
}

/**
 * e^(−x) for x ≥ 0 from a table (step 1/128, linear interpolation, relative error < 1e-5, far below
 * the simulation's own noise): the kernel is evaluated paths × days × candidates times (about a
 * million for a 30-day forecast), and with Math.exp that was two thirds of the forecast's run time;
 * the lookup is about five times faster. Below e^(−746) a double is zero anyway.
 */
const EXP_STEPS_PER_UNIT = 128;
const EXP_MAX = 746;
let expTable: Float64Array | undefined;
export function expNegative(x: number): number {
  if (!(x < EXP_MAX)) return 0;
  const table = (expTable ??= Float64Array.from({ length: EXP_MAX * EXP_STEPS_PER_UNIT + 2 }, (_, i) => Math.exp(-i / EXP_STEPS_PER_UNIT)));
  const t = x * EXP_STEPS_PER_UNIT;
  const i = t | 0;
  const lo = table[i]!;
  return lo + (t - i) * (table[i + 1]! - lo);
}

/** Days of the month apart, on a 31-day circle (the 30th and the 2nd are 3 apart). */
export function dayOfMonthDistance(a: number, b: number): number {
  const d = Math.abs(a - b);
  return Math.min(d, 31 - d);
}

/** Type-7 quantile (linear interpolation between order statistics) of an ascending array. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
