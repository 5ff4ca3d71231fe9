/**
 * Calibration: fitting the confidence table on backtest windows, writing it as a TS module, and the
 * reliability check (windows bucketed by confidence decile: mean confidence vs realised rate).
 */
import { writeFile } from 'node:fs/promises';
import { fitCalibration, type Calibration } from '../../src/modules/insights/forecast/calibration.js';
import type { WindowResult } from './backtest.js';
import { fmtFixed, fmtPct, fmtUnits, markdownTable } from './table.js';
import { HORIZON_DAYS } from './windows.js';

export const CALIBRATION_MODULE = new URL('../../src/modules/insights/forecast/calibration-table.ts', import.meta.url);

export function fitFromResults(results: readonly WindowResult[], fittedOn: string): Calibration {
  return fitCalibration(
    results.map((r) => ({ noiseRatio: r.noiseRatio, withinTolerance: r.withinTolerance })),
    fittedOn,
    HORIZON_DAYS,
  );
}

export async function writeCalibrationModule(calibration: Calibration, command: string): Promise<void> {
  const knots = calibration.knots
    .map((k) => `    { noiseRatio: ${k.noiseRatio}, probability: ${k.probability}, windows: ${k.windows} },`)
    .join('\n');
  const text =
    `/**\n * Fitted by the backtest; do not edit by hand. Regenerate with\n *   ${command}\n` +
    ` * See calibration.ts for what the probabilities mean and how the table is used.\n */\n` +
    `import type { Calibration } from './calibration.js';\n\n` +
    `export const DEFAULT_CALIBRATION: Calibration = {\n` +
    `  fittedOn: ${JSON.stringify(calibration.fittedOn).replace(/^"|"$/g, "'")},\n` +
    `  horizonDays: ${calibration.horizonDays},\n` +
    `  toleranceShare: ${calibration.toleranceShare},\n` +
    `  toleranceFloorCents: ${calibration.toleranceFloorCents},\n` +
    `  knots: [\n${knots}\n  ],\n};\n`;
  await writeFile(CALIBRATION_MODULE, text);
}

export interface DecileRow {
  decile: number;
  windows: number;
  meanConfidence: number;
  realisedRate: number;
  meanPathMae: number;
}

export function confidenceDeciles(results: readonly WindowResult[]): DecileRow[] {
  const sorted = [...results].sort((a, b) => a.confidence - b.confidence || a.noiseRatio - b.noiseRatio);
  const rows: DecileRow[] = [];
  for (let d = 0; d < 10; d++) {
    const slice = sorted.slice(Math.floor((d * sorted.length) / 10), Math.floor(((d + 1) * sorted.length) / 10));
    if (slice.length === 0) continue;
    const avg = (f: (r: WindowResult) => number) => slice.reduce((s, r) => s + f(r), 0) / slice.length;
    rows.push({
      decile: d + 1,
      windows: slice.length,
      meanConfidence: avg((r) => r.confidence),
      realisedRate: avg((r) => (r.withinTolerance ? 1 : 0)),
      meanPathMae: avg((r) => r.model.pathAbsError),
    });
  }
  return rows;
}

/** Brier score of the confidence, and of always answering the overall rate (for comparison). */
export function brierScores(results: readonly WindowResult[]): { model: number; constant: number } {
  const n = Math.max(1, results.length);
  const rate = results.filter((r) => r.withinTolerance).length / n;
  const y = (r: WindowResult) => (r.withinTolerance ? 1 : 0);
  return {
    model: results.reduce((s, r) => s + (r.confidence - y(r)) ** 2, 0) / n,
    constant: results.reduce((s, r) => s + (rate - y(r)) ** 2, 0) / n,
  };
}

export function decileTable(results: readonly WindowResult[]): string {
  const rows = confidenceDeciles(results);
  const brier = brierScores(results);
  return (
    markdownTable(
      ['confidence decile', 'windows', 'mean confidence', 'realised within tolerance', 'mean daily-path MAE'],
      rows.map((r) => [r.decile, r.windows, fmtFixed(r.meanConfidence), fmtPct(r.realisedRate), fmtUnits(r.meanPathMae)]),
    ) + `\n\nBrier score ${fmtFixed(brier.model, 3)} (a constant at the overall rate: ${fmtFixed(brier.constant, 3)})`
  );
}
