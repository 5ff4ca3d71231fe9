/**
 * Synthetic accounts from the Plaid emulator's history generator: the `checking` account of
 * `generateHistory(seed, END_DATE, MONTHS)` for seeds "forecast-bench-0", "forecast-bench-1", ...
 * Plaid signs money leaving the account as positive, so the balance sees -amount. The generator
 * has no balances: the path starts from STARTING_BALANCE_CENTS the day before the history begins
 * and adds each day's net. The description the model sees is the bank descriptor (`name`); the
 * `stream` key is kept as ground truth for the detector's recall and precision.
 */
import { generateHistory } from '../../src/sandbox/plaid/generator/history.js';
import type { RecurringPattern } from '../../src/sandbox/plaid/generator/types.js';
import { dayNumber } from '../../src/modules/insights/forecast/dates.js';
import type { BenchAccount, BenchTransaction } from './account.js';

export const END_DATE = '2026-06-30';
export const MONTHS = 18;
/** 1,500.00 USD: about two weeks of this synthetic person's outgoings. */
export const STARTING_BALANCE_CENTS = 150_000;

export interface SandboxAccount extends BenchAccount {
  /** Ground-truth recurring patterns of the checking account. */
  patterns: RecurringPattern[];
}

export function readPlaidSandbox(count: number): SandboxAccount[] {
  const accounts: SandboxAccount[] = [];
  for (let i = 0; i < count; i++) {
    const seed = `forecast-bench-${i}`;
    const history = generateHistory(seed, new Date(`${END_DATE}T00:00:00Z`), MONTHS);
    const transactions: BenchTransaction[] = history.transactions
      .filter((t) => t.account === 'checking')
      .map((t) => ({ date: t.date, amountCents: -Math.round(t.amount * 100), description: t.name, stream: t.stream }));
    const firstDay = dayNumber(history.startDate);
    const lastDay = dayNumber(history.endDate);
    const net = new Array<number>(lastDay - firstDay + 1).fill(0);
    for (const t of transactions) net[dayNumber(t.date) - firstDay]! += t.amountCents;
    let balance = STARTING_BALANCE_CENTS;
    const endOfDay = net.map((n) => (balance += n));
    accounts.push({
      id: seed,
      transactions,
      firstDay,
      lastDay,
      endOfDay,
      patterns: history.patterns.filter((p) => p.account === 'checking'),
    });
  }
  return accounts;
}
