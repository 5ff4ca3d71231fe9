import { addDays, isoDate, utcDay } from '../generator/dates.js';
import type { TransferNetwork } from './types.js';

/** Dates Plaid reports on a transfer, `YYYY-MM-DD`; null where the network has no such thing. */
export interface TransferDates {
  expected_settlement_date: string;
  standard_return_window: string | null;
  unauthorized_return_window: string | null;
}

/** Weekends are not banking days (federal holidays are ignored: the emulator keeps no calendar). */
const isBankingDay = (day: Date): boolean => day.getUTCDay() !== 0 && day.getUTCDay() !== 6;

function onOrAfterBankingDay(day: Date): Date {
  let d = day;
  while (!isBankingDay(d)) d = addDays(d, 1);
  return d;
}

function addBankingDays(day: Date, count: number): Date {
  let d = day;
  for (let left = count; left > 0; ) {
    d = addDays(d, 1);
    if (isBankingDay(d)) left -= 1;
  }
  return d;
}

/**
 * When a transfer created at `created` settles: RTP the same day, same-day ACH on the first banking
 * day, standard ACH one banking day later. ACH return windows run from settlement: 3 banking days for
 * standard returns (R01, R02, R03, R29), 61 for unauthorized ones (R05, R07, R10...); they are
 * ACH rules, so RTP transfers have none.
 */
export function transferDates(network: TransferNetwork, created: Date): TransferDates {
  const day = utcDay(created);
  if (network === 'rtp') return { expected_settlement_date: isoDate(day), standard_return_window: null, unauthorized_return_window: null };
  const firstBankingDay = onOrAfterBankingDay(day);
  const settlement = network === 'same-day-ach' ? firstBankingDay : addBankingDays(firstBankingDay, 1);
  return {
    expected_settlement_date: isoDate(settlement),
    standard_return_window: isoDate(addBankingDays(settlement, 3)),
    unauthorized_return_window: isoDate(addBankingDays(settlement, 61)),
  };
}
