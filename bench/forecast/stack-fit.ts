/**
 * Fitting the stack's coefficients (src/modules/insights/forecast/stack.ts) and writing them as a TS
 * module. The fit is least absolute deviation (the backtest's score is a mean absolute error) with a
 * small L1 penalty, as a linear program solved by HiGHS (the `highs` package, HiGHS compiled to
 * WebAssembly; the same solver the fifth round used through SciPy):
 *
 *   minimise  Σ_rows |y − Z·b|  +  λ·Σ_rows|y| · Σ_p |b_p|
 *
 * One row per window and forecast day: y = real balance − start − S(k), Z = each feature times each
 * knot's weight on day k (features × knots columns), no intercept. The penalty is scaled by Σ|y| so
 * that λ means the same whatever the currency and the number of rows. Written as an LP with
 * b = b⁺ − b⁻ and residual u⁺ − u⁻, all non-negative: Z·b⁺ − Z·b⁻ + u⁺ − u⁻ = y.
 */
import { writeFile } from 'node:fs/promises';
import highsPackage from 'highs';
import { knotWeights, type StackCoefficients } from '../../src/modules/insights/forecast/stack.js';
import { STACK_FEATURES } from '../../src/modules/insights/forecast/stack-features.js';

// The package's types describe its CommonJS build (default export under `.default`); under ESM the
// import condition gives the loader itself. Accept either.
type HighsLoader = typeof highsPackage.default;
const highsLoader: HighsLoader = typeof highsPackage === 'function' ? (highsPackage as HighsLoader) : highsPackage.default;

export const STACK_MODULE = new URL('../../src/modules/insights/forecast/stack-table.ts', import.meta.url);
/** Knot days of the piecewise-linear coefficients (chosen in the fifth round, docs/benchmarks.md). */
export const STACK_KNOTS = [1, 5, 12, 30];
/** L1 penalty λ (chosen in the fifth round by leaving one tuning cut out at a time). */
export const STACK_PENALTY = 0.003;

export interface StackSample {
  /** Per forecast day, the features in STACK_FEATURES order (ForecastRun.stack.features). */
  features: number[][];
  /** Per forecast day, real balance − start − S(k). */
  target: number[];
}

export interface StackFit {
  coefficients: number[][];
  rows: number;
  objective: number;
  solveSeconds: number;
}

export async function fitStack(samples: readonly StackSample[], knots: readonly number[] = STACK_KNOTS, penalty: number = STACK_PENALTY): Promise<StackFit> {
  const features = STACK_FEATURES.length;
  const p = features * knots.length;
  const rowsZ: { index: number[]; value: number[] }[] = [];
  const y: number[] = [];
  for (const sample of samples) {
    sample.features.forEach((f, i) => {
      const weights = knotWeights(knots, i + 1);
      const index: number[] = [];
      const value: number[] = [];
      for (let j = 0; j < features; j++) {
        for (let m = 0; m < knots.length; m++) {
          const v = f[j]! * weights[m]!;
          if (v !== 0) {
            index.push(j * knots.length + m);
            value.push(v);
          }
        }
      }
      rowsZ.push({ index, value });
      y.push(sample.target[i]!);
    });
  }
  const n = y.length;
  const absY = y.reduce((s, v) => s + Math.abs(v), 0);
  const lambda = penalty * absY;
  // Columns: b⁺ (p), b⁻ (p), u⁺ (n), u⁻ (n). Rows in CSR.
  const numCols = 2 * p + 2 * n;
  let nnz = 0;
  for (const r of rowsZ) nnz += 2 * r.index.length + 2;
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  rowsZ.forEach((r, i) => {
    starts[i] = at;
    r.index.forEach((c, e) => {
      indices[at] = c;
      values[at++] = r.value[e]!;
      indices[at] = p + c;
      values[at++] = -r.value[e]!;
    });
    indices[at] = 2 * p + i;
    values[at++] = 1;
    indices[at] = 2 * p + n + i;
    values[at++] = -1;
  });
  starts[n] = at;
  const colCost = new Float64Array(numCols);
  colCost.fill(lambda, 0, 2 * p);
  colCost.fill(1, 2 * p);
  const highs = await highsLoader();
  const started = performance.now();
  return highs.withModel((model) => {
    model.options.set({ solver: 'ipm', output_flag: false, random_seed: 0 });
    model.passModel({
      numCols,
      numRows: n,
      colCost,
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(highs.infinity),
      rowLower: Float64Array.from(y),
      rowUpper: Float64Array.from(y),
      matrix: { format: 'csr', numRows: n, numCols, starts, indices, values },
    });
    const result = model.run();
    if (result.modelStatus !== highs.constants.modelStatus.optimal) throw new Error(`LAD fit: HiGHS model status ${result.modelStatus}`);
    const x = model.getSolution().colValue;
    const coefficients = STACK_FEATURES.map((_, j) => knots.map((__, m) => x[j * knots.length + m]! - x[p + j * knots.length + m]!));
    return { coefficients, rows: n, objective: model.getObjectiveValue(), solveSeconds: (performance.now() - started) / 1000 };
  });
}

export async function writeStackModule(stack: StackCoefficients, command: string): Promise<void> {
  const round = (v: number) => {
    const r = Number(v.toPrecision(6));
    return Math.abs(r) < 1e-9 ? 0 : r;
  };
  const rows = stack.coefficients.map((row) => `    [${row.map(round).join(', ')}],`).join('\n');
  const text =
    `/**\n * Fitted by the backtest; do not edit by hand. Regenerate with\n *   ${command}\n` +
    ` * See stack.ts for what the coefficients mean and how they are used.\n */\n` +
    `import type { StackCoefficients } from './stack.js';\n\n` +
    `export const DEFAULT_STACK: StackCoefficients = {\n` +
    `  fittedOn: ${JSON.stringify(stack.fittedOn).replace(/^"|"$/g, "'")},\n` +
    `  knots: [${stack.knots.join(', ')}],\n` +
    `  features: [${stack.features.map((f) => `'${f}'`).join(', ')}],\n` +
    `  // coefficients[feature][knot]\n` +
    `  coefficients: [\n${rows}\n  ],\n};\n`;
  await writeFile(STACK_MODULE, text);
}

/** The coefficients as written (6 significant digits), so the backtest after --write-stack scores exactly what was committed. */
export function roundedStack(stack: StackCoefficients): StackCoefficients {
  return { ...stack, coefficients: stack.coefficients.map((row) => row.map((v) => (Math.abs(Number(v.toPrecision(6))) < 1e-9 ? 0 : Number(v.toPrecision(6))))) };
}
