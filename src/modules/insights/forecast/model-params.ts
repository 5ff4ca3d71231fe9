/**
 * The model's tunable constants. They were chosen on the Berka backtest's tuning cuts
 * (1993-07-01 .. 1993-11-01) and then left alone for the evaluation cuts (see `--sweep` in
 * bench/forecast/run.ts and docs/benchmarks.md); the surface is flat around these values.
 */
import type { ResamplingParams } from './day-resampling.js';

export interface ModelParams {
  /** Months of history the "typical month" is taken from (same calendar days, median across months). */
  typicalMonths: number;
  /**
   * Weight of the typical month's everyday (non-recurring) flow. Well below 1: everyday flows on real
   * accounts are lumpy (cash withdrawals, transfers), and a damped estimate of them errs less.
   */
  everydayWeight: number;
  /** Days of recent history the everyday flow's day-to-day spread is measured over. */
  noiseWindowDays: number;
  /**
   * How sure the projected drift over the horizon must be before it is kept: the drift D is scaled
   * by D² / (D² + driftNoiseFactor · SE²), SE being the standard error of the horizon's everyday flow.
   */
  driftNoiseFactor: number;
  /** Strength of the pull towards the balance the account typically has on that day of the month. */
  reversionWeight: number;
  /** Days over which that pull builds up (1 - e^(-k/τ)). */
  reversionDays: number;
  /**
   * The day-resampling simulation behind three of the stack's features (day-resampling.ts). Chosen in
   * the fourth and fifth rounds of docs/benchmarks.md on the tuning cuts; the stack's coefficients
   * (stack-table.ts) were fitted with these values, so changing them means refitting (--write-stack).
   */
  resampling: ResamplingParams;
}

export const DEFAULT_MODEL_PARAMS: ModelParams = {
  typicalMonths: 6,
  everydayWeight: 0.3,
  noiseWindowDays: 90,
  driftNoiseFactor: 8,
  reversionWeight: 0.7,
  reversionDays: 30,
  resampling: { paths: 400, lookbackDays: 365, bandwidthSd: 0.5, dayOfMonthWindow: 3 },
};
