/**
 * Everything the forecast adds on top of the scheduled (known and detected recurring) flows, as a
 * cumulative amount for each forecast day:
 *
 *   E(k) = w·T(k) − (1 − s)·D·k/H + β·(1 − s)·(1 − e^(−k/τ))·(B(k) − P(k))
 *
 * - T(k), the typical month's everyday flow (typical-month.ts), weighted by w (everydayWeight);
 * - D, the projected drift over the horizon (scheduled flows plus w·T(H)), and s = D²/(D² + c·SE²)
 *   how clearly that drift stands out from the noise (SE: standard error of the horizon's everyday
 *   total, from its day-to-day spread). A drift the history cannot tell from noise is taken out,
 *   keeping the path's shape within the month;
 * - for such accounts, a pull towards B(k), the balance the account typically has on that day of the
 *   month, from P(k) = starting balance + scheduled flows: balances that cannot be shown to trend are
 *   treated as returning to their usual level (on Berka this is where most of the skill comes from).
 */
import type { HistorySeries } from './history-series.js';
import type { ModelParams } from './model-params.js';
import { standardDeviation } from './stats.js';
import { analogues, typicalBalancePath, typicalEverydayPath } from './typical-month.js';

export interface EverydayProjection {
  /** Cumulative non-scheduled flow through forecast day k (index k-1), cents, fractional. */
  cumulative: number[];
  /** Day-to-day standard deviation of the everyday flow over the noise window, cents. */
  dailySdCents: number;
  /** How clearly the projected drift stands out from the noise, in [0, 1]. */
  driftSignificance: number;
  /** The typical month's cumulative everyday flow T(k), unweighted (a feature of the stack, stack-features.ts). */
  typical: number[];
  /** The balance the account typically has on each forecast day's calendar day, or null (no analogue). */
  typicalBalance: (number | null)[];
}

/**
 * @param scheduledCumulative cumulative scheduled (recurring) flow through each forecast day
 */
export function projectEveryday(
  series: HistorySeries,
  startingBalanceCents: number,
  scheduledCumulative: readonly number[],
  params: ModelParams,
): EverydayProjection {
  const horizon = scheduledCumulative.length;
  const pairs = analogues(series, horizon, params.typicalMonths);
  const typical = typicalEverydayPath(series, pairs);
  const typicalBalance = typicalBalancePath(series, pairs);

  const recent = series.everyday.slice(-params.noiseWindowDays);
  const dailySdCents = standardDeviation(recent);
  const se = recent.length > 0 ? (dailySdCents * horizon) / Math.sqrt(recent.length) : 0;
  const drift = (scheduledCumulative[horizon - 1] ?? 0) + params.everydayWeight * (typical[horizon - 1] ?? 0);
  const denominator = drift * drift + params.driftNoiseFactor * se * se;
  const significance = denominator === 0 ? 1 : (drift * drift) / denominator;

  const cumulative = typical.map((t, i) => {
    const k = i + 1;
    let e = params.everydayWeight * t - (1 - significance) * drift * (k / horizon);
    const usual = typicalBalance[i];
    if (usual !== null && usual !== undefined) {
      const projected = startingBalanceCents + scheduledCumulative[i]!;
      e += params.reversionWeight * (1 - significance) * (1 - Math.exp(-k / params.reversionDays)) * (usual - projected);
    }
    return e;
  });
  return { cumulative, dailySdCents, driftSignificance: significance, typical, typicalBalance };
}
