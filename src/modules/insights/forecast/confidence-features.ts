/**
 * What the forecast's confidence is computed from. The one that matters most is noiseRatio: how
 * large the account's unexplained day-to-day movement, accumulated over the horizon, is compared
 * with the error we tolerate. The fitted calibration table turns it into a probability.
 */

/**
 * The tolerance behind `confidence`: the forecast is "right" when the mean absolute error of the
 * projected end-of-day balances over the horizon is at most 10 % of |starting balance|, and never
 * less than 500.00 (so a near-empty account is not held to a few cents).
 */
export const TOLERANCE_SHARE = 0.1;
export const TOLERANCE_FLOOR_CENTS = 50_000;

export function toleranceCents(startingBalanceCents: number): number {
  return Math.max(TOLERANCE_SHARE * Math.abs(startingBalanceCents), TOLERANCE_FLOOR_CENTS);
}

export interface ConfidenceFeatures {
  /** Days from the first history entry to asOf, inclusive (0 with no history). */
  historyDays: number;
  toleranceCents: number;
  /** Standard deviation of the daily non-recurring net flow, times √horizon, over the tolerance. */
  noiseRatio: number;
  /** Share of the recent gross flow (sum of |amounts| over the noise window) that the recurring streams explain. */
  recurringShare: number;
}

export function confidenceFeatures(
  startingBalanceCents: number,
  horizonDays: number,
  historyDays: number,
  dailySdCents: number,
  recurringShare: number,
): ConfidenceFeatures {
  const tolerance = toleranceCents(startingBalanceCents);
  return {
    historyDays,
    toleranceCents: tolerance,
    noiseRatio: (dailySdCents * Math.sqrt(horizonDays)) / tolerance,
    recurringShare,
  };
}
