/**
 * The stacked forecast: on forecast day k the balance is
 *
 *   start + S(k) + Σ_j c_j(k) · f_j(k)
 *
 * S(k) the scheduled flows (known and detected recurring streams) at weight 1, f_j the features of
 * stack-features.ts. The coefficients are shared across days and piecewise-linear in k between knots
 * (days 1, 5, 12, 30; held constant past the last knot): a few numbers per feature rather than one per
 * day, so 475 tuning windows can fit them, while still letting a feature matter more or less as the
 * horizon lengthens (the simulation dominates early days, where the model's reversion acts too soon).
 *
 * The coefficients are fitted by least absolute deviation on the Berka tuning cuts and written to
 * stack-table.ts by the backtest (`npm run bench:forecast -- --berka <dir> --write-stack`); see
 * docs/forecast.md and docs/benchmarks.md.
 */
import { STACK_FEATURES } from './stack-features.js';
import { DEFAULT_STACK } from './stack-table.js';

export interface StackCoefficients {
  /** Where and how the coefficients were fitted. */
  fittedOn: string;
  /** Forecast days of the piecewise-linear knots, ascending. */
  knots: number[];
  /** Feature names, in the order of `coefficients` (must be STACK_FEATURES). */
  features: string[];
  /** coefficients[j][m]: feature j's coefficient at knots[m]. */
  coefficients: number[][];
}

export { DEFAULT_STACK };

/** Weight of each knot on day k: linear interpolation between the two knots around k, clamped at the ends. */
export function knotWeights(knots: readonly number[], k: number): number[] {
  const w = new Array<number>(knots.length).fill(0);
  if (knots.length === 0) return w;
  if (k <= knots[0]!) {
    w[0] = 1;
    return w;
  }
  if (k >= knots[knots.length - 1]!) {
    w[knots.length - 1] = 1;
    return w;
  }
  for (let m = 1; m < knots.length; m++) {
    if (k > knots[m]!) continue;
    const t = (k - knots[m - 1]!) / (knots[m]! - knots[m - 1]!);
    w[m - 1] = 1 - t;
    w[m] = t;
    break;
  }
  return w;
}

/**
 * The non-scheduled part of the balance change through each forecast day, Σ_j c_j(k)·f_j(k), cents
 * (fractional; model.ts rounds it cumulatively).
 */
export function combineStack(features: readonly (readonly number[])[], stack: StackCoefficients = DEFAULT_STACK): number[] {
  if (stack.features.length !== STACK_FEATURES.length || stack.features.some((f, j) => f !== STACK_FEATURES[j])) {
    throw new Error(`stack coefficients are for features [${stack.features.join(', ')}], the model computes [${STACK_FEATURES.join(', ')}]`);
  }
  return features.map((f, i) => {
    const weights = knotWeights(stack.knots, i + 1);
    let total = 0;
    for (let j = 0; j < f.length; j++) {
      const row = stack.coefficients[j]!;
      let c = 0;
      for (let m = 0; m < weights.length; m++) c += weights[m]! * row[m]!;
      total += c * f[j]!;
    }
    return total;
  });
}
