import { DINNER_SPOTS, EMPLOYERS, GROCERS, LANDLORDS, PFC, SUBSCRIPTIONS } from './catalog.js';
import { addDays, addMonths, isoDate, utcDay } from './dates.js';
import { createRng, hashBase62, roundCents, type Rng } from './prng.js';
import type {
  AccountKey,
  FinanceCategory,
  GeneratedHistory,
  GeneratedTransaction,
  PaymentChannel,
  RecurringPattern,
} from './types.js';

/** A transaction before it has its id (ids follow the final, date-sorted order). */
interface Draft extends Omit<GeneratedTransaction, 'id' | 'pending'> {
  /** Card and cash purchases; only these are still pending in the last days of the history. */
  discretionary: boolean;
}

/** Everything about the synthetic person that stays fixed for a seed: employer, rent, billing days. */
interface Profile {
  employer: (typeof EMPLOYERS)[number];
  netPay: number;
  firstPaydayWeeks: number;
  landlord: (typeof LANDLORDS)[number];
  rent: number;
  utilityDay: number;
  utilityBase: number;
  internetDay: number;
  phoneDay: number;
  phoneBase: number;
  subscriptionDays: number[];
  cardPaymentDay: number;
  savingsDay: number;
  grocerStores: string[];
  starbucksStore: string;
  chipotleStore: string;
  dinnerStores: string[];
}

/** Pending transactions are the purchases of the last this-many days, as at a real bank. */
const PENDING_DAYS = 3;

/**
 * A deterministic, realistic history of one Plaid sandbox user's checking and credit card accounts:
 * biweekly payroll, monthly rent, utilities, phone and internet, the Netflix/Hulu/Spotify/Amazon
 * Prime subscriptions, groceries, dining, fuel, rides, transfers and the monthly card payment.
 * Pure: the same seed, end day and months always give the same transactions with the same ids.
 */
export function generateHistory(seed: string, endDate: Date, months = 24): GeneratedHistory {
  if (!Number.isInteger(months) || months < 1) throw new RangeError('months must be a positive integer');
  if (Number.isNaN(endDate.getTime())) throw new RangeError('endDate must be a valid date');
  const rng = createRng(`plaid-emulator-history:${seed}`);
  const end = utcDay(endDate);
  const start = addDays(addMonths(end, -months), 1);
  const profile = drawProfile(rng);
  const drafts: Draft[] = [];
  const patterns: RecurringPattern[] = [];

  addPayroll(profile, start, end, drafts, patterns);
  addBills(rng, profile, start, end, drafts, patterns);
  addSubscriptions(profile, start, end, drafts, patterns);
  addEverydaySpending(rng, profile, start, end, drafts);
  addSavingsTransfers(rng, profile, start, end, drafts);
  // After everything else: the card payment settles what was charged to the card the month before.
  addCardPayments(profile, start, end, drafts, patterns);

  const pendingFrom = isoDate(addDays(end, -(PENDING_DAYS - 1)));
  // Quiet last days happen; top up so every history has a few pending transactions to post later.
  const pendingCount = drafts.filter((d) => d.discretionary && d.date >= pendingFrom).length;
  if (pendingCount < 2) {
    drafts.push(purchase(end, end, 'credit', 5.45, `STARBUCKS STORE ${profile.starbucksStore}`, 'Starbucks', PFC.coffee));
  }
  if (pendingCount < 1) {
    const store = `${GROCERS[0].descriptor}${profile.grocerStores[0]}`;
    drafts.push(purchase(addDays(end, -1), addDays(end, -1), 'checking', 64.18, store, GROCERS[0].merchant, PFC.groceries));
  }

  const transactions = drafts
    .map((draft, order) => ({ draft, order }))
    .sort((a, b) => (a.draft.date === b.draft.date ? a.order - b.order : a.draft.date < b.draft.date ? -1 : 1))
    .map(({ draft }, index): GeneratedTransaction => {
      const { discretionary, ...rest } = draft;
      const pending = discretionary && draft.date >= pendingFrom;
      return {
        ...rest,
        id: hashBase62(`${seed}:txn:${index}`),
        // A pending card authorisation has not been re-dated by the bank yet.
        authorizedDate: pending ? draft.date : draft.authorizedDate,
        pending,
      };
    });

  return { seed, startDate: isoDate(start), endDate: isoDate(end), transactions, patterns };
}

