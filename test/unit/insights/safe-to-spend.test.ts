import { describe, expect, it } from '@jest/globals';
import { calculateSafeToSpend, type SafeToSpendInput } from '../../../src/modules/insights/safe-to-spend.js';

/** The AtlasForge reference's request, in cents. */
const REFERENCE: SafeToSpendInput = {
  cashBalanceCents: 421_850,
  upcomingBills: [{ amountCents: 145_000, dueInDays: 9 }],
  savingsCommitmentsCents: 20_000,
  debtCommitmentsCents: 0,
  cashBufferCents: 25_000,
  daysInPeriod: 30,
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    const ext = (e as { extensions?: Record<string, unknown> }).extensions ?? {};
    return { code: ext.code, field: ext.field };
  }
  return null;
};

describe('calculateSafeToSpend', () => {
  it('computes the reference example from its own breakdown: pool 2318.50, not the 2353.50 it prints', () => {
    const r = calculateSafeToSpend(REFERENCE);
    expect(r.breakdown).toMatchObject({
      cashAfterBufferCents: 396_850,
      upcomingBillsTotalCents: 145_000,
      savingsCommitmentsCents: 20_000,
      debtCommitmentsCents: 0,
      discretionaryPoolCents: 231_850,
      daysInPeriod: 30,
    });
    expect(r.monthlySafeToSpendCents).toBe(231_850);
    // 231,850 / 30 = 7,728.33… → rounded down to 7,728 cents.
    expect(r.dailyAllowanceCents).toBe(7_728);
    expect(r.safeToSpendTodayCents).toBe(7_728);
    expect(r.shortfallCents).toBe(0);
    expect(r.breakdown.bills).toEqual([{ name: null, amountCents: 145_000, dueInDays: 9, source: 'INPUT' }]);
  });

  it('rounds the daily allowance down to the cent, so allowance × days never exceeds the pool', () => {
    const r = calculateSafeToSpend({ ...REFERENCE, upcomingBills: [], savingsCommitmentsCents: 0, cashBufferCents: 0, cashBalanceCents: 100, daysInPeriod: 3 });
    expect(r.dailyAllowanceCents).toBe(33);
    expect(r.dailyAllowanceCents * 3).toBeLessThanOrEqual(r.monthlySafeToSpendCents);
    // Exactly divisible stays exact.
    expect(calculateSafeToSpend({ ...REFERENCE, upcomingBills: [], savingsCommitmentsCents: 0, cashBufferCents: 0, cashBalanceCents: 235_350 }).dailyAllowanceCents).toBe(7_845);
  });

  it('counts bills due on or before the period’s end and excludes later ones', () => {
    const r = calculateSafeToSpend({
      ...REFERENCE,
      upcomingBills: [
        { amountCents: 1_000, dueInDays: 0, name: 'today' },
        { amountCents: 2_000, dueInDays: 30, name: 'last day' },
        { amountCents: 4_000, dueInDays: 31, name: 'next period' },
        { amountCents: 8_000, dueInDays: 5, name: 'soon', source: 'PAYLINK' },
      ],
    });
    expect(r.breakdown.upcomingBillsTotalCents).toBe(11_000);
    expect(r.breakdown.bills.map((b) => b.name)).toEqual(['today', 'soon', 'last day']);
  });

  it('never lets the pool go negative: the shortfall is reported on its own', () => {
    const r = calculateSafeToSpend({ ...REFERENCE, cashBalanceCents: 100_000 });
    // 100,000 − 25,000 − 145,000 − 20,000 = −90,000
    expect(r.breakdown.cashAfterBufferCents).toBe(75_000);
    expect(r.breakdown.discretionaryPoolCents).toBe(0);
    expect(r.monthlySafeToSpendCents).toBe(0);
    expect(r.dailyAllowanceCents).toBe(0);
    expect(r.shortfallCents).toBe(90_000);
  });

  it('reports a cash balance below the buffer as a negative cash-after-buffer and a shortfall', () => {
    const r = calculateSafeToSpend({ ...REFERENCE, cashBalanceCents: 10_000, upcomingBills: [], savingsCommitmentsCents: 0 });
    expect(r.breakdown.cashAfterBufferCents).toBe(-15_000);
    expect(r.shortfallCents).toBe(15_000);
  });

  it.each([
    [{ cashBalanceCents: -1 }, 'cashBalance'],
    [{ cashBufferCents: -500 }, 'cashBuffer'],
    [{ savingsCommitmentsCents: Number.NaN }, 'savingsCommitments'],
    [{ debtCommitmentsCents: Number.POSITIVE_INFINITY }, 'debtCommitments'],
    [{ upcomingBills: [{ amountCents: -100, dueInDays: 3 }] }, 'upcomingBills[0].amount'],
    [{ upcomingBills: [{ amountCents: 100, dueInDays: -1 }] }, 'upcomingBills[0].dueInDays'],
    [{ upcomingBills: [{ amountCents: 100, dueInDays: 1.5 }] }, 'upcomingBills[0].dueInDays'],
    [{ daysInPeriod: 0 }, 'daysInPeriod'],
    [{ daysInPeriod: 367 }, 'daysInPeriod'],
  ] as [Partial<SafeToSpendInput>, string][])('rejects %j with BAD_USER_INPUT on %s', (patch, field) => {
    expect(codeOf(() => calculateSafeToSpend({ ...REFERENCE, ...patch }))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('accepts the period bounds 1 and 366', () => {
    // One day: the bill due in 9 days falls outside the period.
    expect(calculateSafeToSpend({ ...REFERENCE, daysInPeriod: 1 }).dailyAllowanceCents).toBe(376_850);
    expect(calculateSafeToSpend({ ...REFERENCE, daysInPeriod: 366 }).dailyAllowanceCents).toBe(633);
  });
});
