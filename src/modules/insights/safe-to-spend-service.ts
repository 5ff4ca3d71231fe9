import type { EntityManager } from '@mikro-orm/knex';
import { SafeToSpendCalculation, type EndUserEntity } from '../../db/entities/index.js';
import type { PayLinkService } from '../atomic/paylink-service.js';
import type { BankingService } from '../banking/banking-service.js';
import { emitEvent } from '../outbox/outbox.js';
import type { AuthenticatedPartner } from '../partners/partner-types.js';
import type { TenantScope } from '../users/tenant-scope.js';
import { addDays, isoDay } from './dates.js';
import { calculateSafeToSpend, DEFAULT_DAYS_IN_PERIOD, type SafeToSpendBillInput, type SafeToSpendInput } from './safe-to-spend.js';
import { newCalculationId, safeToSpendJson, type SafeToSpendResult } from './safe-to-spend-result.js';
import { cashOf, toHistory, withoutSavingTransfers } from './sources/bank-history.js';
import { detectedBills } from './sources/detected-bills.js';
import { billOccurrences, billStreams, dueInDays } from './sources/paylink-bills.js';

/** How much transaction history recurring-outflow detection looks at (annual streams need a year). */
export const HISTORY_DAYS = 400;

export interface SafeToSpendDeps {
  em: EntityManager;
  partner: AuthenticatedPartner;
  tenant: TenantScope;
  banking: BankingService;
  paylink: PayLinkService;
  now?: () => Date;
}

export type SafeToSpendOverrides = Omit<SafeToSpendInput, 'cashBalanceCents' | 'upcomingBills'>;

/** Safe-to-spend for one request's partner: from explicit inputs, from live data, recorded. */
export class SafeToSpendService {
  constructor(private readonly d: SafeToSpendDeps) {}

  private now(): Date {
    return this.d.now?.() ?? new Date();
  }

  private result(input: SafeToSpendInput): SafeToSpendResult {
    return { figures: calculateSafeToSpend(input), calculationId: newCalculationId(), calculatedAt: this.now(), isSandbox: this.d.partner.keyMode === 'test' };
  }

  /** The calculation from explicit inputs; nothing is stored. */
  calculate(input: SafeToSpendInput): SafeToSpendResult {
    return this.result(input);
  }

  /**
   * From the user's live data. Cash: available balances of depository accounts. Bills: PayLink
   * bills falling due in the period, plus the period's occurrences of recurring outflows detected
   * in the transactions (today's included until it posts or is pending), except those a PayLink
   * bill already covers (the same bill paid from the bank account would otherwise count twice) and
   * transfers to the user's own savings or investments (savings is an argument, not a bill).
   */
  async live(user: EndUserEntity | null, overrides: Partial<SafeToSpendOverrides>): Promise<SafeToSpendResult> {
    const days = overrides.daysInPeriod ?? DEFAULT_DAYS_IN_PERIOD;
    const base = { savingsCommitmentsCents: 0, debtCommitmentsCents: 0, cashBufferCents: 0, ...overrides, daysInPeriod: days };
    // Validate the caller's part before reaching any provider.
    calculateSafeToSpend({ ...base, cashBalanceCents: 0, upcomingBills: [] });
    const today = isoDay(this.now());
    const end = addDays(today, days);
    const [history, bills] = await Promise.all([
      this.d.banking.depositoryHistory(user, addDays(today, -HISTORY_DAYS)),
      user ? this.d.paylink.bills(user.externalUserId, 'DUE_DATE_ASC') : Promise.resolve([]),
    ]);
    const upcoming: SafeToSpendBillInput[] = billOccurrences(bills, today, end).map((o) => ({
      name: o.name,
      amountCents: o.amountCents,
      dueInDays: dueInDays(today, o.date),
      source: 'PAYLINK',
    }));
    upcoming.push(
      ...detectedBills({
        history: toHistory(withoutSavingTransfers(history.transactions)),
        pending: toHistory(withoutSavingTransfers(history.pending)),
        known: billStreams(bills, today, end),
        today,
        end,
      }),
    );
    return this.result({ ...base, cashBalanceCents: Math.max(0, cashOf(history.accounts)), upcomingBills: upcoming });
  }

  /**
   * Calculates, stores the result as the user's latest and puts a `calculation.updated` event in the
   * outbox, all in one transaction: bad input writes nothing, and the event exists only if the
   * result was stored.
   */
  async record(externalUserId: string, input: SafeToSpendInput): Promise<SafeToSpendResult> {
    const result = this.result(input);
    await this.d.em.transactional(async (em) => {
      const user = await this.d.tenant.ensureUser(externalUserId, em);
      em.create(SafeToSpendCalculation, {
        endUser: user.id,
        calculationId: result.calculationId,
        calculatedAt: result.calculatedAt,
        isSandbox: result.isSandbox,
        figures: result.figures,
      });
      emitEvent(em, { partnerId: this.d.partner.id, keyMode: this.d.partner.keyMode }, 'calculation.updated', { user_id: externalUserId, calculation: safeToSpendJson(result) });
    });
    return result;
  }

  async latest(user: EndUserEntity | null): Promise<SafeToSpendResult | null> {
    if (!user) return null;
    const row = await this.d.em.findOne(SafeToSpendCalculation, { endUser: user.id }, { orderBy: { calculatedAt: 'desc', id: 'desc' } });
    return row ? { figures: row.figures, calculationId: row.calculationId, calculatedAt: row.calculatedAt, isSandbox: row.isSandbox } : null;
  }
}
