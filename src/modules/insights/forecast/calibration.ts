/**
 * Calibrated confidence. `confidence` is the estimated probability that the realised end-of-day
 * balances over the horizon stay, on average, within the tolerance of the projection: that the
 * daily-path mean absolute error is at most max(10 % of |starting balance|, 500.00) (see
 * confidence-features.ts). The probability is read off a table fitted by the backtest
 * (`npm run bench:forecast -- --berka <dir> --write-calibration`): windows are binned by their
 * noiseRatio, each bin's empirical within-tolerance rate is the probability at the bin's median
 * noiseRatio (smoothed towards the overall rate, then forced to fall as noise rises), and the model
 * interpolates between bins in log(noiseRatio).
 */
import { DEFAULT_CALIBRATION } from './calibration-table.js';
import type { ConfidenceFeatures } from './confidence-features.js';
import { TOLERANCE_FLOOR_CENTS, TOLERANCE_SHARE } from './confidence-features.js';

export interface CalibrationKnot {
  noiseRatio: number;
  probability: number;
  /** Backtest windows in the bin the knot summarises. */
  windows: number;
}

export interface Calibration {
  /** Where and how the table was fitted (data set, cut dates, windows). */
  fittedOn: string;
  horizonDays: number;
  toleranceShare: number;
  toleranceFloorCents: number;
  /** Ascending noiseRatio. */
  knots: CalibrationKnot[];
}

export { DEFAULT_CALIBRATION };

/**
 * With under this many days of history the noise estimate has no basis, and the backtest never saw
 * such accounts: the confidence is the table's lowest probability.
 */
export const MIN_HISTORY_DAYS_FOR_CONFIDENCE = 30;

export function confidenceFrom(features: ConfidenceFeatures, calibration: Calibration = DEFAULT_CALIBRATION): number {
  const knots = calibration.knots;
  if (knots.length === 0) return 0;
  const lowest = Math.min(...knots.map((k) => k.probability));
  if (features.historyDays < MIN_HISTORY_DAYS_FOR_CONFIDENCE) return lowest;
  const first = knots[0]!;
  const last = knots[knots.length - 1]!;
  if (!(features.noiseRatio > first.noiseRatio)) return first.probability;
  if (features.noiseRatio >= last.noiseRatio) return last.probability;
  const x = Math.log(features.noiseRatio);
  for (let i = 1; i < knots.length; i++) {
    const right = knots[i]!;
    if (features.noiseRatio > right.noiseRatio) continue;
    const left = knots[i - 1]!;
    if (right.noiseRatio <= left.noiseRatio) return right.probability;
    const t = (x - Math.log(left.noiseRatio)) / (Math.log(right.noiseRatio) - Math.log(left.noiseRatio));
    return round3(left.probability + t * (right.probability - left.probability));
  }
  return last.probability;
}

export interface CalibrationSample {
  noiseRatio: number;
  withinTolerance: boolean;
}

/** Equal-count bins over the fitting windows. */
export const CALIBRATION_BINS = 10;
/** Each bin's rate is shrunk towards the overall rate by this many pseudo-windows. */
const PRIOR_WINDOWS = 4;

export function fitCalibration(samples: readonly CalibrationSample[], fittedOn: string, horizonDays: number): Calibration {
  const sorted = [...samples].sort((a, b) => a.noiseRatio - b.noiseRatio);
  const overall = sorted.filter((s) => s.withinTolerance).length / Math.max(1, sorted.length);
  const bins: { ratios: number[]; hits: number; n: number; rate: number }[] = [];
  const binCount = Math.min(CALIBRATION_BINS, sorted.length);
  for (let b = 0; b < binCount; b++) {
    const slice = sorted.slice(Math.floor((b * sorted.length) / binCount), Math.floor(((b + 1) * sorted.length) / binCount));
    const hits = slice.filter((s) => s.withinTolerance).length;
    bins.push({ ratios: slice.map((s) => s.noiseRatio), hits, n: slice.length, rate: (hits + PRIOR_WINDOWS * overall) / (slice.length + PRIOR_WINDOWS) });
  }
  const rates = nonIncreasing(bins.map((b) => ({ value: b.rate, weight: b.n })));
  return {
    fittedOn,
    horizonDays,
    toleranceShare: TOLERANCE_SHARE,
    toleranceFloorCents: TOLERANCE_FLOOR_CENTS,
    knots: bins.map((b, i) => ({
      noiseRatio: Math.max(1e-4, round4(b.ratios[b.ratios.length >> 1] ?? 0)),
      probability: round3(rates[i] ?? overall),
      windows: b.n,
    })),
  };
}

/** Pool-adjacent-violators: the closest non-increasing sequence (weighted least squares). */
function nonIncreasing(points: { value: number; weight: number }[]): number[] {
  const blocks: { value: number; weight: number; count: number }[] = [];
  for (const p of points) {
    blocks.push({ value: p.value, weight: p.weight, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.value < blocks[blocks.length - 1]!.value) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      const weight = a.weight + b.weight;
      blocks.push({ value: (a.value * a.weight + b.value * b.weight) / Math.max(weight, 1e-9), weight, count: a.count + b.count });
    }
  }
  return blocks.flatMap((b) => new Array<number>(b.count).fill(b.value));
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
