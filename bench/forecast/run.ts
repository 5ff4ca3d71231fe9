/**
 * `npm run bench:forecast` — backtest of the cash-flow forecast (src/modules/insights/forecast)
 * against real balances (Berka) and synthetic Plaid sandbox histories.
 *
 *   --berka <dir>            the Berka 1993 data set (default ../shared/datasets/berka-1993 when
 *                            neither data set is named)
 *   --plaid-sandbox [count]  synthetic checking accounts from the Plaid emulator's generator (default 100)
 *   --write-stack            refit the stack's coefficients (LAD, HiGHS) on the Berka tuning cuts plus
 *                            the extra training windows and write src/modules/insights/forecast/stack-table.ts
 *                            (runs before --write-calibration when both are given)
 *   --write-calibration      refit the confidence table on the Berka tuning cuts and write
 *                            src/modules/insights/forecast/calibration-table.ts
 *   --sweep                  also print the everyday-flow parameter sweep (tuning cuts vs evaluation cuts)
 *   --tune-until 1993-11-01  last cut date of the Berka tuning split (later cuts are the evaluation split)
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { confidenceFrom, DEFAULT_CALIBRATION, type Calibration } from '../../src/modules/insights/forecast/calibration.js';
import { DEFAULT_MODEL_PARAMS, type ModelParams } from '../../src/modules/insights/forecast/model-params.js';
import { runForecast } from '../../src/modules/insights/forecast/model.js';
import { DEFAULT_STACK, type StackCoefficients } from '../../src/modules/insights/forecast/stack.js';
import { STACK_FEATURES } from '../../src/modules/insights/forecast/stack-features.js';
import type { BenchAccount } from './account.js';
import { backtest, type WindowResult } from './backtest.js';
import { readBerka } from './berka-reader.js';
import { CALIBRATION_MODULE, decileTable, fitFromResults, writeCalibrationModule } from './calibration-report.js';
import { scoreDetector } from './detector-eval.js';
import { summarise, skillScore, type PathScore, type Summary } from './metrics.js';
import { MONTHS, readPlaidSandbox, STARTING_BALANCE_CENTS, END_DATE } from './plaid-sandbox-reader.js';
import { fmtFixed, fmtPct, fmtUnits, markdownTable } from './table.js';
import { fitStack, roundedStack, STACK_KNOTS, STACK_MODULE, STACK_PENALTY, writeStackModule, type StackSample } from './stack-fit.js';
import { buildStackTrainingWindows, buildWindows, HORIZON_DAYS, MIN_HISTORY_MONTHS, STACK_TRAINING_MIN_MONTHS, type Window } from './windows.js';

/**
 * 5,000 CZK: about one month's average gross wage in the Czech Republic in 1993 (≈ 5,900 CZK), i.e.
 * "less than a month's pay left". Realised dips below it are rare in Berka (balances are high), so
 * the alerts are also scored at 10,000 CZK.
 */
const BERKA_LOW_BALANCE_CENTS = [500_000, 1_000_000];
/** 500.00 USD for the synthetic US checking accounts: about a week of their outgoings (and 1,000.00). */
const SANDBOX_LOW_BALANCE_CENTS = [50_000, 100_000];
const SKILL_TARGET = 0.3;
const DEFAULT_BERKA_DIR = '../shared/datasets/berka-1993';
const DEFAULT_SANDBOX_COUNT = 100;
/** Extra stack training windows need this many days of history (fifth round, docs/benchmarks.md). */
const STACK_TRAINING_MIN_HISTORY_DAYS = 150;

interface Args {
  berka?: string;
  plaidSandbox?: number;
  writeCalibration: boolean;
  writeStack: boolean;
  sweep: boolean;
  tuneUntil: string;
}

