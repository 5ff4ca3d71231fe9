import { companyByName, paylinkCompany, taskCompany, type CatalogCompany } from '../catalog/companies.js';
import { derivedObjectId, derivedUuid } from '../ids.js';
import { accountActions, action, actionId } from '../paylink/action-ids.js';
import type { ActionHistoryEntry, Bill, PayLinkAccount, TaskRecord } from '../types.js';
import type { Person } from './people.js';
import { addDays, at, createRng, endOfDay, epochDay, fromEpochDay, roundCents, utcDay, type Rng } from './rng.js';

export interface GeneratedPayLink {
  accounts: PayLinkAccount[];
  tasks: TaskRecord[];
  actionHistory: ActionHistoryEntry[];
}

type Kind = 'streaming' | 'amazon' | 'phone' | 'utility' | 'internet';

interface Service {
  company: string;
  kind: Kind;
  /** Plan shown on the bill; streaming prices match the Plaid emulator's subscription charges. */
  plan?: { typeId: string; description: string; amount: number };
  /** Probability the user has it; 1 = everyone. */
  odds: number;
}

/**
 * Everyone has the four subscriptions the Plaid emulator charges (same amounts, so bills and bank
 * transactions agree), a phone and a utility; some also have internet and another streaming service.
 */
const SERVICES: Service[] = [
  { company: 'Netflix', kind: 'streaming', odds: 1, plan: { typeId: 'standard', description: 'Netflix Standard', amount: 15.49 } },
  { company: 'Hulu', kind: 'streaming', odds: 1, plan: { typeId: 'with_ads', description: 'Hulu (With Ads)', amount: 7.99 } },
  { company: 'Spotify', kind: 'streaming', odds: 1, plan: { typeId: 'premium_individual', description: 'Spotify Premium Individual', amount: 11.99 } },
  { company: 'Amazon', kind: 'amazon', odds: 1, plan: { typeId: 'prime_monthly', description: 'Amazon Prime (Monthly)', amount: 14.99 } },
  { company: 'Disney+', kind: 'streaming', odds: 0.35, plan: { typeId: 'basic', description: 'Disney+ Basic', amount: 9.99 } },
  { company: 'YouTube Premium', kind: 'streaming', odds: 0.2, plan: { typeId: 'individual', description: 'YouTube Premium', amount: 13.99 } },
  { company: 'Max', kind: 'streaming', odds: 0.2, plan: { typeId: 'standard', description: 'Max Standard', amount: 16.99 } },
  { company: 'Xfinity', kind: 'internet', odds: 0.5, plan: { typeId: 'connect_more', description: 'Xfinity Connect More 400 Mbps', amount: 79.99 } },
];
const PHONES = ['Verizon Wireless', 'T-Mobile', 'AT&T'];
const UTILITIES = ['PG&E', 'Con Edison', 'Duke Energy'];

/** Bills recur every 29 days from a per-bill anchor, so the next due date is always 7..35 days out. */
const CYCLE_DAYS = 29;
const MIN_DAYS_AHEAD = 7;

export function nextDueDay(anchor: number, today: Date): Date {
  const day = epochDay(today);
  const offset = (((anchor - day) % CYCLE_DAYS) + CYCLE_DAYS) % CYCLE_DAYS;
  return fromEpochDay(day + MIN_DAYS_AHEAD + offset);
}

