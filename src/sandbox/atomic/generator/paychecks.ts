import { derivedObjectId } from '../ids.js';
import type { Job } from './jobs.js';
import { STATE_TAX } from './jobs.js';
import { addDays, at, createRng, epochDay, fromEpochDay, noon, roundCents, utcDay } from './rng.js';

/** A Friday, the anchor of every weekly and biweekly pay schedule (2020-01-03). */
const ANCHOR_FRIDAY = epochDay(new Date(Date.UTC(2020, 0, 3)));

export interface PayPeriod {
  start: Date;
  end: Date;
  payDate: Date;
}

/** The pay period that is paid on or after `day`'s period: weekly/biweekly end on a Saturday, paid six days later. */
function periodEndingOnOrAfter(job: Job, day: Date): PayPeriod {
  if (job.payCycle === 'semimonthly') {
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth();
    if (day.getUTCDate() <= 15) {
      const end = new Date(Date.UTC(y, m, 15));
      return { start: new Date(Date.UTC(y, m, 1)), end, payDate: end };
    }
    const end = new Date(Date.UTC(y, m + 1, 0));
    return { start: new Date(Date.UTC(y, m, 16)), end, payDate: end };
  }
  const cycle = job.payCycle === 'weekly' ? 7 : 14;
  const phase = job.payCycle === 'biweekly' ? job.biweeklyPhase * 7 : 0;
  // Period ends are the Saturdays six days before an anchor-aligned payday.
  const firstEnd = ANCHOR_FRIDAY + phase - 6;
  const k = Math.ceil((epochDay(day) - firstEnd) / cycle);
  const end = firstEnd + k * cycle;
  return { start: fromEpochDay(end - cycle + 1), end: fromEpochDay(end), payDate: fromEpochDay(end + 6) };
}

/** The period containing `day`. */
export function currentPeriod(job: Job, day: Date): PayPeriod {
  return periodEndingOnOrAfter(job, utcDay(day));
}

/** Every period paid in [from, to], oldest first. */
export function paidPeriods(job: Job, from: Date, to: Date): PayPeriod[] {
  const out: PayPeriod[] = [];
  // Step back far enough that the first period paid on/after `from` is included.
  let period = periodEndingOnOrAfter(job, addDays(utcDay(from), -20));
  while (period.payDate <= to) {
    if (period.payDate >= utcDay(from) && period.payDate >= utcDay(job.startDate)) out.push(period);
    period = periodEndingOnOrAfter(job, addDays(period.end, 1));
  }
  return out;
}

export function periodsPerYear(job: Job): number {
  return job.payCycle === 'weekly' ? 52 : job.payCycle === 'biweekly' ? 26 : 24;
}

interface Line {
  category: string;
  label?: string;
  rawLabel: string;
  amount: number;
  hours?: number;
  rate?: number;
}

/** One paycheck before year-to-date sums are added. */
export interface Paycheck {
  period: PayPeriod;
  hours: number;
  gross: number;
  earnings: Line[];
  deductions: Line[];
  adjustments: Array<{ label: string; amount: number }>;
  net: number;
}

