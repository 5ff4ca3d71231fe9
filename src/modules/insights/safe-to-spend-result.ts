import { publicId } from '../../crypto/public-id.js';
import type { SafeToSpendFigures } from './safe-to-spend.js';
import { isoSeconds } from '../wire-time.js';

/** A calculation's figures with its identity: what GraphQL and REST serialise. */
export interface SafeToSpendResult {
  figures: SafeToSpendFigures;
  calculationId: string;
  calculatedAt: Date;
  isSandbox: boolean;
}

/**
 * `calc_` + 16 random base62 characters. The reference's example id (`calc_8M2nQ_2026-06-14`)
 * looks derived from the user and the day, but two calculations for one user on one day must not
 * share an id, so ours are random.
 */
export const newCalculationId = (): string => publicId('calc');

/** The reference's JSON response, field for field (dollars as JSON numbers). */
export function safeToSpendJson(r: SafeToSpendResult) {
  const d = (cents: number) => cents / 100;
  const b = r.figures.breakdown;
  return {
    safe_to_spend_today: d(r.figures.safeToSpendTodayCents),
    daily_allowance: d(r.figures.dailyAllowanceCents),
    monthly_safe_to_spend: d(r.figures.monthlySafeToSpendCents),
    breakdown: {
      cash_after_buffer: d(b.cashAfterBufferCents),
      upcoming_bills_total: d(b.upcomingBillsTotalCents),
      savings_commitments: d(b.savingsCommitmentsCents),
      debt_commitments: d(b.debtCommitmentsCents),
      discretionary_pool: d(b.discretionaryPoolCents),
      days_in_period: b.daysInPeriod,
    },
    calculation_id: r.calculationId,
    calculated_at: isoSeconds(r.calculatedAt),
    is_sandbox: r.isSandbox,
  };
}