export function generatePayLink(identifier: string, person: Person, now: Date): GeneratedPayLink {
  const rng = createRng(`atomic-paylink:${identifier}`);
  const services: Service[] = SERVICES.filter((s) => s.odds >= 1 || rng.chance(s.odds));
  services.push({ company: rng.pick(PHONES), kind: 'phone', odds: 1 });
  services.push({ company: rng.pick(UTILITIES), kind: 'utility', odds: 1 });
  const cardLastFour = String(rng.int(1000, 9999));
  const cardBrand = rng.pick(['Visa', 'Mastercard']);
  const cardExpiry = `${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(27, 31)}`;
  const today = utcDay(now);

  const out: GeneratedPayLink = { accounts: [], tasks: [], actionHistory: [] };
  for (const service of services) {
    const company = companyByName(service.company);
    const accountId = derivedObjectId(identifier, 'paylink-account', company.name);
    const accountRng = createRng(`atomic-paylink:${identifier}:${company.name}`);
    const bill = buildBill(accountRng, identifier, accountId, company, service, person, today);
    // Last synced earlier today (or yesterday evening if "today" has barely started).
    let synced = new Date(today.getTime() + accountRng.int(5 * 60, 11 * 60) * 60_000 + accountRng.int(0, 59_999));
    if (synced > now) synced = addDays(synced, -1);
    const lastSynced = synced.toISOString();
    out.accounts.push({
      _id: accountId,
      processing: false,
      connectionStatus: 'connected',
      lastSynedAt: lastSynced,
      lastSyncedAt: lastSynced,
      data: {
        category: company.category ?? 'subscription',
        identities: [
          {
            firstName: person.firstName,
            lastName: person.lastName,
            email: person.email,
            phone: person.phone,
            address: person.address,
            ...(person.address2 ? { address2: person.address2 } : {}),
            city: person.city,
            state: person.state,
            postalCode: person.postalCode,
          },
        ],
        paymentMethods: [{ type: 'card', lastFour: cardLastFour, brand: cardBrand, isPrimary: true, expiry: cardExpiry }],
      },
      company: paylinkCompany(company),
      actions: accountActions(accountId),
      bills: [bill],
    });
    // The automated refresh that produced `lastSyncedAt`: a completed PayLink Manage task.
    const taskId = derivedObjectId(identifier, 'paylink-refresh-task', company.name);
    const started = new Date(synced.getTime() - accountRng.int(20, 90) * 1000).toISOString();
    out.tasks.push({
      _id: taskId,
      authenticated: true,
      company: taskCompany(company),
      connector: taskCompany({ _id: company.connector._id, name: company.name, logo: company.logo }),
      createdAt: started,
      updatedAt: lastSynced,
      product: 'present',
      status: 'completed',
      taskWorkflow: { _id: derivedObjectId(identifier, 'paylink-refresh-workflow', company.name) },
      user: { _id: person.userId, identifier },
    });
    out.actionHistory.push({
      _id: derivedObjectId(identifier, 'paylink-action', company.name, 'refresh'),
      type: 'refresh',
      status: 'completed',
      accountId,
      actionId: actionId(accountId, undefined, 'refresh'),
      automated: true,
      taskId,
      createdAt: started,
      updatedAt: lastSynced,
    });
  }
  return out;
}

function buildBill(
  rng: Rng,
  identifier: string,
  accountId: string,
  company: CatalogCompany,
  service: Service,
  person: Person,
  today: Date,
): Bill {
  const billId = derivedObjectId(identifier, 'paylink-bill', company.name);
  const sourceId = derivedUuid(identifier, 'bill-source', company.name);
  const due = nextDueDay(rng.int(0, CYCLE_DAYS - 1), today);
  // Amount for the cycle due on `day`: fixed plans are flat, phone and power vary. Each cycle has
  // its own seed, so a cycle's amount never changes from one day to the next.
  const amountFor = (day: Date): { total: number; items: Bill['items']; usage?: Bill['usage'] } => {
    const cycleRng = createRng(`atomic-bill:${identifier}:${company.name}:${epochDay(day)}`);
    switch (service.kind) {
      case 'phone':
        return phoneAmount(cycleRng);
      case 'utility':
        return utilityAmount(cycleRng, day);
      default: {
        const plan = service.plan as NonNullable<Service['plan']>;
        return { total: plan.amount, items: [{ description: plan.description, amount: plan.amount }] };
      }
    }
  };
  const current = amountFor(due);
  // The two most recent cycles before today, paid on their due day.
  const history: Array<{ date: string; amount: number }> = [];
  for (let k = 1; history.length < 2 && k < 5; k++) {
    const day = addDays(due, -CYCLE_DAYS * k);
    if (day >= today) continue;
    // Its own seed again: how many cycles are skipped must not shift the draws that follow.
    const paidRng = createRng(`atomic-bill-paid:${identifier}:${company.name}:${epochDay(day)}`);
    history.push({ date: at(day, paidRng.int(6 * 60, 20 * 60), paidRng.int(0, 999)), amount: amountFor(day).total });
  }
  const bill: Bill = {
    _id: billId,
    sourceId,
    name: billName(service, company),
    amount: current.total,
    ...(service.kind === 'utility' ? { amountDisclaimer: 'Estimated from your recent usage; the final amount may differ.' } : {}),
    autopayStatus: service.kind === 'utility' && rng.chance(0.4) ? 'disabled' : 'enabled',
    billingCycle: 'monthly',
    dueDate: endOfDay(due),
    paymentHistory: history,
    items: current.items,
    ...(current.usage ? { usage: current.usage } : {}),
    ...(service.kind === 'streaming'
      ? { profiles: person.household.map((name, i) => ({ name, lastUsed: at(addDays(today, -(i + 1) - rng.int(0, 2)), rng.int(0, 1439)) })) }
      : {}),
    plans: plans(rng, identifier, company, service),
    actions: billActions(accountId, billId, service.kind),
  };
  // Amazon-managed subscriptions have no company of their own (the reference's Amazon bill note).
  if (service.kind !== 'amazon') bill.company = paylinkCompany(company);
  return bill;
}