export function paycheck(identifier: string, job: Job, state: string, period: PayPeriod): Paycheck {
  const rng = createRng(`atomic-paycheck:${identifier}:${job.key}:${epochDay(period.payDate)}`);
  const days = Math.round((period.end.getTime() - period.start.getTime()) / 86_400_000) + 1;
  const earnings: Line[] = [];
  let hours: number;
  if (job.kind === 'salaried') {
    hours = Math.round((job.weeklyHours * 52) / periodsPerYear(job));
    const amount = roundCents((job.annualSalary ?? 0) / periodsPerYear(job));
    earnings.push({ category: 'base', rawLabel: 'Regular Salary', amount, hours, rate: job.hourlyRate });
    const month = period.payDate.getUTCMonth();
    if (job.quarterlyBonus && [2, 5, 8, 11].includes(month) && period.payDate.getUTCDate() > 15) {
      earnings.push({ category: 'bonus', rawLabel: 'Quarterly Bonus', amount: roundCents(amount * 0.5) });
    }
  } else if (job.kind === 'hourly') {
    hours = Math.max(4, Math.round(((job.weeklyHours * days) / 7) * (0.9 + rng.next() * 0.2)));
    earnings.push({ category: 'base', rawLabel: 'Regular Pay', amount: roundCents(hours * job.hourlyRate), hours, rate: job.hourlyRate });
    if (rng.chance(0.25)) {
      const overtime = rng.int(2, 6);
      const rate = roundCents(job.hourlyRate * 1.5);
      earnings.push({ category: 'overtime', rawLabel: 'Overtime Pay', amount: roundCents(overtime * rate), hours: overtime, rate });
      hours += overtime;
    }
  } else {
    hours = Math.max(2, Math.round(job.weeklyHours * (0.6 + rng.next() * 0.8)));
    earnings.push({ category: 'base', rawLabel: 'Trip Earnings', amount: roundCents(hours * job.hourlyRate), hours });
    earnings.push({ category: 'other', rawLabel: 'Customer Tips', amount: roundCents(hours * rng.money(2, 6)) });
  }
  const gross = roundCents(earnings.reduce((sum, e) => sum + e.amount, 0));
  const deductions: Line[] = [];
  if (job.kind !== 'gig') {
    const retirement = roundCents(gross * job.retirementPct);
    const pretax = retirement + job.medicalPerCheck;
    const taxable = gross - pretax;
    const stateRate = STATE_TAX[state] ?? 0;
    deductions.push({ category: 'taxes', label: 'Federal Income Tax', rawLabel: 'Federal Income Tax', amount: roundCents(taxable * 0.115) });
    deductions.push({ category: 'taxes', label: 'Social Security', rawLabel: 'OASDI', amount: roundCents(gross * 0.062) });
    deductions.push({ category: 'taxes', label: 'Medicare', rawLabel: 'Medicare', amount: roundCents(gross * 0.0145) });
    if (stateRate > 0) {
      deductions.push({ category: 'taxes', label: 'State Income Tax', rawLabel: `${state} State Tax`, amount: roundCents(taxable * stateRate) });
    }
    if (retirement > 0) deductions.push({ category: 'retirement', label: '401(k)', rawLabel: '401K PRE-TAX', amount: retirement });
    if (job.medicalPerCheck > 0) {
      deductions.push({ category: 'benefits', label: 'Medical', rawLabel: 'MED PRE-TAX', amount: job.medicalPerCheck });
    }
  }
  const adjustments = job.kind !== 'gig' && rng.chance(0.15) ? [{ label: 'Mileage Reimbursement', amount: rng.money(12, 60) }] : [];
  const net = roundCents(gross - deductions.reduce((s, d) => s + d.amount, 0) + adjustments.reduce((s, a) => s + a.amount, 0));
  return { period, hours, gross, earnings, deductions, adjustments, net };
}

/** Paychecks of the calendar years covering [from, to], so year-to-date sums can be computed. */
export function paychecksThrough(identifier: string, job: Job, state: string, from: Date, to: Date): Paycheck[] {
  const yearStart = new Date(Date.UTC(from.getUTCFullYear(), 0, 1));
  return paidPeriods(job, yearStart, to).map((p) => paycheck(identifier, job, state, p));
}

/** The `statements` array: the last `count` paychecks up to today, oldest first, with YTD amounts. */
export function statements(identifier: string, job: Job, state: string, today: Date, count = 6): Record<string, unknown>[] {
  const from = addDays(today, -(count + 1) * 16);
  const checks = paychecksThrough(identifier, job, state, from, today);
  const ytd = new Map<string, number>();
  const ytdKey = (year: number, key: string) => `${year}:${key}`;
  const add = (year: number, key: string, amount: number): number => {
    const total = roundCents((ytd.get(ytdKey(year, key)) ?? 0) + amount);
    ytd.set(ytdKey(year, key), total);
    return total;
  };
  const rendered = checks.map((c) => {
    const year = c.period.payDate.getUTCFullYear();
    return {
      date: noon(c.period.payDate),
      payPeriodStartDate: noon(c.period.start),
      payPeriodEndDate: noon(c.period.end),
      grossAmount: c.gross,
      ytdGrossAmount: add(year, 'gross', c.gross),
      netAmount: c.net,
      ytdNetAmount: add(year, 'net', c.net),
      paymentMethod: 'deposit',
      hours: c.hours,
      deductions: c.deductions.map((d) => ({ ...d, ytdAmount: add(year, `d:${d.rawLabel}`, d.amount) })),
      earnings: c.earnings.map((e) => ({ ...e, ytdAmount: add(year, `e:${e.rawLabel}`, e.amount) })),
      netAmountAdjustments: c.adjustments,
      paystub: { _id: paystubId(identifier, job, c.period.payDate), url: '' },
    };
  });
  return rendered.slice(-count);
}

