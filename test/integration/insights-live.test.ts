import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { startProvidersFixture, type ProvidersFixture } from '../helpers/atomic.js';
import { accessTokenOf, allTransactions, linkUser } from '../helpers/banking.js';
import { DIALECTS } from '../helpers/databases.js';
import { control, eventually, plaidSdk } from '../helpers/plaid.js';

const USER = 'usr_insights';
const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/[^a-z]/g, '');

/** Safe-to-spend and the cash-flow forecast from live data: Plaid (emulator) balances and history, Atomic PayLink bills and payroll. */
describe.each(DIALECTS)('insights from live data (%s)', (dialect) => {
  let f: ProvidersFixture;
  let otherKey: string;
  const ok = async (query: string, key?: string) => {
    const res = await f.gw.graphql(query, { key });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data;
  };

  beforeAll(async () => {
    f = await startProvidersFixture(dialect);
    await linkUser(f.gw, USER);
    await allTransactions(f.gw, USER);
    otherKey = (await new PartnerService(f.gw.orm.em.fork()).createPartner('Other')).testKey;
  });
  afterAll(() => f.stop());

  it('User.safeToSpend: cash from depository available balances; PayLink bills plus uncovered recurring outflows, each with its source', async () => {
    const data = await ok(`{ user(id: "${USER}") {
      accounts { type availableBalance currentBalance }
      bills { name amount dueDate }
      transactions(first: 500) { edges { node { merchantName name amount } } }
      safeToSpend(overrides: { cashBuffer: 100, savingsCommitments: 50 }) {
        dailyAllowance monthlySafeToSpend shortfall
        breakdown { cashAfterBuffer upcomingBillsTotal savingsCommitments discretionaryPool daysInPeriod bills { name amount dueInDays source } }
      }
    } }`);
    const { accounts, bills, safeToSpend: s } = data.user;
    const cash = accounts
      .filter((a: { type: string }) => a.type === 'depository')
      .reduce((sum: number, a: { availableBalance: number | null; currentBalance: number }) => sum + Math.round((a.availableBalance ?? a.currentBalance) * 100), 0);
    expect(cash).toBeGreaterThan(0);
    expect(Math.round(s.breakdown.cashAfterBuffer * 100)).toBe(cash - 10_000);
    expect(s.breakdown.savingsCommitments).toBe(50);

    const counted = s.breakdown.bills as { name: string | null; amount: number; dueInDays: number; source: string }[];
    const paylink = counted.filter((b) => b.source === 'PAYLINK');
    const detected = counted.filter((b) => b.source === 'TRANSACTIONS');
    // Every PayLink bill due within the 30 days is there, with its amount.
    const todayMs = Date.parse(new Date().toISOString().slice(0, 10));
    const dueSoon = bills.filter((b: { dueDate: string | null; amount: number | null }) => b.dueDate && b.amount != null && (Date.parse(b.dueDate.slice(0, 10)) - todayMs) / 86_400_000 <= 30);
    expect(dueSoon.length).toBeGreaterThan(0);
    for (const b of dueSoon) expect(paylink).toContainEqual(expect.objectContaining({ name: b.name, amount: b.amount }));
    // Recurring outflows were found in the bank history (rent, utilities, subscriptions…).
    expect(detected.length).toBeGreaterThan(0);
    // The data has a merchant both as a PayLink bill and in the bank history; it is counted once, from PayLink.
    const merchants = new Set(data.user.transactions.edges.map((e: { node: { merchantName: string | null; name: string } }) => norm(e.node.merchantName ?? e.node.name)));
    const overlap = paylink.filter((b) => merchants.has(norm(b.name)));
    expect(overlap.length).toBeGreaterThan(0);
    for (const b of overlap) expect(detected.map((d) => norm(d.name))).not.toContain(norm(b.name));
    // Money moved to savings is a savings commitment (an argument), not a bill; with the savings account linked it
    // does not even leave the cash counted.
    expect(data.user.transactions.edges.some((e: { node: { name: string } }) => /TRANSFER TO SAVINGS/.test(e.node.name))).toBe(true);
    expect(counted.filter((b) => /SAVINGS/i.test(b.name ?? ''))).toEqual([]);
    // The arithmetic holds over what is listed.
    const total = counted.reduce((sum, b) => sum + Math.round(b.amount * 100), 0);
    expect(Math.round(s.breakdown.upcomingBillsTotal * 100)).toBe(total);
    const remaining = cash - 10_000 - total - 5_000;
    expect(Math.round(s.monthlySafeToSpend * 100)).toBe(Math.max(0, remaining));
    expect(Math.round(s.shortfall * 100)).toBe(Math.max(0, -remaining));
    expect(Math.round(s.dailyAllowance * 100)).toBe(Math.floor(Math.max(0, remaining) / 30));
  });

  it('a recurring outflow scheduled for today that has not posted yet: safe-to-spend counts it (dueInDays 0), the forecast expects it tomorrow', async () => {
    const user = 'usr_bill_today';
    const { itemId } = await linkUser(f.gw, user);
    await allTransactions(f.gw, user); // the first sync has finished
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    // A weekly payment on today's weekday for the last eight weeks; today's has not posted.
    const weeks = Array.from({ length: 8 }, (_, i) => day(-7 * (i + 1)));
    await plaidSdk(f.plaid.url).sandboxTransactionsCreate({
      access_token: await accessTokenOf(f.gw, itemId),
      transactions: weeks.map((d) => ({ amount: 1250, date_posted: d, date_transacted: d, description: 'HARBOR CHILDCARE WEEKLY', iso_currency_code: 'USD' })),
    });
    await eventually(async () => (await allTransactions(f.gw, user)).filter((t) => t.name === 'HARBOR CHILDCARE WEEKLY').length === 8);
    const data = await ok(`{ user(id: "${user}") { safeToSpend { breakdown { bills { name amount dueInDays source } } } } }`);
    const childcare = (data.user.safeToSpend.breakdown.bills as { name: string; amount: number; dueInDays: number; source: string }[]).filter((b) => b.name === 'HARBOR CHILDCARE WEEKLY');
    expect(childcare.map((b) => b.dueInDays)).toEqual([0, 7, 14, 21, 28]);
    expect(childcare.every((b) => b.amount === 1250 && b.source === 'TRANSACTIONS')).toBe(true);
    // The forecast, which starts tomorrow from today's balance, expects today's payment on its first day (its
    // everyday part is tens of dollars a day, so 1,250 is the payment).
    const forecast = (await ok(`{ user(id: "${user}") { cashflow { daily { date outflow } } } }`)).user.cashflow;
    expect(forecast.daily[0].date).toBe(day(1));
    expect(forecast.daily[0].outflow).toBeGreaterThanOrEqual(1250);
  });

  it('User.cashflow projects 30 days from today’s balance with recurring flows from transactions, PayLink and payroll', async () => {
    const data = await ok(`{ user(id: "${USER}") {
      cashflow { horizonDays asOf startingBalance projectedMinBalance projectedMinDate projectedEndBalance confidence
        daily { date balance inflow outflow } alerts { type date amount message } recurring { name amount cadence nextDate source } }
    } }`);
    const c = data.user.cashflow;
    expect(c.horizonDays).toBe(30);
    expect(c.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(c.daily).toHaveLength(30);
    // Each day's balance is the previous one plus that day's flows.
    let balance = Math.round(c.startingBalance * 100);
    for (const d of c.daily) {
      balance += Math.round(d.inflow * 100) - Math.round(d.outflow * 100);
      expect(Math.round(d.balance * 100)).toBe(balance);
    }
    const min = Math.min(...c.daily.map((d: { balance: number }) => d.balance));
    expect(c.projectedMinBalance).toBe(min);
    expect(c.daily.find((d: { balance: number }) => d.balance === min).date).toBe(c.projectedMinDate);
    expect(c.projectedEndBalance).toBe(c.daily.at(-1).balance);
    expect(c.confidence).toBeGreaterThanOrEqual(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
    const sources = new Set(c.recurring.map((r: { source: string }) => r.source));
    expect(sources.has('TRANSACTIONS')).toBe(true);
    expect(sources.has('PAYLINK')).toBe(true);
  });

  it('reads the user’s bank history once per request, however many insight fields and aliases ask for it', async () => {
    const statements = async (query: string) => {
      let n = 0;
      const knex = f.gw.orm.em.getConnection().getKnex();
      const count = (q: { sql: string }) => {
        if (/bank_transactions/i.test(q.sql)) n++;
      };
      knex.on('query', count);
      try {
        await ok(query);
      } finally {
        knex.off('query', count);
      }
      return n;
    };
    const one = await statements(`{ user(id: "${USER}") { cashflow { startingBalance } } }`);
    const many = await statements(`{ user(id: "${USER}") { ${Array.from({ length: 8 }, (_, i) => `c${i}: cashflow { startingBalance }`).join(' ')} safeToSpend { dailyAllowance } s2: safeToSpend { dailyAllowance } } }`);
    expect(one).toBeGreaterThan(0);
    expect(many).toBe(one);
  });

  it('GET /v1/insights/cashflow answers the reference’s shape, agreeing with GraphQL', async () => {
    const res = await fetch(`${f.gw.url}/v1/insights/cashflow?user_id=${USER}`, { headers: { authorization: `Bearer ${f.gw.demoKey}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['horizon_days', 'projected_min_balance', 'projected_min_date', 'confidence', 'alerts']);
    const gql = (await ok(`{ user(id: "${USER}") { cashflow { projectedMinBalance projectedMinDate alerts { type date } } } }`)).user.cashflow;
    expect(body).toMatchObject({ horizon_days: 30, projected_min_balance: gql.projectedMinBalance, projected_min_date: gql.projectedMinDate });
    expect(body.alerts).toEqual(gql.alerts.map((a: { type: string; date: string }) => ({ type: a.type.toLowerCase(), date: a.date })));

    const bad = await fetch(`${f.gw.url}/v1/insights/cashflow?user_id=${USER}&horizon_days=0`, { headers: { authorization: `Bearer ${f.gw.demoKey}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('horizon_days');
    const missing = await fetch(`${f.gw.url}/v1/insights/cashflow`, { headers: { authorization: `Bearer ${f.gw.demoKey}` } });
    expect(missing.status).toBe(400);
  });

  it('another partner addressing the same user id sees an empty user: no cash, no bills, a flat forecast without alerts', async () => {
    const data = await ok(`{ user(id: "${USER}") {
      safeToSpend { monthlySafeToSpend breakdown { cashAfterBuffer bills { name } } }
      cashflow { startingBalance projectedEndBalance recurring { name } confidence alerts { type } }
    } }`, otherKey);
    expect(data.user.safeToSpend).toEqual({ monthlySafeToSpend: 0, breakdown: { cashAfterBuffer: 0, bills: [] } });
    expect(data.user.cashflow).toEqual({ startingBalance: 0, projectedEndBalance: 0, recurring: [], confidence: 0, alerts: [] });
  });

  it('GET /v1/insights/cashflow for a user with no bank account raises no LOW_BALANCE alert on a balance it does not know', async () => {
    const res = await fetch(`${f.gw.url}/v1/insights/cashflow?user_id=usr_never_linked`, { headers: { authorization: `Bearer ${f.gw.demoKey}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ horizon_days: 30, projected_min_balance: 0, confidence: 0, alerts: [] });
  });

  it('fails the live figures (null with an upstream error) rather than leave out bills when Atomic is down', async () => {
    await control(f.atomic.url, '/faults', { body: { endpoint: '*', status: 503 } });
    try {
      const res = await f.gw.graphql(`{ user(id: "${USER}") { accounts { accountId } safeToSpend { dailyAllowance } } }`);
      expect(res.body.data.user.accounts.length).toBeGreaterThan(0);
      expect(res.body.data.user.safeToSpend).toBeNull();
      expect(res.body.errors[0].extensions.code).toMatch(/^UPSTREAM_/);
    } finally {
      await control(f.atomic.url, '/faults', { method: 'DELETE' });
    }
  });
});