function parseCommandLine(argv: string[]): Args {
  const args: Args = { writeCalibration: false, writeStack: false, sweep: false, tuneUntil: '1993-11-01' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a === '--berka' && next) args.berka = argv[++i];
    else if (a === '--plaid-sandbox') args.plaidSandbox = next && /^\d+$/.test(next) ? Number(argv[++i]) : DEFAULT_SANDBOX_COUNT;
    else if (a === '--write-calibration') args.writeCalibration = true;
    else if (a === '--write-stack') args.writeStack = true;
    else if (a === '--sweep') args.sweep = true;
    else if (a === '--tune-until' && next) args.tuneUntil = argv[++i]!;
    else throw new Error(`unknown argument ${a} (see the header of bench/forecast/run.ts)`);
  }
  if (args.berka === undefined && args.plaidSandbox === undefined) args.berka = DEFAULT_BERKA_DIR;
  if (args.writeCalibration && args.berka === undefined) throw new Error('--write-calibration fits on Berka: pass --berka <dir>');
  if (args.writeStack && args.berka === undefined) throw new Error('--write-stack fits on Berka: pass --berka <dir>');
  return args;
}

const args = parseCommandLine(process.argv.slice(2));
const started = performance.now();
const command = `npm run bench:forecast -- ${process.argv.slice(2).join(' ')}`.trim();
console.log(`# Cash-flow forecast backtest\n`);
console.log(`command: ${command}`);
console.log(`date: ${new Date().toISOString()}  machine: nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}`);
console.log(`horizon ${HORIZON_DAYS} days, month-start cuts with ≥ ${MIN_HISTORY_MONTHS} months of history before them\n`);

let calibration: Calibration = DEFAULT_CALIBRATION;
let stack: StackCoefficients = DEFAULT_STACK;
if (args.berka) await runBerka(args.berka);
if (args.plaidSandbox !== undefined) runSandbox(args.plaidSandbox);
console.log(`\nrun time ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function runBerka(dir: string): Promise<void> {
  const resolved = path.resolve(dir);
  if (!existsSync(path.join(resolved, 'trans.asc'))) throw new Error(`no trans.asc in ${resolved}`);
  const data = await readBerka(resolved);
  const windows = buildWindows(data.accounts);
  console.log(`## Berka (${resolved})\n`);
  console.log(
    `${data.rows.toLocaleString('en-US')} transactions, ${data.accounts.length} accounts, ${data.firstDate} .. ${data.lastDate}; ` +
      `the recorded end-of-day balance differs (by cents) from the previous day's plus the day's net on ${data.inconsistentDays} account-days (the recorded one is used)`,
  );
  const accounts = new Set(windows.map((w) => w.account.id)).size;
  const tune = (r: WindowResult) => r.window.cut <= args.tuneUntil;
  console.log(
    `${accounts} accounts with windows, ${windows.length} windows (${windows.filter((w) => w.cut <= args.tuneUntil).length} tuning cuts ≤ ${args.tuneUntil}, ` +
      `${windows.filter((w) => w.cut > args.tuneUntil).length} evaluation cuts after); LOW_BALANCE thresholds ${BERKA_LOW_BALANCE_CENTS.map(fmtUnits).join(' and ')} CZK\n`,
  );
  if (args.writeStack) {
    const fitted = await fitStackOnBerka(data.accounts, windows, args.tuneUntil);
    await writeStackModule(fitted, `npm run bench:forecast -- --berka <dir> --write-stack`);
    stack = roundedStack(fitted);
    console.log(`wrote ${path.relative(process.cwd(), STACK_MODULE.pathname)} (${stack.fittedOn})\n`);
  }
  let results = backtest(windows, { lowBalanceThresholdCents: BERKA_LOW_BALANCE_CENTS[0]!, calibration, stack });
  printTiming(results);
  if (args.writeCalibration) {
    const tuning = results.filter(tune);
    const cuts = [...new Set(tuning.map((r) => r.window.cut))].sort();
    calibration = fitFromResults(tuning, `Berka 1993, cuts ${cuts[0]} .. ${cuts[cuts.length - 1]}, ${tuning.length} windows`);
    await writeCalibrationModule(calibration, `npm run bench:forecast -- --berka <dir> --write-calibration`);
    console.log(`wrote ${path.relative(process.cwd(), CALIBRATION_MODULE.pathname)} (${calibration.fittedOn})\n`);
    results = withCalibration(results, calibration);
  }
  printComparison(results, { currency: 'CZK', lowBalanceCents: BERKA_LOW_BALANCE_CENTS }, [
    ['all cuts', () => true],
    [`tuning cuts (≤ ${args.tuneUntil})`, tune],
    [`evaluation cuts (> ${args.tuneUntil})`, (r) => !tune(r)],
    // January 1994 is the outlier cut (docs/benchmarks.md): a cash rush no earlier history shows.
    ['all cuts but 1994-01-01', (r) => r.window.cut !== '1994-01-01'],
  ]);
  printPerCut(results, 'CZK');
  console.log(`### Calibration by confidence decile (table: ${calibration.fittedOn})\n`);
  console.log(`Evaluation cuts (out of sample):\n`);
  console.log(decileTable(results.filter((r) => !tune(r))));
  console.log(`\nAll cuts:\n`);
  console.log(decileTable(results));
  if (args.sweep) sweep(windows, tune);
}

