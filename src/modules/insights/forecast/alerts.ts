/**
 * Alert rules over a projected daily path:
 * - LOW_BALANCE: the first day of each run of days whose end-of-day balance is below the threshold;
 * - OVERDRAFT: the same for a balance below zero;
 * - BILL_AT_RISK: a scheduled outflow (a known bill or a detected recurring payment) falls on a day
 *   that starts with less money than the bill (the previous day's end-of-day balance, before any
 *   of that day's flows, so a same-day deposit is not relied on).
 * amountCents is the projected end-of-day balance for the balance alerts and the bill's signed
 * amount (negative) for BILL_AT_RISK.
 */
import { formatCents } from './format.js';
import type { ForecastAlert, ForecastDay } from './types.js';

/** Default LOW_BALANCE threshold: 100.00 in the account's currency. */
export const DEFAULT_LOW_BALANCE_THRESHOLD_CENTS = 10_000;

export interface ScheduledFlow {
  date: string;
  name: string;
  /** Signed cents. */
  amountCents: number;
}

export function buildAlerts(
  startingBalanceCents: number,
  daily: readonly ForecastDay[],
  scheduled: readonly ScheduledFlow[],
  thresholdCents: number,
): ForecastAlert[] {
  const alerts: ForecastAlert[] = [
    ...belowRuns(daily, thresholdCents).map(
      ({ first, lowest }): ForecastAlert => ({
        type: 'LOW_BALANCE',
        date: first.date,
        amountCents: first.balanceCents,
        message:
          `Balance projected to fall below ${formatCents(thresholdCents)} on ${first.date} ` +
          `(${formatCents(first.balanceCents)}; lowest ${formatCents(lowest.balanceCents)} on ${lowest.date}).`,
      }),
    ),
    ...belowRuns(daily, 0).map(
      ({ first, lowest }): ForecastAlert => ({
        type: 'OVERDRAFT',
        date: first.date,
        amountCents: first.balanceCents,
        message:
          `Account projected to be overdrawn on ${first.date} (${formatCents(first.balanceCents)}; ` +
          `lowest ${formatCents(lowest.balanceCents)} on ${lowest.date}).`,
      }),
    ),
    ...billsAtRisk(startingBalanceCents, daily, scheduled),
  ];
  const order = { OVERDRAFT: 0, LOW_BALANCE: 1, BILL_AT_RISK: 2 } as const;
  return alerts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.type] - order[b.type]));
}

/** Maximal runs of consecutive days below `limit`: their first day and their lowest day. */
function belowRuns(daily: readonly ForecastDay[], limit: number): { first: ForecastDay; lowest: ForecastDay }[] {
  const runs: { first: ForecastDay; lowest: ForecastDay }[] = [];
  let current: { first: ForecastDay; lowest: ForecastDay } | null = null;
  for (const day of daily) {
    if (day.balanceCents < limit) {
      if (!current) {
        current = { first: day, lowest: day };
        runs.push(current);
      } else if (day.balanceCents < current.lowest.balanceCents) current.lowest = day;
    } else current = null;
  }
  return runs;
}

function billsAtRisk(startingBalanceCents: number, daily: readonly ForecastDay[], scheduled: readonly ScheduledFlow[]): ForecastAlert[] {
  const openingBalance = new Map<string, number>();
  daily.forEach((day, i) => openingBalance.set(day.date, i === 0 ? startingBalanceCents : daily[i - 1]!.balanceCents));
  const alerts: ForecastAlert[] = [];
  for (const flow of scheduled) {
    const opening = openingBalance.get(flow.date);
    if (flow.amountCents >= 0 || opening === undefined || opening >= -flow.amountCents) continue;
    alerts.push({
      type: 'BILL_AT_RISK',
      date: flow.date,
      amountCents: flow.amountCents,
      message:
        `${flow.name} (${formatCents(-flow.amountCents)}) is due on ${flow.date}, ` +
        `but the balance that morning is projected at ${formatCents(opening)}.`,
    });
  }
  return alerts;
}
