import type { TransferRail } from '../../db/entities/index.js';

/**
 * Rail choice and settlement estimate (README, "Transfers"). Pure, so the rules are unit-tested
 * at fixed instants.
 *
 * - `rtp` when the destination is one of the user's linked accounts whose institution takes RTP
 *   credits (Plaid's /transfer/capabilities/get) and the amount is within the RTP network limit;
 * - else `same-day-ach` on a business day before the cut-off and within the same-day ACH limit;
 * - else `ach`.
 */
export const RTP_LIMIT_CENTS = 100_000_000; // $1,000,000, the RTP network's per-payment limit
export const SAME_DAY_ACH_LIMIT_CENTS = 100_000_000; // $1,000,000, Nacha's same-day ACH limit
/** Same-day ACH cut-off, 20:00 UTC (3 pm Eastern standard time); later instructions go next-day. */
export const SAME_DAY_CUTOFF_UTC_HOUR = 20;
/** Plaid settles ACH at the end of the settlement day; the estimate is 22:00 UTC that day. */
const SETTLEMENT_UTC_HOUR = 22;

const isBusinessDay = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;

function nextBusinessDayAt(from: Date, hourUtc: number, skip: number): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), hourUtc));
  let left = skip;
  while (left > 0 || !isBusinessDay(d)) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

export function chooseRail(opts: { amountCents: number; destinationRtpEligible: boolean; now: Date }): TransferRail {
  if (opts.destinationRtpEligible && opts.amountCents <= RTP_LIMIT_CENTS) return 'rtp';
  const beforeCutoff = isBusinessDay(opts.now) && opts.now.getUTCHours() < SAME_DAY_CUTOFF_UTC_HOUR;
  if (beforeCutoff && opts.amountCents <= SAME_DAY_ACH_LIMIT_CENTS) return 'same-day-ach';
  return 'ach';
}

/**
 * RTP settles in seconds (estimate: one minute); same-day ACH at the end of today's settlement
 * window; standard ACH at the end of the next business day.
 */
export function estimatedSettlement(rail: TransferRail, now: Date): Date {
  if (rail === 'rtp') return new Date(now.getTime() + 60_000);
  if (rail === 'same-day-ach') return nextBusinessDayAt(now, SETTLEMENT_UTC_HOUR, 0);
  return nextBusinessDayAt(now, SETTLEMENT_UTC_HOUR, 1);
}

/** The Plaid network the debit leg runs on: RTP carries credits only, so the pull from the source account is ACH. */
export function debitNetwork(rail: TransferRail): 'ach' | 'same-day-ach' {
  return rail === 'ach' ? 'ach' : 'same-day-ach';
}
