import type { Resolvers, SafeToSpendInput as SafeToSpendGraphQLInput, SafeToSpendOverrides } from '../../generated/graphql.js';
import { assertUserId } from '../users/tenant-scope.js';
import { DEFAULT_DAYS_IN_PERIOD, type SafeToSpendInput } from './safe-to-spend.js';

/**
 * GraphQL input (Money already in cents) → the calculation's input. The schema's defaults are
 * applied by graphql-js; the fallbacks only satisfy the generated optional types.
 */
function fromInput(input: SafeToSpendGraphQLInput): SafeToSpendInput {
  return {
    cashBalanceCents: input.cashBalance,
    upcomingBills: (input.upcomingBills ?? []).map((b) => ({ amountCents: b.amount, dueInDays: b.dueInDays, name: b.name ?? null })),
    ...overridesOf(input),
  };
}

function overridesOf(o: SafeToSpendOverrides | SafeToSpendGraphQLInput) {
  return {
    savingsCommitmentsCents: o.savingsCommitments ?? 0,
    debtCommitmentsCents: o.debtCommitments ?? 0,
    cashBufferCents: o.cashBuffer ?? 0,
    daysInPeriod: o.daysInPeriod ?? DEFAULT_DAYS_IN_PERIOD,
  };
}

export const insightsResolvers: Resolvers = {
  Query: {
    safeToSpend: (_p, { input }, ctx) => ctx.insights.safeToSpend.calculate(fromInput(input)),
  },
  Mutation: {
    recordSafeToSpend: (_p, { userId, input }, ctx) => ctx.insights.safeToSpend.record(assertUserId(userId), fromInput(input)),
  },
  User: {
    safeToSpend: (user, { overrides }, ctx) =>
      ctx.insights.safeToSpend.live(user.row, overrides ? overridesOf(overrides) : {}),
    latestSafeToSpend: (user, _args, ctx) => ctx.insights.safeToSpend.latest(user.row),
    cashflow: (user, { horizonDays }, ctx) => ctx.insights.cashflow.forecast(user.row, horizonDays),
  },
  SafeToSpend: {
    safeToSpendToday: (r) => r.figures.safeToSpendTodayCents,
    dailyAllowance: (r) => r.figures.dailyAllowanceCents,
    monthlySafeToSpend: (r) => r.figures.monthlySafeToSpendCents,
    shortfall: (r) => r.figures.shortfallCents,
    breakdown: (r) => r.figures.breakdown,
    calculatedAt: (r) => r.calculatedAt.toISOString(),
  },
  SafeToSpendBreakdown: {
    cashAfterBuffer: (b) => b.cashAfterBufferCents,
    upcomingBillsTotal: (b) => b.upcomingBillsTotalCents,
    savingsCommitments: (b) => b.savingsCommitmentsCents,
    debtCommitments: (b) => b.debtCommitmentsCents,
    discretionaryPool: (b) => b.discretionaryPoolCents,
  },
  SafeToSpendBill: {
    amount: (b) => b.amountCents,
  },
  CashflowForecast: {
    startingBalance: (f) => f.startingBalanceCents,
    projectedMinBalance: (f) => f.projectedMinBalanceCents,
    projectedEndBalance: (f) => f.projectedEndBalanceCents,
  },
  CashflowDay: {
    balance: (d) => d.balanceCents,
    inflow: (d) => d.inflowCents,
    outflow: (d) => d.outflowCents,
  },
  CashflowAlert: { amount: (a) => a.amountCents },
  RecurringFlow: { amount: (r) => r.amountCents },
};
