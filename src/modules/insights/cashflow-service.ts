import type { EndUserEntity } from '../../db/entities/index.js';
import { badUserInput } from '../../errors/app-error.js';
import type { PayLinkService } from '../atomic/paylink-service.js';
import type { PayrollService } from '../atomic/payroll-service.js';
import type { BankingService } from '../banking/banking-service.js';
import { addDays, isoDay } from './dates.js';
import { forecastCashflow } from './forecast/model.js';
import type { Forecast } from './forecast/types.js';
import { HISTORY_DAYS } from './safe-to-spend-service.js';
import { cashOf, toHistory } from './sources/bank-history.js';
import { billStreams } from './sources/paylink-bills.js';
import { payStreams } from './sources/payroll-pay.js';
import { RequestMemo } from '../request-memo.js';

export const MAX_HORIZON_DAYS = 90;

export interface CashflowDeps {
  banking: BankingService;
  paylink: PayLinkService;
  payroll: PayrollService;
  now?: () => Date;
}

/**
 * The cash-flow forecast for one user: adapters turn the user's depository history (Plaid),
 * PayLink bills and UserLink pay into the pure model's input. The projection starts tomorrow from
 * today's balance (today's posted transactions are in the history).
 */
export class CashflowService {
  /**
   * Forecasts made in this request, per (user, horizon): the model's simulation costs ~10–20 ms of
   * CPU per forecast, so the same forecast asked for under several aliases is computed once.
   */
  private readonly forecasts = new RequestMemo<string, Forecast>();

  constructor(private readonly d: CashflowDeps) {}

  forecast(user: EndUserEntity | null, horizonDays: number): Promise<Forecast> {
    if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
      return Promise.reject(badUserInput(`horizonDays must be an integer from 1 to ${MAX_HORIZON_DAYS}.`, { field: 'horizonDays' }));
    }
    return this.forecasts.get(`${user?.id ?? ''}|${horizonDays}`, () => this.compute(user, horizonDays));
  }

  private async compute(user: EndUserEntity | null, horizonDays: number): Promise<Forecast> {
    const today = isoDay(this.d.now?.() ?? new Date());
    const first = addDays(today, 1);
    const last = addDays(today, horizonDays);
    const userId = user?.externalUserId;
    const [history, bills, income, statements] = await Promise.all([
      this.d.banking.depositoryHistory(user, addDays(today, -HISTORY_DAYS)),
      userId ? this.d.paylink.bills(userId, 'DUE_DATE_ASC') : Promise.resolve([]),
      userId ? this.d.payroll.income(userId) : Promise.resolve([]),
      userId ? this.d.payroll.statements(userId) : Promise.resolve([]),
    ]);
    const forecast = forecastCashflow({
      asOf: today,
      startingBalanceCents: cashOf(history.accounts),
      horizonDays,
      history: toHistory(history.transactions),
      known: [...billStreams(bills, first, last, today), ...payStreams(income, statements, first)],
      openDay: { pending: toHistory(history.pending) },
    });
    // Without a checking or savings account there is no balance to project from (an unknown user,
    // another partner's, or one who never linked a bank): the path starts at 0, and a LOW_BALANCE
    // alert on that 0 would be a false alarm a partner could show to the end user.
    return history.accounts.length === 0 ? { ...forecast, confidence: 0, alerts: [] } : forecast;
  }
}
