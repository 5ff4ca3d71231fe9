import { confidenceFrom, DEFAULT_CALIBRATION, fitCalibration } from '../../../src/modules/insights/forecast/calibration.js';
import type { ConfidenceFeatures } from '../../../src/modules/insights/forecast/confidence-features.js';
import { toleranceCents } from '../../../src/modules/insights/forecast/confidence-features.js';

const features = (noiseRatio: number, historyDays = 365): ConfidenceFeatures => ({ noiseRatio, historyDays, toleranceCents: 50_000, recurringShare: 0.5 });

describe('calibration', () => {
  it('tolerance is 10% of |starting balance|, never under 500.00', () => {
    expect(toleranceCents(2_000_000)).toBe(200_000);
    expect(toleranceCents(-2_000_000)).toBe(200_000);
    expect(toleranceCents(10_000)).toBe(50_000);
  });

  it('the committed table gives a confidence that falls as the noise grows', () => {
    const values = [0, 0.5, 1, 2, 4, 8, 16, 100].map((r) => confidenceFrom(features(r)));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    expect(values[0]!).toBeGreaterThan(values[values.length - 1]!);
    for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('reads the table at its knots and interpolates in log(noiseRatio) between them', () => {
    const calibration = { ...DEFAULT_CALIBRATION, knots: [{ noiseRatio: 1, probability: 0.8, windows: 1 }, { noiseRatio: 4, probability: 0.2, windows: 1 }] };
    expect(confidenceFrom(features(0.5), calibration)).toBe(0.8);
    expect(confidenceFrom(features(2), calibration)).toBe(0.5);
    expect(confidenceFrom(features(9), calibration)).toBe(0.2);
    expect(confidenceFrom(features(0.5, 10), calibration)).toBe(0.2);
  });

  it('fits equal-count bins, smooths them towards the overall rate and keeps them non-increasing', () => {
    // Ratios 1..20; the ten quietest windows were within tolerance, the ten noisiest were not.
    const samples = Array.from({ length: 20 }, (_, i) => ({ noiseRatio: i + 1, withinTolerance: i < 10 }));
    const table = fitCalibration(samples, 'test', 30);
    // Two windows per bin; (hits + 4 × 0.5) / (2 + 4).
    expect(table.knots).toEqual(
      Array.from({ length: 10 }, (_, b) => ({ noiseRatio: 2 * b + 2, probability: b < 5 ? 0.667 : 0.333, windows: 2 })),
    );
    // A noisier bin that did better than a quieter one is pooled with it.
    const pooled = fitCalibration(
      Array.from({ length: 20 }, (_, i) => ({ noiseRatio: i + 1, withinTolerance: i < 2 || (i >= 4 && i < 8) })),
      'test',
      30,
    );
    const probabilities = pooled.knots.map((k) => k.probability);
    for (let i = 1; i < probabilities.length; i++) expect(probabilities[i]!).toBeLessThanOrEqual(probabilities[i - 1]!);
  });
});
