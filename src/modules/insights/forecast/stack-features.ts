/**
 * The stack's features (stack.ts): for each forecast day k, candidate estimates of the non-scheduled
 * part of the balance change, each as a difference from start + S(k) (S: the scheduled flows, which
 * pass through at weight 1). Differences, not levels, and no intercept: a feature of zero means "no
 * change beyond the schedule", so coefficients fitted on Czech koruna carry over to dollar accounts.
 *
 * - everyday: the model's own everyday part E(k) (everyday-projection.ts);
 * - typicalMonth: the typical month's everyday flow T(k), unweighted;
 * - towardsTypical / towardsMedian90 / towardsMedian180: the gap between a usual balance and
 *   start + S(k), times 1 − s (s: the drift significance; accounts with a clear trend do not revert).
 *   Usual balance: the typical balance on that calendar day (the starting balance when there is no
 *   analogue yet), the median end-of-day balance of the last 90 and 180 days;
 * - resampledQ30 / Q40 / Q50: quantiles of the day-resampling simulation (day-resampling.ts).
 */
import { resampledEverydayQuantiles, type ResamplingParams } from './day-resampling.js';
import type { EverydayProjection } from './everyday-projection.js';
import type { HistorySeries } from './history-series.js';
import { median } from './stats.js';

export const STACK_FEATURES = [
  'everyday',
  'typicalMonth',
  'towardsTypical',
  'towardsMedian90',
  'towardsMedian180',
  'resampledQ30',
  'resampledQ40',
  'resampledQ50',
] as const;
export type StackFeature = (typeof STACK_FEATURES)[number];

/** The simulation quantiles the last three features are, in STACK_FEATURES order. */
export const RESAMPLED_QUANTILES = [0.3, 0.4, 0.5] as const;

/**
 * @returns for each forecast day k (index k-1), the features in STACK_FEATURES order, cents
 */
export function stackFeatures(
  series: HistorySeries,
  startingBalanceCents: number,
  scheduledCumulative: readonly number[],
  everyday: EverydayProjection,
  resampling: ResamplingParams,
  seed: number,
): number[][] {
  const gate = 1 - everyday.driftSignificance;
  const median90 = median(series.balance.slice(-90)) - startingBalanceCents;
  const median180 = median(series.balance.slice(-180)) - startingBalanceCents;
  const [q30, q40, q50] = resampledEverydayQuantiles(series, startingBalanceCents, scheduledCumulative, RESAMPLED_QUANTILES, resampling, seed);
  return scheduledCumulative.map((s, i) => {
    const usual = everyday.typicalBalance[i];
    const typicalGap = (usual === null || usual === undefined ? 0 : usual - startingBalanceCents) - s;
    return [
      everyday.cumulative[i]!,
      everyday.typical[i]!,
      gate * typicalGap,
      gate * (median90 - s),
      gate * (median180 - s),
      q30![i]!,
      q40![i]!,
      q50![i]!,
    ];
  });
}
