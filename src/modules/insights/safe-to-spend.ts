import { badUserInput } from '../../errors/app-error.js';

/**
 * The safe-to-spend calculation, in integer cents. Pure: the query, the live variant, the recorded
 * variant and the REST routes all end here. The formula and its rounding are in the README
 * ("Safe-to-spend").
 */

export type BillSource = 'INPUT' | 'PAYLINK' | 'TRANSACTIONS';

export interface SafeToSpendBillInput {
  amountCents: number;
  dueInDays: number;
  name?: string | null;
  source?: BillSource;
}

export interface SafeToSpendInput {
  cashBalanceCents: number;
  upcomingBills: SafeToSpendBillInput[];
  savingsCommitmentsCents: number;
  debtCommitmentsCents: number;
  cashBufferCents: number;
  daysInPeriod: number;
}

export interface CountedBill {
  name: string | null;
  amountCents: number;
  dueInDays: number;
  source: BillSource;
}

export interface BreakdownFigures {
  cashAfterBufferCents: number;
  upcomingBillsTotalCents: number;
  savingsCommitmentsCents: number;
  debtCommitmentsCents: number;
  discretionaryPoolCents: number;
  daysInPeriod: number;
  /** The bills counted (due within the period), soonest first. */
  bills: CountedBill[];
}

export interface SafeToSpendFigures {
  safeToSpendTodayCents: number;
  dailyAllowanceCents: number;
  monthlySafeToSpendCents: number;
  /** How far the commitments exceed the cash after the buffer; 0 when they fit. */
  shortfallCents: number;
  breakdown: BreakdownFigures;
}

export const DEFAULT_DAYS_IN_PERIOD = 30;
const MAX_DAYS_IN_PERIOD = 366;

function assertAmount(cents: number, field: string): void {
  if (!Number.isSafeInteger(cents)) throw badUserInput(`${field} must be a finite amount with at most two decimals.`, { field });
  if (cents < 0) throw badUserInput(`${field} must not be negative.`, { field });
}

/** Rejects what the calculation cannot mean; nothing is computed (or stored) for bad input. */
export function validateSafeToSpendInput(input: SafeToSpendInput): void {
  assertAmount(input.cashBalanceCents, 'cashBalance');
  assertAmount(input.savingsCommitmentsCents, 'savingsCommitments');
  assertAmount(input.debtCommitmentsCents, 'debtCommitments');
  assertAmount(input.cashBufferCents, 'cashBuffer');
  if (!Number.isInteger(input.daysInPeriod) || input.daysInPeriod < 1 || input.daysInPeriod > MAX_DAYS_IN_PERIOD) {
    throw badUserInput(`daysInPeriod must be an integer from 1 to ${MAX_DAYS_IN_PERIOD}.`, { field: 'daysInPeriod' });
  }
  input.upcomingBills.forEach((bill, i) => {
    assertAmount(bill.amountCents, `upcomingBills[${i}].amount`);
    if (!Number.isInteger(bill.dueInDays) || bill.dueInDays < 0) {
      throw badUserInput(`upcomingBills[${i}].dueInDays must be a whole number of days, 0 or more.`, { field: `upcomingBills[${i}].dueInDays` });
    }
  });
}

/**
 * pool = max(0, (cash − buffer) − bills due within the period − savings − debt), and the daily
 * allowance is the pool spread over the period, rounded down to the cent so the allowance times
 * the days never exceeds the pool. A bill counts when dueInDays ≤ daysInPeriod: one due exactly
 * as the period ends is still counted, because leaving it out would overstate what is safe to spend.
 * Today's safe-to-spend is the daily allowance (the reference shows them equal): a bill due today is
 * already in the pool's deduction, so it does not lower today's figure a second time.
 */
export function calculateSafeToSpend(input: SafeToSpendInput): SafeToSpendFigures {
  validateSafeToSpendInput(input);
  const bills = input.upcomingBills
    .filter((b) => b.dueInDays <= input.daysInPeriod)
    .map((b) => ({ name: b.name ?? null, amountCents: b.amountCents, dueInDays: b.dueInDays, source: b.source ?? 'INPUT' }))
    .sort((a, b) => a.dueInDays - b.dueInDays);
  const billsTotal = bills.reduce((sum, b) => sum + b.amountCents, 0);
  const cashAfterBuffer = input.cashBalanceCents - input.cashBufferCents;
  const remaining = cashAfterBuffer - billsTotal - input.savingsCommitmentsCents - input.debtCommitmentsCents;
  const pool = Math.max(0, remaining);
  const daily = Math.floor(pool / input.daysInPeriod);
  return {
    safeToSpendTodayCents: daily,
    dailyAllowanceCents: daily,
    monthlySafeToSpendCents: pool,
    shortfallCents: Math.max(0, -remaining),
    breakdown: {
      cashAfterBufferCents: cashAfterBuffer,
      upcomingBillsTotalCents: billsTotal,
      savingsCommitmentsCents: input.savingsCommitmentsCents,
      debtCommitmentsCents: input.debtCommitmentsCents,
      discretionaryPoolCents: pool,
      daysInPeriod: input.daysInPeriod,
      bills,
    },
  };
}
