/**
 * Fitted by the backtest; do not edit by hand. Regenerate with
 *   npm run bench:forecast -- --berka <dir> --write-calibration
 * See calibration.ts for what the probabilities mean and how the table is used.
 */
import type { Calibration } from './calibration.js';

export const DEFAULT_CALIBRATION: Calibration = {
  fittedOn: 'Berka 1993, cuts 1993-07-01 .. 1993-11-01, 475 windows',
  horizonDays: 30,
  toleranceShare: 0.1,
  toleranceFloorCents: 50000,
  knots: [
    { noiseRatio: 0.0018, probability: 0.865, windows: 47 },
    { noiseRatio: 0.6061, probability: 0.865, windows: 48 },
    { noiseRatio: 0.859, probability: 0.865, windows: 47 },
    { noiseRatio: 1.2721, probability: 0.865, windows: 48 },
    { noiseRatio: 1.8157, probability: 0.84, windows: 47 },
    { noiseRatio: 2.6354, probability: 0.766, windows: 48 },
    { noiseRatio: 3.9394, probability: 0.742, windows: 47 },
    { noiseRatio: 5.2004, probability: 0.631, windows: 48 },
    { noiseRatio: 6.8577, probability: 0.428, windows: 47 },
    { noiseRatio: 11.3674, probability: 0.189, windows: 48 },
  ],
};
