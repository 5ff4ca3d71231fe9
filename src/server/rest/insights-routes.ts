import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badUserInput } from '../../errors/app-error.js';
import type { SharedServices } from '../../graphql/context.js';
import { moneyToCents } from '../../graphql/scalars.js';
import { MAX_HORIZON_DAYS } from '../../modules/insights/cashflow-service.js';
import type { Forecast } from '../../modules/insights/forecast/types.js';
import { DEFAULT_DAYS_IN_PERIOD, type SafeToSpendInput } from '../../modules/insights/safe-to-spend.js';
import { safeToSpendJson } from '../../modules/insights/safe-to-spend-result.js';
import { assertUserId } from '../../modules/users/tenant-scope.js';
import { requestServices } from '../request-services.js';
import { withRestFieldNames } from './rest-field-names.js';

type Body = Record<string, unknown>;

function bodyOf(request: FastifyRequest): Body {
  if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) {
    throw badUserInput('The request body must be a JSON object.');
  }
  return request.body as Body;
}

/** A money field in dollars (a JSON number, at most two decimals) → cents, naming the field on error. */
function cents(value: unknown, field: string, fallback?: number): number {
  if (value === undefined || value === null) {
    if (fallback === undefined) throw badUserInput(`${field} is required.`, { field });
    return fallback;
  }
  if (typeof value !== 'number') throw badUserInput(`${field} must be a number.`, { field });
  try {
    return moneyToCents(value);
  } catch (e) {
    throw badUserInput(`${field}: ${(e as Error).message}`, { field });
  }
}

function integer(value: unknown, field: string, fallback?: number): number {
  if (value === undefined || value === null) {
    if (fallback === undefined) throw badUserInput(`${field} is required.`, { field });
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badUserInput(`${field} must be an integer.`, { field });
  return value;
}

/** The reference's snake_case request → the calculation's input (range checks happen in the calculation). */
function safeToSpendInput(b: Body): SafeToSpendInput {
  const bills = b.upcoming_bills ?? [];
  if (!Array.isArray(bills)) throw badUserInput('upcoming_bills must be an array.', { field: 'upcoming_bills' });
  return {
    cashBalanceCents: cents(b.cash_balance, 'cash_balance'),
    upcomingBills: bills.map((bill: unknown, i) => {
      if (!bill || typeof bill !== 'object') throw badUserInput(`upcoming_bills[${i}] must be an object.`, { field: `upcoming_bills[${i}]` });
      const o = bill as Body;
      const name = o.name === undefined || o.name === null ? null : String(o.name);
      return { amountCents: cents(o.amount, `upcoming_bills[${i}].amount`), dueInDays: integer(o.due_in_days, `upcoming_bills[${i}].due_in_days`), name };
    }),
    savingsCommitmentsCents: cents(b.savings_commitments, 'savings_commitments', 0),
    debtCommitmentsCents: cents(b.debt_commitments, 'debt_commitments', 0),
    cashBufferCents: cents(b.cash_buffer, 'cash_buffer', 0),
    daysInPeriod: integer(b.days_in_period, 'days_in_period', DEFAULT_DAYS_IN_PERIOD),
  };
}

/** The reference's GET /v1/insights/cashflow answer: its five fields, alert types in lower case. */
const cashflowJson = (f: Forecast) => ({
  horizon_days: f.horizonDays,
  projected_min_balance: f.projectedMinBalanceCents / 100,
  projected_min_date: f.projectedMinDate,
  confidence: Math.round(f.confidence * 100) / 100,
  alerts: f.alerts.map((a) => ({ type: a.type.toLowerCase(), date: a.date })),
});

/**
 * The reference's safe-to-spend and insights routes over the same services as GraphQL. The
 * reference shows the calculation at both /v1/... and /api/v1/...: both are served, identically.
 */
export function registerInsightsRoutes(app: FastifyInstance, services: SharedServices): void {
  const calculate = async (request: FastifyRequest) => {
    const b = bodyOf(request);
    if (b.end_user_id !== undefined) assertUserId(b.end_user_id, 'end_user_id');
    const input = safeToSpendInput(b);
    return safeToSpendJson(await withRestFieldNames(() => requestServices(request, services).insights.safeToSpend.calculate(input)));
  };
  app.post('/v1/calculate/safe-to-spend', calculate);
  app.post('/api/v1/calculate/safe-to-spend', calculate);

  // "Use /api/v1/ingest instead if you want AtlasForge to cache the result and fire a calculation.updated webhook."
  app.post('/api/v1/ingest', async (request) => {
    const b = bodyOf(request);
    const userId = assertUserId(b.end_user_id, 'end_user_id');
    const input = safeToSpendInput(b);
    return safeToSpendJson(await withRestFieldNames(() => requestServices(request, services).insights.safeToSpend.record(userId, input)));
  });

  app.get<{ Querystring: Record<string, unknown> }>('/v1/insights/cashflow', async (request) => {
    const q = request.query;
    const horizon = q.horizon_days === undefined ? 30 : /^\d+$/.test(String(q.horizon_days)) ? Number(q.horizon_days) : NaN;
    if (!(horizon >= 1 && horizon <= MAX_HORIZON_DAYS)) throw badUserInput(`horizon_days must be an integer from 1 to ${MAX_HORIZON_DAYS}.`, { field: 'horizon_days' });
    const { tenant, insights } = requestServices(request, services);
    const user = await tenant.findUser(assertUserId(q.user_id, 'user_id'));
    return cashflowJson(await insights.cashflow.forecast(user, horizon));
  });
}
