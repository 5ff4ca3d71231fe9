/**
 * The detector against the plaid-sandbox ground truth. In every window, each checking-account
 * pattern (payroll, rent, utilities, internet, phone, card payment) is found when an active
 * detected stream's occurrences are mostly that pattern's transactions; a detected active stream
 * whose occurrences are mostly one-offs (savings transfers, Venmo, groceries) is a false positive.
 */
import type { WindowResult } from './backtest.js';
import type { SandboxAccount } from './plaid-sandbox-reader.js';

export interface DetectorScore {
  patterns: number;
  found: number;
  detected: number;
  correct: number;
  cadenceRight: number;
  recall: number;
  precision: number;
  /** Normalised keys of the false positives, with counts. */
  falsePositives: Map<string, number>;
  /** Pattern keys that were missed, with counts. */
  missed: Map<string, number>;
}

export function scoreDetector(results: readonly WindowResult<SandboxAccount>[]): DetectorScore {
  const score: DetectorScore = { patterns: 0, found: 0, detected: 0, correct: 0, cadenceRight: 0, recall: 0, precision: 0, falsePositives: new Map(), missed: new Map() };
  for (const r of results) {
    const history = r.window.history;
    const foundKeys = new Set<string>();
    for (const m of r.matches) {
      if (!m.stream.active) continue;
      score.detected++;
      const counts = new Map<string, number>();
      for (const i of m.occurrenceIndexes) {
        const key = history[i]?.stream ?? '(one-off)';
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const [label, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['(one-off)', 0];
      const pattern = r.window.account.patterns.find((p) => p.key === label);
      if (pattern && n * 2 > m.occurrenceIndexes.length) {
        score.correct++;
        foundKeys.add(pattern.key);
        if (pattern.frequency === m.stream.cadence) score.cadenceRight++;
      } else {
        score.falsePositives.set(m.stream.key, (score.falsePositives.get(m.stream.key) ?? 0) + 1);
      }
    }
    for (const p of r.window.account.patterns) {
      score.patterns++;
      if (foundKeys.has(p.key)) score.found++;
      else score.missed.set(p.key, (score.missed.get(p.key) ?? 0) + 1);
    }
  }
  score.recall = score.found / Math.max(1, score.patterns);
  score.precision = score.correct / Math.max(1, score.detected);
  return score;
}
