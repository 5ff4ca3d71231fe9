/** Runs the model and the baselines over every window and scores them. */
import type { Calibration } from '../../src/modules/insights/forecast/calibration.js';
import type { ConfidenceFeatures } from '../../src/modules/insights/forecast/confidence-features.js';
import { runForecast } from '../../src/modules/insights/forecast/model.js';
import type { ModelParams } from '../../src/modules/insights/forecast/model-params.js';
import type { StackCoefficients } from '../../src/modules/insights/forecast/stack.js';
import type { StreamMatch } from '../../src/modules/insights/forecast/stream-detector.js';
import type { BenchAccount } from './account.js';
import { flatPath, seasonalNaivePath } from './baselines.js';
import { scorePath, type PathScore } from './metrics.js';
import { HORIZON_DAYS, type Window } from './windows.js';

export interface WindowResult<A extends BenchAccount = BenchAccount> {
  window: Window<A>;
  model: PathScore;
  flat: PathScore;
  seasonalNaive: PathScore;
  confidence: number;
  features: ConfidenceFeatures;
  noiseRatio: number;
  /** Whether the model's daily-path MAE was within the confidence tolerance. */
  withinTolerance: boolean;
  matches: StreamMatch[];
  /** Wall time of the runForecast call, ms. */
  forecastMs: number;
}

export interface BacktestOptions {
  lowBalanceThresholdCents: number;
  calibration: Calibration;
  params?: ModelParams;
  stack?: StackCoefficients;
}

export function backtest<A extends BenchAccount>(windows: readonly Window<A>[], options: BacktestOptions): WindowResult<A>[] {
  return windows.map((w) => {
    const started = performance.now();
    const run = runForecast(
      {
        asOf: w.asOf,
        startingBalanceCents: w.startingBalanceCents,
        horizonDays: HORIZON_DAYS,
        history: w.history,
        known: [],
        lowBalanceThresholdCents: options.lowBalanceThresholdCents,
      },
      options.calibration,
      options.params,
      options.stack,
    );
    const forecastMs = performance.now() - started;
    const projected = run.forecast.daily.map((d) => d.balanceCents);
    const model = scorePath(projected, w.actual);
    return {
      window: w,
      model,
      flat: scorePath(flatPath(w, HORIZON_DAYS), w.actual),
      seasonalNaive: scorePath(seasonalNaivePath(w, HORIZON_DAYS), w.actual),
      confidence: run.forecast.confidence,
      features: run.features,
      noiseRatio: run.features.noiseRatio,
      withinTolerance: model.pathAbsError <= run.features.toleranceCents,
      matches: run.matches,
      forecastMs,
    };
  });
}