function runSandbox(count: number): void {
  const accounts = readPlaidSandbox(count);
  const windows = buildWindows(accounts);
  console.log(`\n## plaid-sandbox (${count} synthetic checking accounts)\n`);
  console.log(
    `generateHistory("forecast-bench-<i>", ${END_DATE}, ${MONTHS} months), checking account only, balance path from ` +
      `${fmtUnits(STARTING_BALANCE_CENTS)} USD the day before the history starts; ${windows.length} windows; LOW_BALANCE thresholds ${SANDBOX_LOW_BALANCE_CENTS.map(fmtUnits).join(' and ')} USD\n`,
  );
  const results = backtest(windows, { lowBalanceThresholdCents: SANDBOX_LOW_BALANCE_CENTS[0]!, calibration, stack });
  printTiming(results);
  printComparison(results, { currency: 'USD', lowBalanceCents: SANDBOX_LOW_BALANCE_CENTS }, [['all cuts', () => true]]);
  console.log(`\n### Calibration by confidence decile (table: ${calibration.fittedOn})\n`);
  console.log(decileTable(results));
  const d = scoreDetector(results);
  console.log(`\n### Recurring-stream detector vs the generator's patterns (checking account, every window)\n`);
  console.log(
    markdownTable(
      ['patterns', 'found', 'recall', 'active streams detected', 'correct', 'precision', 'cadence right (of correct)'],
      [[d.patterns, d.found, fmtPct(d.recall), d.detected, d.correct, fmtPct(d.precision), fmtPct(d.cadenceRight / Math.max(1, d.correct))]],
    ),
  );
  const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} (${n})`).join(', ') || 'none';
  console.log(`\nmissed patterns: ${top(d.missed)}\nfalse positives: ${top(d.falsePositives)}`);
}

/**
 * The stack's fit: the tuning cuts plus the extra training windows (shorter histories, cuts no later
 * than the last tuning cut), never an evaluation cut. Features do not depend on the coefficients, so
 * the fit is the same whatever stack-table.ts holds.
 */
async function fitStackOnBerka<A extends BenchAccount>(accounts: readonly A[], windows: readonly Window<A>[], tuneUntil: string): Promise<StackCoefficients> {
  const tuning = windows.filter((w) => w.cut <= tuneUntil);
  const extra = buildStackTrainingWindows(accounts, tuneUntil);
  const samples: StackSample[] = [];
  let extraKept = 0;
  const sample = (w: Window<A>, minHistoryDays: number): boolean => {
    if (w.cut > tuneUntil) throw new Error(`stack fit: window cut ${w.cut} is after the tuning split`);
    const run = runForecast({ asOf: w.asOf, startingBalanceCents: w.startingBalanceCents, horizonDays: HORIZON_DAYS, history: w.history, known: [] });
    if (run.features.historyDays < minHistoryDays) return false;
    const s = run.stack.scheduledCumulative;
    samples.push({ features: run.stack.features, target: w.actual.map((a, i) => a - w.startingBalanceCents - s[i]!) });
    return true;
  };
  const started = performance.now();
  for (const w of tuning) sample(w, 0);
  for (const w of extra) if (sample(w, STACK_TRAINING_MIN_HISTORY_DAYS)) extraKept++;
  const featureSeconds = (performance.now() - started) / 1000;
  const fit = await fitStack(samples, STACK_KNOTS, STACK_PENALTY);
  const cuts = [...new Set(tuning.map((w) => w.cut))].sort();
  console.log(
    `stack fit: ${tuning.length} tuning windows + ${extraKept} extra training windows (of ${extra.length} with ${STACK_TRAINING_MIN_MONTHS}–${MIN_HISTORY_MONTHS - 1} months, ` +
      `kept ≥ ${STACK_TRAINING_MIN_HISTORY_DAYS} days of history), ${fit.rows.toLocaleString('en-US')} rows; features ${featureSeconds.toFixed(1)} s, ` +
      `HiGHS LAD ${fit.solveSeconds.toFixed(1)} s, objective ${fmtUnits(fit.objective)}`,
  );
  console.log(markdownTable(['feature', ...STACK_KNOTS.map((k) => `day ${k}`)], STACK_FEATURES.map((f, j) => [f, ...fit.coefficients[j]!.map((c) => c.toFixed(4))])));
  console.log('');
  return {
    fittedOn:
      `Berka 1993, cuts ${cuts[0]} .. ${cuts[cuts.length - 1]}, ${tuning.length} windows + ${extraKept} training windows ` +
      `(${STACK_TRAINING_MIN_MONTHS}–${MIN_HISTORY_MONTHS - 1} months of history, ≥ ${STACK_TRAINING_MIN_HISTORY_DAYS} days), LAD, L1 penalty ${STACK_PENALTY}`,
    knots: [...STACK_KNOTS],
    features: [...STACK_FEATURES],
    coefficients: fit.coefficients,
  };
}

function printTiming(results: readonly WindowResult[]): void {
  const ms = results.map((r) => r.forecastMs).sort((a, b) => a - b);
  if (ms.length === 0) return;
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  const mean = ms.reduce((s, v) => s + v, 0) / ms.length;
  console.log(`time per forecast (runForecast, ${ms.length} windows): mean ${mean.toFixed(1)} ms, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${ms[ms.length - 1]!.toFixed(1)} ms\n`);
}

function withCalibration<A extends BenchAccount>(results: WindowResult<A>[], table: Calibration): WindowResult<A>[] {
  return results.map((r) => ({ ...r, confidence: confidenceFrom(r.features, table) }));
}

interface Thresholds {
  currency: string;
  /** LOW_BALANCE thresholds the alerts are scored at; the first is the one stated as primary. */
  lowBalanceCents: number[];
}

function printComparison(results: readonly WindowResult[], t: Thresholds, splits: [string, (r: WindowResult) => boolean][]): void {
  for (const [label, keep] of splits) {
    const subset = results.filter(keep);
    if (subset.length === 0) continue;
    const summaries = (pick: (r: WindowResult) => PathScore) => t.lowBalanceCents.map((c) => summarise(subset.map(pick), c));
    const methods: [string, Summary[]][] = [
      ['model', summaries((r) => r.model)],
      ['flat', summaries((r) => r.flat)],
      ['seasonal-naive', summaries((r) => r.seasonalNaive)],
    ];
    console.log(`### ${label}: ${subset.length} windows\n`);
    console.log(
      markdownTable(
        [
          'method',
          `daily-path MAE ${t.currency}`,
          `end-balance MAE ${t.currency}`,
          `min-balance MAE ${t.currency}`,
          ...t.lowBalanceCents.map((c) => `alert P / R < ${fmtUnits(c)} (predicted / realised)`),
        ],
        methods.map(([name, s]) => [
          name,
          fmtUnits(s[0]!.pathMae),
          fmtUnits(s[0]!.endMae),
          fmtUnits(s[0]!.minMae),
          ...s.map((x) => `${fmtPct(x.alertPrecision)} / ${fmtPct(x.alertRecall)} (${x.alertsPredicted} / ${x.alertsRealised})`),
        ]),
      ),
    );
    const skill = skillScore(methods[0]![1][0]!, [methods[1]![1][0]!, methods[2]![1][0]!]);
    console.log(`\nskill (1 − MAE_model / MAE_best_baseline, daily path) = ${fmtFixed(skill, 3)} — target ≥ ${SKILL_TARGET}: ${skill >= SKILL_TARGET ? 'met' : 'NOT met'}\n`);
  }
}

