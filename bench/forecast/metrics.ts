/**
 * Per-window errors of one projected path against the real one, and their aggregates. Errors are
 * in cents; the tables print them in currency units.
 */

export interface PathScore {
  /** Mean over the horizon of |projected - real| end-of-day balance. */
  pathAbsError: number;
  endAbsError: number;
  /** |lowest projected - lowest real| end-of-day balance over the horizon. */
  minAbsError: number;
  /** Lowest projected and lowest real end-of-day balance over the horizon (alerts are scored from these). */
  minProjected: number;
  minActual: number;
}

export function scorePath(projected: readonly number[], actual: readonly number[]): PathScore {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs((projected[i] ?? 0) - actual[i]!);
  const minProjected = Math.min(...projected);
  const minActual = Math.min(...actual);
  return {
    pathAbsError: sum / actual.length,
    endAbsError: Math.abs(projected[projected.length - 1]! - actual[actual.length - 1]!),
    minAbsError: Math.abs(minProjected - minActual),
    minProjected,
    minActual,
  };
}

export interface Summary {
  windows: number;
  pathMae: number;
  endMae: number;
  minMae: number;
  alertPrecision: number;
  alertRecall: number;
  alertsPredicted: number;
  alertsRealised: number;
}

/**
 * Per window, a LOW_BALANCE alert is predicted when the projected path dips below the threshold and
 * realised when the real one does; precision and recall count windows.
 */
export function summarise(scores: readonly PathScore[], lowBalanceThresholdCents: number): Summary {
  const n = scores.length;
  const avg = (f: (s: PathScore) => number) => scores.reduce((s, x) => s + f(x), 0) / Math.max(1, n);
  const isPredicted = (s: PathScore) => s.minProjected < lowBalanceThresholdCents;
  const isRealised = (s: PathScore) => s.minActual < lowBalanceThresholdCents;
  const tp = scores.filter((s) => isPredicted(s) && isRealised(s)).length;
  const predicted = scores.filter(isPredicted).length;
  const realised = scores.filter(isRealised).length;
  return {
    windows: n,
    pathMae: avg((s) => s.pathAbsError),
    endMae: avg((s) => s.endAbsError),
    minMae: avg((s) => s.minAbsError),
    alertPrecision: predicted > 0 ? tp / predicted : NaN,
    alertRecall: realised > 0 ? tp / realised : NaN,
    alertsPredicted: predicted,
    alertsRealised: realised,
  };
}

/** 1 - MAE_model / MAE_best_baseline on the daily path. */
export function skillScore(model: Summary, baselines: readonly Summary[]): number {
  const best = Math.min(...baselines.map((b) => b.pathMae));
  return 1 - model.pathMae / best;
}
