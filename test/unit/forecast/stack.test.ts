import { dayOfMonthDistance, quantileOfSorted, resampledEverydayQuantiles } from '../../../src/modules/insights/forecast/day-resampling.js';
import { addDaysIso, dayNumber } from '../../../src/modules/insights/forecast/dates.js';
import { historySeries } from '../../../src/modules/insights/forecast/history-series.js';
import { forecastCashflow, runForecast } from '../../../src/modules/insights/forecast/model.js';
import { DEFAULT_CALIBRATION } from '../../../src/modules/insights/forecast/calibration.js';
import { DEFAULT_MODEL_PARAMS } from '../../../src/modules/insights/forecast/model-params.js';
import { hashNumbers, mulberry32 } from '../../../src/modules/insights/forecast/random.js';
import { combineStack, DEFAULT_STACK, knotWeights, type StackCoefficients } from '../../../src/modules/insights/forecast/stack.js';
import { STACK_FEATURES } from '../../../src/modules/insights/forecast/stack-features.js';
import type { ForecastInput, HistoryTransaction } from '../../../src/modules/insights/forecast/types.js';
import { everyDays, onDates, tx } from './fixtures.js';

/** Eight months of pay, rent and lumpy everyday spending (pseudo-random but fixed). */
function noisyHistory(): HistoryTransaction[] {
  const random = mulberry32(42);
  const months = ['01', '02', '03', '04', '05', '06', '07', '08'];
  const out: HistoryTransaction[] = [
    ...onDates(months.map((m) => `2024-${m}-01`), -150_000, 'OAKWOOD APTS WEB PMT'),
    ...everyDays('2024-01-05', 14, 17, 120_000, 'ACME CORP DIRECT DEP'),
  ];
  for (let day = 0; day < 243; day++) {
    const date = addDaysIso('2024-01-01', day);
    if (random() < 0.35) out.push(tx(date, -Math.round(1000 + random() * 30_000), `STORE ${Math.floor(random() * 40)}`));
    if (random() < 0.05) out.push(tx(date, Math.round(20_000 + random() * 60_000), `CASH DEPOSIT ${day}`));
  }
  return out;
}

const history = noisyHistory();
const input: ForecastInput = { asOf: '2024-08-30', startingBalanceCents: 250_000, horizonDays: 30, history, known: [] };
const zeroStack: StackCoefficients = { ...DEFAULT_STACK, coefficients: DEFAULT_STACK.coefficients.map((row) => row.map(() => 0)) };

describe('day-resampling simulation', () => {
  const asOfDay = dayNumber(input.asOf);
  const series = historySeries(history, new Set(), asOfDay, input.startingBalanceCents);
  const scheduled = Array.from({ length: 30 }, (_, i) => (i >= 1 ? -150_000 : 0));
  const params = DEFAULT_MODEL_PARAMS.resampling;

  it('is deterministic for a given seed and changes with the seed', () => {
    const a = resampledEverydayQuantiles(series, input.startingBalanceCents, scheduled, [0.3, 0.5], params, 7);
    const b = resampledEverydayQuantiles(series, input.startingBalanceCents, scheduled, [0.3, 0.5], params, 7);
    const c = resampledEverydayQuantiles(series, input.startingBalanceCents, scheduled, [0.3, 0.5], params, 8);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    // Quantiles are ordered on every day.
    a[0]!.forEach((q30, k) => expect(q30).toBeLessThanOrEqual(a[1]![k]!));
  });

  it('does not depend on the order of the history (the series is by day, the seed comes from it)', () => {
    const shuffled = [...history].sort((x, y) => (x.description < y.description ? -1 : 1));
    const s2 = historySeries(shuffled, new Set(), asOfDay, input.startingBalanceCents);
    expect(s2).toEqual(series);
    expect(forecastCashflow({ ...input, history: shuffled })).toEqual(forecastCashflow(input));
    expect(forecastCashflow({ ...input, history: [...history].reverse() })).toEqual(forecastCashflow(input));
  });

  it('resamples nothing when there is no history day to draw from', () => {
    const empty = historySeries([], new Set(), asOfDay, 10_000);
    const q = resampledEverydayQuantiles(empty, 10_000, new Array<number>(5).fill(0), [0.5], params, 1);
    expect(q).toEqual([[0, 0, 0, 0, 0]]);
  });

  it('uses type-7 quantiles and day-of-month distances on a 31-day circle', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 12);
    expect(quantileOfSorted([5], 0.4)).toBe(5);
    expect(dayOfMonthDistance(30, 2)).toBe(3);
    expect(dayOfMonthDistance(10, 14)).toBe(4);
  });

  it('derives seeds that differ when any input number differs', () => {
    expect(hashNumbers([1, 2, 3])).toBe(hashNumbers([1, 2, 3]));
    expect(hashNumbers([1, 2, 3])).not.toBe(hashNumbers([1, 2, 4]));
    expect(hashNumbers([2 ** 32])).not.toBe(hashNumbers([0]));
    expect(hashNumbers([-1])).not.toBe(hashNumbers([1]));
  });
});