export function paystubId(identifier: string, job: Job, payDate: Date): string {
  return derivedObjectId(identifier, 'paystub', job.key, String(epochDay(payDate)));
}

/** The `income` object: pay rate, cycle and where the current pay period stands today. */
export function income(identifier: string, job: Job, state: string, now: Date): Record<string, unknown> {
  const today = utcDay(now);
  const current = currentPeriod(job, today);
  let next = current;
  // The next payday after today: the current period's, or an earlier period's still to be paid.
  for (let p = currentPeriod(job, addDays(current.start, -1)); p.payDate > today; p = currentPeriod(job, addDays(p.start, -1))) next = p;
  const check = paycheck(identifier, job, state, current);
  const netRatio = check.gross > 0 ? check.net / check.gross : 0.8;
  const annual =
    job.kind === 'salaried' ? (job.annualSalary ?? 0) : roundCents(job.hourlyRate * job.weeklyHours * 52);
  return {
    income: job.kind === 'salaried' ? annual : job.hourlyRate,
    incomeType: job.kind === 'salaried' ? 'yearly' : 'hourly',
    annualIncome: annual,
    hourlyIncome: job.hourlyRate,
    netHourlyRate: roundCents(job.hourlyRate * netRatio),
    payCycle: job.payCycle,
    nextExpectedPayDate: noon(next.payDate),
    currentPayPeriodStart: noon(current.start),
    currentPayPeriodEnd: noon(current.end),
    unpaidHoursInPayPeriod: unpaidHours(identifier, job, today),
  };
}

interface Shift {
  day: Date;
  minutes: number;
  startMinute: number;
}

/** Shifts worked on `day` (hourly jobs work most weekdays and some weekends). */
function shiftOn(identifier: string, job: Job, day: Date): Shift | undefined {
  const rng = createRng(`atomic-shift:${identifier}:${job.key}:${epochDay(day)}`);
  const daysPerWeek = Math.min(6, Math.max(3, Math.round(job.weeklyHours / 7.5)));
  if (!rng.chance(daysPerWeek / 7)) return undefined;
  const minutes = rng.pick([300, 340, 420, 480, 510]);
  return { day, minutes, startMinute: rng.pick([6 * 60, 7 * 60, 9 * 60, 13 * 60]) };
}

function unpaidHours(identifier: string, job: Job, today: Date): number {
  if (job.kind !== 'hourly') {
    // Salaried: working hours from the period start to yesterday, eight a weekday.
    let hours = 0;
    for (let d = currentPeriod(job, today).start; d < today; d = addDays(d, 1)) if (d.getUTCDay() % 6 !== 0) hours += 8;
    return job.kind === 'salaried' ? hours : 0;
  }
  let minutes = 0;
  for (let d = currentPeriod(job, today).start; d < today; d = addDays(d, 1)) minutes += shiftOn(identifier, job, d)?.minutes ?? 0;
  return Math.round(minutes / 60);
}

/** The last two weeks of shifts, newest first; shifts in the current pay period are not paid yet. */
export function timesheets(identifier: string, job: Job, now: Date): Record<string, unknown>[] {
  const today = utcDay(now);
  const periodStart = currentPeriod(job, today).start;
  const out: Record<string, unknown>[] = [];
  for (let i = 1; i <= 14; i++) {
    const day = addDays(today, -i);
    const shift = shiftOn(identifier, job, day);
    if (!shift) continue;
    out.push({
      duration: shift.minutes,
      date: noon(day),
      type: day >= periodStart ? 'unpaid' : 'paid',
      clockedIn: at(day, shift.startMinute),
      clockedOut: at(day, shift.startMinute + shift.minutes),
    });
  }
  return out;
}