function drawProfile(rng: Rng): Profile {
  const storeNumber = (digits: number) => String(rng.int(1, 10 ** digits - 1)).padStart(digits, '0');
  return {
    employer: rng.pick(EMPLOYERS),
    netPay: rng.money(1650, 3400),
    firstPaydayWeeks: rng.int(0, 1),
    landlord: rng.pick(LANDLORDS),
    rent: rng.int(29, 53) * 50,
    utilityDay: rng.int(10, 20),
    utilityBase: rng.money(55, 90),
    internetDay: rng.int(3, 9),
    phoneDay: rng.int(18, 26),
    phoneBase: rng.money(65, 95),
    subscriptionDays: SUBSCRIPTIONS.map(() => rng.int(1, 28)),
    cardPaymentDay: rng.int(20, 27),
    savingsDay: rng.int(2, 8),
    grocerStores: GROCERS.map(() => storeNumber(3)),
    starbucksStore: storeNumber(5),
    chipotleStore: storeNumber(4),
    dinnerStores: DINNER_SPOTS.map(() => storeNumber(4)),
  };
}

function addPayroll(p: Profile, start: Date, end: Date, out: Draft[], patterns: RecurringPattern[]): void {
  // Paydays are Fridays, every 14 days; a 3% raise lands a year into the history.
  const firstFriday = addDays(start, (5 - start.getUTCDay() + 7) % 7 + 7 * p.firstPaydayWeeks);
  const raiseFrom = addDays(start, 365);
  for (let day = firstFriday; day <= end; day = addDays(day, 14)) {
    const pay = day >= raiseFrom ? roundCents(p.netPay * 1.03) : p.netPay;
    out.push(recurring(day, 'checking', -pay, p.employer.descriptor, p.employer.name, PFC.wages, 'other', 'payroll'));
  }
  patterns.push(pattern('payroll', p.employer.descriptor, p.employer.name, 'checking', 'BIWEEKLY', 'inflow', PFC.wages));
}

function addBills(rng: Rng, p: Profile, start: Date, end: Date, out: Draft[], patterns: RecurringPattern[]): void {
  for (const day of monthlyDays(start, end, 1)) {
    out.push(recurring(day, 'checking', p.rent, p.landlord.descriptor, p.landlord.name, PFC.rent, 'other', 'rent'));
  }
  patterns.push(pattern('rent', p.landlord.descriptor, p.landlord.name, 'checking', 'MONTHLY', 'outflow', PFC.rent));

  for (const day of monthlyDays(start, end, p.utilityDay)) {
    // Heating in winter, a little air conditioning in summer: the bill follows the season.
    const season = Math.cos((2 * Math.PI * day.getUTCMonth()) / 12);
    const amount = roundCents(p.utilityBase * (1 + 0.45 * season) + rng.money(-6, 6));
    out.push(recurring(day, 'checking', amount, 'PGANDE WEB ONLINE', 'PG&E', PFC.electricity, 'online', 'utilities'));
  }
  patterns.push(pattern('utilities', 'PGANDE WEB ONLINE', 'PG&E', 'checking', 'MONTHLY', 'outflow', PFC.electricity));

  for (const day of monthlyDays(start, end, p.internetDay)) {
    out.push(recurring(day, 'checking', 79.99, 'COMCAST CABLE COMM', 'Xfinity', PFC.internet, 'online', 'internet'));
  }
  patterns.push(pattern('internet', 'COMCAST CABLE COMM', 'Xfinity', 'checking', 'MONTHLY', 'outflow', PFC.internet));

  for (const day of monthlyDays(start, end, p.phoneDay)) {
    // Same plan every month; taxes and fees move the total by a dollar or two.
    const amount = roundCents(p.phoneBase + rng.money(0, 2.5));
    out.push(recurring(day, 'checking', amount, 'VERIZON WIRELESS PAYMENTS', 'Verizon Wireless', PFC.telephone, 'online', 'phone'));
  }
  patterns.push(
    pattern('phone', 'VERIZON WIRELESS PAYMENTS', 'Verizon Wireless', 'checking', 'MONTHLY', 'outflow', PFC.telephone),
  );
}