function printPerCut(results: readonly WindowResult[], currency: string): void {
  const cuts = [...new Set(results.map((r) => r.window.cut))].sort();
  const rows = cuts.map((cut) => {
    const subset = results.filter((r) => r.window.cut === cut);
    const mae = (pick: (r: WindowResult) => PathScore) => subset.reduce((s, r) => s + pick(r).pathAbsError, 0) / subset.length;
    const [model, flat, naive] = [mae((r) => r.model), mae((r) => r.flat), mae((r) => r.seasonalNaive)];
    return [cut, subset.length, fmtUnits(model), fmtUnits(flat), fmtUnits(naive), fmtFixed(1 - model / Math.min(flat, naive))];
  });
  console.log(`### Daily-path MAE by cut date (${currency})\n`);
  console.log(markdownTable(['cut', 'windows', 'model', 'flat', 'seasonal-naive', 'skill'], rows));
  console.log('');
}

/**
 * The model's three tuned constants (model-params.ts) around their chosen values: chosen on the tuning
 * cuts, the evaluation cuts shown alongside (not used for the choice).
 */
function sweep(windows: Parameters<typeof backtest>[0], tune: (r: WindowResult) => boolean): void {
  console.log(`\n### Parameter sweep (daily-path MAE CZK; chosen on the tuning cuts)\n`);
  const rows: (string | number)[][] = [];
  const d = DEFAULT_MODEL_PARAMS;
  const grid: Partial<ModelParams>[] = [];
  for (const everydayWeight of [0, 0.1, 0.3, 0.5, 1]) grid.push({ everydayWeight });
  for (const driftNoiseFactor of [0, 2, 8, 32]) grid.push({ driftNoiseFactor });
  for (const reversionWeight of [0, 0.35, 0.7, 1]) grid.push({ reversionWeight });
  grid.push({ typicalMonths: 3 }, { typicalMonths: 12 });
  for (const change of grid) {
    const params = { ...d, ...change };
    const results = backtest(windows, { lowBalanceThresholdCents: BERKA_LOW_BALANCE_CENTS[0]!, calibration, params, stack });
    const t = summarise(results.filter(tune).map((r) => r.model), BERKA_LOW_BALANCE_CENTS[0]!);
    const e = summarise(results.filter((r) => !tune(r)).map((r) => r.model), BERKA_LOW_BALANCE_CENTS[0]!);
    const [key, value] = Object.entries(change)[0]!;
    const chosen = d[key as keyof ModelParams] === value;
    rows.push([`${key} = ${value}${chosen ? ' (chosen)' : ''}`, fmtUnits(t.pathMae), fmtUnits(e.pathMae)]);
  }
  console.log(markdownTable(['parameter (others at their chosen values)', 'tuning MAE', 'evaluation MAE'], rows));
}
