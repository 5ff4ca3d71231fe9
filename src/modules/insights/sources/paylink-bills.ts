import type { AtomicBillingCycle } from '../../../upstreams/atomic/atomic-wire.js';
import type { BillModel } from '../../atomic/type-resolvers.js';
import { isCalendarDate } from '../../../validation/calendar.js';
import { addMonthsClamped, daysBetween } from '../dates.js';
import type { Cadence, KnownStream } from '../forecast/types.js';

/** Atomic's billing cycles in months; the ones the model has a cadence for map to it. */
const CYCLE_MONTHS: Record<AtomicBillingCycle, number> = {
  monthly: 1,
  'bi-monthly': 2,
  'every-three-months': 3,
  'every-six-months': 6,
  annually: 12,
};
const CYCLE_CADENCE: Partial<Record<AtomicBillingCycle, Cadence>> = { monthly: 'MONTHLY', 'every-three-months': 'QUARTERLY', annually: 'ANNUAL' };

export interface BillOccurrence {
  name: string | null;
  amountCents: number;
  date: string;
}

const billName = (b: BillModel) => b.name ?? b.company?.name ?? b.parentAccount?.company?.name ?? null;

/** A payment this many days before a due date (or on it) pays that occurrence: less than the shortest cycle, a month. */
const PAID_EARLY_DAYS = 7;

/**
 * Every date in [from, to] on which a PayLink bill falls due: its dueDate, then every billing
 * cycle after it (a bill without a cycle is due once). Bills without an amount or due date cannot
 * be counted and are skipped. Due dates already past roll forward by the cycle: a monthly bill
 * whose last due date was the 3rd is next due on the 3rd of the next month. An occurrence its
 * `paymentHistory` shows paid (on its day or up to a week before) is not due again: the bank
 * balance already lost that money, e.g. a bill due today and paid this morning.
 */
export function billOccurrences(bills: BillModel[], from: string, to: string): BillOccurrence[] {
  const out: BillOccurrence[] = [];
  for (const bill of bills) {
    if (bill.amount == null || !bill.dueDate) continue;
    const amountCents = Math.round(bill.amount * 100);
    const first = bill.dueDate.slice(0, 10);
    const step = bill.billingCycle ? CYCLE_MONTHS[bill.billingCycle] : null;
    for (let k = 0; k < 1000; k++) {
      if (k > 0 && step === null) break;
      const date = step === null ? first : addMonthsClamped(first, k * step);
      if (date > to) break;
      if (date >= from && !paidFor(bill, date)) out.push({ name: billName(bill), amountCents, date });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

function paidFor(bill: BillModel, due: string): boolean {
  return (bill.paymentHistory ?? []).some((p) => {
    const day = p.date?.slice(0, 10);
    if (!day || !isCalendarDate(day)) return false;
    const before = daysBetween(day, due);
    return before >= 0 && before <= PAID_EARLY_DAYS;
  });
}

/**
 * PayLink bills as the forecast's known outflows, over the forecast's days [from, to]. The live
 * forecast starts tomorrow from today's balance, so a bill due today and not yet paid is passed
 * as a one-off on `from` (`dueToday`): it leaves the account today or tomorrow either way.
 */
export function billStreams(bills: BillModel[], from: string, to: string, dueToday?: string): KnownStream[] {
  const streams: KnownStream[] = [];
  for (const bill of bills) {
    const cadence = bill.billingCycle ? (CYCLE_CADENCE[bill.billingCycle] ?? null) : null;
    const dates = billOccurrences([bill], from, to);
    if (dates.length === 0) continue;
    // A cadence the model knows is expanded by the model; any other is passed as its occurrences.
    const occurrences = cadence ? dates.slice(0, 1) : dates;
    for (const o of occurrences) streams.push({ name: o.name ?? 'PayLink bill', amountCents: -o.amountCents, cadence, nextDate: o.date, source: 'PAYLINK' });
  }
  if (dueToday) {
    for (const o of billOccurrences(bills, dueToday, dueToday)) {
      streams.push({ name: o.name ?? 'PayLink bill', amountCents: -o.amountCents, cadence: null, nextDate: from, source: 'PAYLINK' });
    }
  }
  return streams;
}

export const dueInDays = (today: string, date: string) => daysBetween(today, date);