function addSubscriptions(p: Profile, start: Date, end: Date, out: Draft[], patterns: RecurringPattern[]): void {
  SUBSCRIPTIONS.forEach((sub, i) => {
    for (const day of monthlyDays(start, end, p.subscriptionDays[i] ?? 1)) {
      out.push(recurring(day, 'credit', sub.amount, sub.descriptor, sub.merchant, sub.category, 'online', sub.key));
    }
    patterns.push(pattern(sub.key, sub.descriptor, sub.merchant, 'credit', 'MONTHLY', 'outflow', sub.category));
  });
}

function addEverydaySpending(rng: Rng, p: Profile, start: Date, end: Date, out: Draft[]): void {
  const buy = (
    day: Date,
    account: AccountKey,
    amount: number,
    name: string,
    merchant: string | null,
    category: FinanceCategory,
    channel: PaymentChannel = 'in store',
  ) => {
    // Card purchases often post the day after they were authorised.
    const authorized = account === 'credit' && rng.chance(0.5) && addDays(day, -1) >= start ? addDays(day, -1) : day;
    out.push(purchase(day, authorized, account, amount, name, merchant, category, channel));
  };
  for (let day = start; day <= end; day = addDays(day, 1)) {
    const weekday = day.getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (rng.chance(0.22)) {
      const r = rng.next();
      const index = r < GROCERS[0].weight ? 0 : r < GROCERS[0].weight + GROCERS[1].weight ? 1 : 2;
      const grocer = GROCERS[index] ?? GROCERS[0];
      const account = rng.chance(0.8) ? 'checking' : 'credit';
      buy(day, account, rng.money(18, 165), `${grocer.descriptor}${p.grocerStores[index]}`, grocer.merchant, PFC.groceries);
    }
    if (rng.chance(weekend ? 0.2 : 0.4)) {
      const account = rng.chance(0.65) ? 'credit' : 'checking';
      buy(day, account, rng.money(3.95, 7.85), `STARBUCKS STORE ${p.starbucksStore}`, 'Starbucks', PFC.coffee);
    }
    if (rng.chance(0.07)) {
      buy(day, 'credit', rng.money(10.45, 16.95), `CHIPOTLE ${p.chipotleStore}`, 'Chipotle', PFC.fastFood);
    }
    if (rng.chance(0.06)) {
      buy(day, 'credit', rng.money(12.5, 18.75), 'SQ *SWEETGREEN', 'Sweetgreen', PFC.restaurant);
    }
    if ((weekday === 5 || weekday === 6) && rng.chance(0.3)) {
      const index = rng.int(0, DINNER_SPOTS.length - 1);
      const spot = DINNER_SPOTS[index] ?? DINNER_SPOTS[0];
      buy(day, 'credit', rng.money(38, 120), `${spot.descriptor}${p.dinnerStores[index]}`, spot.merchant, PFC.restaurant);
    }
    if (rng.chance(0.07)) {
      const ref = rng.int(0, 36 ** 5 - 1).toString(36).toUpperCase().padStart(5, '0');
      buy(day, 'credit', rng.money(9.99, 140), `AMZN Mktp US*${ref}`, 'Amazon', PFC.marketplaces, 'online');
    }
    if (rng.chance(0.1)) {
      buy(day, 'credit', rng.money(28, 62), 'SHELL OIL 57444', 'Shell', PFC.gas);
    }
    if (rng.chance(0.04)) {
      buy(day, 'credit', rng.money(9, 38), 'UBER *TRIP', 'Uber', PFC.rideShare, 'online');
    }
    if (rng.chance(0.05)) {
      buy(day, 'checking', rng.int(10, 80), 'VENMO PAYMENT', 'Venmo', PFC.transferOut, 'other');
    }
    if (rng.chance(0.02)) {
      buy(day, 'checking', -rng.int(10, 60), 'VENMO CASHOUT', 'Venmo', PFC.transferIn, 'other');
    }
  }
}

