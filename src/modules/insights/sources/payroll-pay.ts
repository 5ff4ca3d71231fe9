import type { IncomeItem, StatementItem } from '../../atomic/type-resolvers.js';
import { addDays, addMonthsClamped } from '../dates.js';
import type { Cadence, KnownStream } from '../forecast/types.js';

const PAY_CADENCE: Record<string, Cadence> = {
  weekly: 'WEEKLY',
  biweekly: 'BIWEEKLY',
  semimonthly: 'SEMI_MONTHLY',
  'semi-monthly': 'SEMI_MONTHLY',
  monthly: 'MONTHLY',
};

/** Rolls a pay date that has passed forward by its cycle until it is on or after `from`. */
function nextOnOrAfter(date: string, cadence: Cadence, from: string): string {
  let d = date;
  for (let i = 0; d < from && i < 1000; i++) {
    if (cadence === 'WEEKLY') d = addDays(d, 7);
    else if (cadence === 'BIWEEKLY') d = addDays(d, 14);
    else if (cadence === 'SEMI_MONTHLY') d = addDays(d, 15);
    else d = addMonthsClamped(d, 1);
  }
  return d;
}

/**
 * UserLink pay as a known inflow per payroll connection: the next expected pay date and pay cycle
 * from `income`, the net amount of that connection's latest pay statement. A connection without a
 * statement or a next pay date is left to the transaction history.
 */
export function payStreams(income: IncomeItem[], statements: StatementItem[], from: string): KnownStream[] {
  const streams: KnownStream[] = [];
  for (const item of income) {
    const cadence = item.payCycle ? PAY_CADENCE[item.payCycle.toLowerCase()] : undefined;
    if (!cadence || !item.nextExpectedPayDate) continue;
    const latest = statements
      .filter((s) => s.source.linkedAccount === item.source.linkedAccount && s.netAmount != null && s.date)
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
    if (!latest) continue;
    streams.push({
      name: item.source.company?.name ? `${item.source.company.name} payroll` : 'Payroll',
      amountCents: Math.round(latest.netAmount! * 100),
      cadence,
      nextDate: nextOnOrAfter(item.nextExpectedPayDate.slice(0, 10), cadence, from),
      source: 'PAYROLL',
    });
  }
  return streams;
}