function billName(service: Service, company: CatalogCompany): string {
  if (service.kind === 'amazon') return 'Amazon Prime';
  return company.name;
}

function phoneAmount(rng: Rng): { total: number; items: Bill['items']; usage: Bill['usage'] } {
  const plan = 70;
  // Same plan every month; taxes and fees move the total by a dollar or two.
  const fees = roundCents(8.5 + rng.next() * 2);
  const limit = 50;
  return {
    total: roundCents(plan + fees),
    items: [
      { description: 'Unlimited Plus plan', amount: plan },
      { description: 'Taxes and fees', amount: fees },
    ],
    usage: [{ description: 'Premium data', limit, unit: 'gigabytes', used: roundCents(limit * (0.2 + rng.next() * 0.7)) }],
  };
}

function utilityAmount(rng: Rng, day: Date): { total: number; items: Bill['items']; usage: Bill['usage'] } {
  // Heating in winter, some air conditioning in summer (the Plaid emulator's utility charges do the same).
  const season = Math.cos((2 * Math.PI * day.getUTCMonth()) / 12);
  const kwh = Math.round(420 * (1 + 0.45 * season) + rng.int(-40, 40));
  const energy = roundCents(kwh * 0.17);
  const delivery = roundCents(12.5 + kwh * 0.02);
  return {
    total: roundCents(energy + delivery),
    items: [
      { description: 'Electric generation', amount: energy },
      { description: 'Delivery charges', amount: delivery },
    ],
    usage: [{ description: 'Electricity', limit: 500, unit: 'kilowatts-per-hour', used: kwh }],
  };
}

function plans(rng: Rng, identifier: string, company: CatalogCompany, service: Service): Bill['plans'] {
  if (service.kind === 'phone') {
    const lines = rng.int(1, 3);
    return Array.from({ length: lines }, (_, i) => ({
      sourceId: derivedUuid(identifier, 'plan', company.name, String(i)),
      typeId: 'unlimited_plus',
      status: 'active',
      description: `Line ${i + 1} - Unlimited Plus`,
      amount: i === 0 ? 70 : 0,
      freeTrial: false,
    }));
  }
  if (service.kind === 'utility') {
    return [
      {
        sourceId: derivedUuid(identifier, 'plan', company.name),
        typeId: 'residential_tou',
        status: 'active',
        description: 'Residential Time-of-Use',
        freeTrial: false,
      },
    ];
  }
  const plan = service.plan as NonNullable<Service['plan']>;
  return [
    {
      sourceId: derivedUuid(identifier, 'plan', company.name),
      typeId: plan.typeId,
      status: 'active',
      description: plan.description,
      amount: plan.amount,
      freeTrial: false,
    },
  ];
}

function billActions(accountId: string, billId: string, kind: Kind): Bill['actions'] {
  if (kind === 'utility') return [];
  const actions = [action(accountId, billId, 'change-plan', false), action(accountId, billId, 'cancel-plan', true)];
  if (kind === 'streaming' || kind === 'amazon') actions.push(action(accountId, billId, 'pause-plan', true));
  return actions;
}

/** Exported for tests: the first day a bill can be due is a week out. */
export const BILL_WINDOW = { minDays: MIN_DAYS_AHEAD, maxDays: MIN_DAYS_AHEAD + CYCLE_DAYS - 1 };