function addSavingsTransfers(rng: Rng, p: Profile, start: Date, end: Date, out: Draft[]): void {
  for (const day of monthlyDays(start, end, p.savingsDay)) {
    // Most months, not all: an "occasional" transfer that recurring detection should not call a stream.
    if (!rng.chance(0.75)) continue;
    const amount = rng.int(2, 10) * 50;
    out.push(recurring(day, 'checking', amount, 'ONLINE TRANSFER TO SAVINGS XXXXXX1111', null, PFC.savingsOut, 'other', null));
  }
}

function addCardPayments(p: Profile, start: Date, end: Date, out: Draft[], patterns: RecurringPattern[]): void {
  const chargedByMonth = new Map<string, number>();
  for (const draft of out) {
    if (draft.account !== 'credit' || draft.amount <= 0) continue;
    const month = draft.date.slice(0, 7);
    chargedByMonth.set(month, (chargedByMonth.get(month) ?? 0) + draft.amount);
  }
  for (const day of monthlyDays(start, end, p.cardPaymentDay)) {
    const previousMonth = isoDate(addMonths(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)), -1)).slice(0, 7);
    const amount = roundCents(chargedByMonth.get(previousMonth) ?? 0);
    if (amount <= 0) continue;
    out.push(recurring(day, 'checking', amount, 'CREDIT CARD AUTOPAY PPD', null, PFC.cardPayment, 'other', 'card-payment'));
    out.push(recurring(day, 'credit', -amount, 'AUTOMATIC PAYMENT - THANK YOU', null, PFC.cardPayment, 'other', null));
  }
  patterns.push(pattern('card-payment', 'CREDIT CARD AUTOPAY PPD', null, 'checking', 'MONTHLY', 'outflow', PFC.cardPayment));
}

/** The given day of every calendar month in [start, end], clamped to short months. */
function monthlyDays(start: Date, end: Date, dayOfMonth: number): Date[] {
  const days: Date[] = [];
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); ; m++) {
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const day = new Date(Date.UTC(y, m, Math.min(dayOfMonth, lastDay)));
    if (day > end) break;
    if (day >= start) days.push(day);
  }
  return days;
}

function recurring(
  day: Date,
  account: AccountKey,
  amount: number,
  name: string,
  merchantName: string | null,
  category: FinanceCategory,
  paymentChannel: PaymentChannel,
  stream: string | null,
): Draft {
  const date = isoDate(day);
  return { account, date, authorizedDate: date, amount, name, merchantName, category, paymentChannel, stream, discretionary: false };
}

function purchase(
  day: Date,
  authorized: Date,
  account: AccountKey,
  amount: number,
  name: string,
  merchantName: string | null,
  category: FinanceCategory,
  paymentChannel: PaymentChannel = 'in store',
): Draft {
  return {
    account,
    date: isoDate(day),
    authorizedDate: isoDate(authorized),
    amount,
    name,
    merchantName,
    category,
    paymentChannel,
    stream: null,
    discretionary: true,
  };
}

function pattern(
  key: string,
  description: string,
  merchantName: string | null,
  account: AccountKey,
  frequency: RecurringPattern['frequency'],
  direction: RecurringPattern['direction'],
  category: FinanceCategory,
): RecurringPattern {
  return { key, description, merchantName, account, frequency, direction, category };
}