describe('stacked combination', () => {
  it('interpolates the coefficients linearly between knots and holds them past the ends', () => {
    expect(knotWeights([1, 5, 12, 30], 1)).toEqual([1, 0, 0, 0]);
    expect(knotWeights([1, 5, 12, 30], 3)).toEqual([0.5, 0.5, 0, 0]);
    expect(knotWeights([1, 5, 12, 30], 21)).toEqual([0, 0, 0.5, 0.5]);
    expect(knotWeights([1, 5, 12, 30], 45)).toEqual([0, 0, 0, 1]);
  });

  it('adds nothing to start + S when every feature is zero', () => {
    const zeros = Array.from({ length: 40 }, () => new Array<number>(STACK_FEATURES.length).fill(0));
    expect(combineStack(zeros, DEFAULT_STACK)).toEqual(new Array<number>(40).fill(0));
  });

  it('with zero coefficients the forecast is exactly start + scheduled flows', () => {
    const run = runForecast(input, DEFAULT_CALIBRATION, DEFAULT_MODEL_PARAMS, zeroStack);
    expect(run.forecast.daily.map((d) => d.balanceCents)).toEqual(run.stack.scheduledCumulative.map((s) => input.startingBalanceCents + s));
  });

  it('applies c_j(k)·f_j(k) day by day', () => {
    const stack: StackCoefficients = { ...zeroStack, coefficients: zeroStack.coefficients.map((row, j) => (j === 0 ? [1, 0, 0, 0] : row)) };
    const features = Array.from({ length: 3 }, (_, i) => STACK_FEATURES.map((_, j) => (j === 0 ? 100 * (i + 1) : 999)));
    // Day 1 weight 1, day 2 0.75, day 3 0.5 (knots 1, 5, 12).
    expect(combineStack(features, stack)).toEqual([100, 150, 150]);
  });

  it('rejects coefficients fitted for other features', () => {
    expect(() => combineStack([[0]], { ...DEFAULT_STACK, features: ['something else'] })).toThrow(/stack coefficients/);
  });

  it('the committed table is for the model’s features and knots', () => {
    expect(DEFAULT_STACK.features).toEqual([...STACK_FEATURES]);
    expect(DEFAULT_STACK.coefficients).toHaveLength(STACK_FEATURES.length);
    for (const row of DEFAULT_STACK.coefficients) expect(row).toHaveLength(DEFAULT_STACK.knots.length);
  });
});

describe('forecastCashflow with the stack', () => {
  const run = runForecast(input);

  it('keeps the daily path consistent: integer cents, balance = previous + inflow − outflow', () => {
    let previous = input.startingBalanceCents;
    for (const day of run.forecast.daily) {
      for (const v of [day.balanceCents, day.inflowCents, day.outflowCents]) expect(Number.isInteger(v)).toBe(true);
      expect(day.inflowCents).toBeGreaterThanOrEqual(0);
      expect(day.outflowCents).toBeGreaterThanOrEqual(0);
      expect(day.balanceCents).toBe(previous + day.inflowCents - day.outflowCents);
      previous = day.balanceCents;
    }
    const min = Math.min(...run.forecast.daily.map((d) => d.balanceCents));
    expect(run.forecast.projectedMinBalanceCents).toBe(min);
    expect(run.forecast.projectedEndBalanceCents).toBe(previous);
  });

  it('moves the path beyond the scheduled flows on a noisy account', () => {
    const scheduledOnly = run.stack.scheduledCumulative.map((s) => input.startingBalanceCents + s);
    expect(run.forecast.daily.map((d) => d.balanceCents)).not.toEqual(scheduledOnly);
  });

  it('never reads history after asOf (features, simulation and forecast unchanged)', () => {
    const future = [...history, tx('2024-08-31', -9_999_900, 'FUTURE SPLURGE'), tx('2024-09-15', 5_000_000, 'FUTURE WINDFALL')];
    const withFuture = runForecast({ ...input, history: future });
    expect(withFuture.stack).toEqual(run.stack);
    expect(withFuture.forecast).toEqual(run.forecast);
  });

  it('gives the same forecast for the same input, call after call', () => {
    expect(forecastCashflow(input)).toEqual(forecastCashflow(input));
  });

  it('handles horizons past the last knot', () => {
    const long = forecastCashflow({ ...input, horizonDays: 45 });
    expect(long.daily).toHaveLength(45);
    expect(long.daily.slice(0, 30).map((d) => d.date)).toEqual(run.forecast.daily.map((d) => d.date));
  });
});
