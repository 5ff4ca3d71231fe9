/**
 * Fitted by the backtest; do not edit by hand. Regenerate with
 *   npm run bench:forecast -- --berka <dir> --write-stack
 * See stack.ts for what the coefficients mean and how they are used.
 */
import type { StackCoefficients } from './stack.js';

export const DEFAULT_STACK: StackCoefficients = {
  fittedOn: 'Berka 1993, cuts 1993-07-01 .. 1993-11-01, 475 windows + 244 training windows (2–5 months of history, ≥ 150 days), LAD, L1 penalty 0.003',
  knots: [1, 5, 12, 30],
  features: ['everyday', 'typicalMonth', 'towardsTypical', 'towardsMedian90', 'towardsMedian180', 'resampledQ30', 'resampledQ40', 'resampledQ50'],
  // coefficients[feature][knot]
  coefficients: [
    [0, 0, 0.480685, 0.507439],
    [0, 0, -0.183358, -0.0596627],
    [0, 0, -0.0149195, 0],
    [0, 0, -0.0177569, 0],
    [0, 0, 0.0799176, 0.207507],
    [0, 0.542525, 0.280674, 0.230051],
    [0, 0.213455, 0.196477, 0],
    [0, 0, 0.283915, 0],
  ],
};
