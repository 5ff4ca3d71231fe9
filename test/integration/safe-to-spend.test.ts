import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { DIALECTS } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/** The reference's curl body, verbatim. */
const REFERENCE_BODY = {
  end_user_id: 'usr_8M2nQ',
  cash_balance: 4218.5,
  upcoming_bills: [{ amount: 1450, due_in_days: 9 }],
  savings_commitments: 200,
  debt_commitments: 0,
  cash_buffer: 250,
};

const FIELDS = `safeToSpendToday dailyAllowance monthlySafeToSpend shortfall calculationId calculatedAt isSandbox
  breakdown { cashAfterBuffer upcomingBillsTotal savingsCommitments debtCommitments discretionaryPool daysInPeriod bills { name amount dueInDays source } }`;
const REFERENCE_INPUT = '{ cashBalance: 4218.50, upcomingBills: [{ amount: 1450, dueInDays: 9 }], savingsCommitments: 200, debtCommitments: 0, cashBuffer: 250 }';

describe.each(DIALECTS)('safe-to-spend: query, REST, recorded (%s)', (dialect) => {
  let gw: TestGateway;
  let other: string;
  const rest = async (path: string, body: unknown, headers: Record<string, string> = { 'x-api-key': gw.demoKey! }) => {
    const res = await fetch(`${gw.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, text: await res.clone().text(), body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const count = async (table: string) => Number((await gw.orm.em.getConnection().execute(`select count(*) as n from ${table}`))[0]!.n);

  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    other = (await new PartnerService(gw.orm.em.fork()).createPartner('Other Partner')).testKey;
  });
  afterAll(() => gw.stop());

  it('calculates the reference example from explicit inputs, in integer cents, flagged as sandbox for a test key', async () => {
    const res = await gw.graphql(`{ safeToSpend(input: ${REFERENCE_INPUT}) { ${FIELDS} } }`);
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data.safeToSpend;
    expect(r).toMatchObject({
      safeToSpendToday: 77.28,
      dailyAllowance: 77.28,
      monthlySafeToSpend: 2318.5,
      shortfall: 0,
      isSandbox: true,
      breakdown: {
        cashAfterBuffer: 3968.5,
        upcomingBillsTotal: 1450,
        savingsCommitments: 200,
        debtCommitments: 0,
        discretionaryPool: 2318.5,
        daysInPeriod: 30,
        bills: [{ name: null, amount: 1450, dueInDays: 9, source: 'INPUT' }],
      },
    });
    expect(r.calculationId).toMatch(/^calc_[0-9A-Za-z]{16}$/);
    expect(Date.now() - Date.parse(r.calculatedAt)).toBeLessThan(60_000);
  });

  it('answers the reference’s curl at both documented paths with exactly its response fields', async () => {
    for (const path of ['/v1/calculate/safe-to-spend', '/api/v1/calculate/safe-to-spend']) {
      const res = await rest(path, REFERENCE_BODY);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['safe_to_spend_today', 'daily_allowance', 'monthly_safe_to_spend', 'breakdown', 'calculation_id', 'calculated_at', 'is_sandbox']);
      expect(res.body).toEqual({
        safe_to_spend_today: 77.28,
        daily_allowance: 77.28,
        monthly_safe_to_spend: 2318.5,
        breakdown: { cash_after_buffer: 3968.5, upcoming_bills_total: 1450, savings_commitments: 200, debt_commitments: 0, discretionary_pool: 2318.5, days_in_period: 30 },
        calculation_id: expect.stringMatching(/^calc_/),
        calculated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        is_sandbox: true,
      });
    }
    // Bearer works as well as X-API-Key; no key is 401.
    expect((await rest('/v1/calculate/safe-to-spend', REFERENCE_BODY, { authorization: `Bearer ${gw.demoKey}` })).status).toBe(200);
    expect((await rest('/v1/calculate/safe-to-spend', REFERENCE_BODY, {})).status).toBe(401);
  });

  it('reads the JSON body of the reference’s curl, which sends no Content-Type of its own (curl -d labels it form data)', async () => {
    const send = async (headers: Record<string, string>, body: string) => {
      const res = await fetch(`${gw.url}/api/v1/calculate/safe-to-spend`, { method: 'POST', headers, body });
      return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const json = JSON.stringify(REFERENCE_BODY);
    const key = { 'x-api-key': gw.demoKey! };
    // What `curl -d '{…}'` sends.
    const form = await send({ ...key, 'content-type': 'application/x-www-form-urlencoded' }, json);
    expect(form).toMatchObject({ status: 200, body: { monthly_safe_to_spend: 2318.5 } });
    // No Content-Type at all: a Blob without a type makes fetch send none.
    const unlabelled = await fetch(`${gw.url}/api/v1/calculate/safe-to-spend`, { method: 'POST', headers: key, body: new Blob([json]) });
    expect(unlabelled.status).toBe(200);
    expect(((await unlabelled.json()) as { monthly_safe_to_spend: number }).monthly_safe_to_spend).toBe(2318.5);
    // Real form data is not JSON: 400, not a crash.
    const notJson = await send({ ...key, 'content-type': 'application/x-www-form-urlencoded' }, 'cash_balance=10');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/must be JSON/) });
    // Another declared type is still refused, and the key is checked before the body is read.
    expect((await send({ ...key, 'content-type': 'application/xml' }, '<a/>')).status).toBe(415);
    expect((await send({ ...key, 'content-type': 'text/plain' }, JSON.stringify(REFERENCE_BODY))).status).toBe(415);
    expect((await send({ 'content-type': 'application/x-www-form-urlencoded' }, json)).status).toBe(401);
    expect((await send({ 'content-type': 'application/xml' }, '<a/>')).status).toBe(401);
  });

  it.each([
    [{ cash_balance: -1 }, 'cash_balance'],
    [{ cash_balance: 'lots' }, 'cash_balance'],
    [{ cash_balance: 10.001 }, 'cash_balance'],
    [{ cash_balance: '0b1111101000' }, 'cash_balance'],
    [{ cash_balance: 100_000_000_000.01 }, 'cash_balance'],
    [{ upcoming_bills: [{ amount: 5, due_in_days: -1 }] }, 'upcoming_bills[0].due_in_days'],
    [{ upcoming_bills: [{ amount: -5, due_in_days: 1 }] }, 'upcoming_bills[0].amount'],
    [{ days_in_period: 0 }, 'days_in_period'],
    [{ days_in_period: 400 }, 'days_in_period'],
  ])('REST rejects %j with 400 BAD_USER_INPUT naming %s', async (patch, field) => {
    const res = await rest('/v1/calculate/safe-to-spend', { ...REFERENCE_BODY, ...patch });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('takes large balances to the cent (1234567890.12 was refused as having too many decimals)', async () => {
    const res = await rest('/v1/calculate/safe-to-spend', { ...REFERENCE_BODY, cash_balance: 1234567890.12, cash_buffer: 0 });
    expect(res.status).toBe(200);
    expect(res.body.breakdown.cash_after_buffer).toBe(1234567890.12);
  });

  it('GraphQL rejects negative amounts, negative due days and a period outside 1..366 with BAD_USER_INPUT', async () => {
    for (const input of [
      '{ cashBalance: -5 }',
      '{ cashBalance: 100, upcomingBills: [{ amount: 5, dueInDays: -2 }] }',
      '{ cashBalance: 100, daysInPeriod: 367 }',
      '{ cashBalance: 100, cashBuffer: 0.001 }',
      '{ cashBalance: "0x10" }',
    ]) {
      const res = await gw.graphql(`{ safeToSpend(input: ${input}) { dailyAllowance } }`);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('records a result per user (GraphQL and POST /api/v1/ingest), exposes the newest, and puts calculation.updated in the outbox', async () => {
    const recorded = await gw.graphql(`mutation { recordSafeToSpend(userId: "usr_saver", input: ${REFERENCE_INPUT}) { calculationId dailyAllowance } }`);
    expect(recorded.body.errors).toBeUndefined();
    const first = recorded.body.data.recordSafeToSpend;
    const latest = async (key?: string) =>
      (await gw.graphql('{ user(id: "usr_saver") { latestSafeToSpend { calculationId dailyAllowance breakdown { discretionaryPool } } } }', { key })).body.data.user.latestSafeToSpend;
    expect(await latest()).toEqual({ calculationId: first.calculationId, dailyAllowance: 77.28, breakdown: { discretionaryPool: 2318.5 } });

    const viaRest = await rest('/api/v1/ingest', { ...REFERENCE_BODY, end_user_id: 'usr_saver', cash_balance: 5000 });
    expect(viaRest.status).toBe(200);
    expect(viaRest.body.monthly_safe_to_spend).toBe(3100);
    expect((await latest()).calculationId).toBe(viaRest.body.calculation_id);

    const events = await gw.orm.em.getConnection().execute(`select event_type, payload from outbox_events order by id`);
    const payloads = events.map((e) => ({ type: e.event_type, payload: typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload }));
    expect(payloads.filter((e) => e.type === 'calculation.updated').map((e) => [e.payload.user_id, e.payload.calculation.calculation_id])).toEqual([
      ['usr_saver', first.calculationId],
      ['usr_saver', viaRest.body.calculation_id],
    ]);

    // Another partner's user with the same id is another user: nothing recorded there.
    expect(await latest(other)).toBeNull();
  });

  it('writes nothing (no result, no event, no user) for bad input to the recording variants', async () => {
    const before = await Promise.all(['safe_to_spend_calculations', 'outbox_events', 'end_users'].map(count));
    const bad = await gw.graphql('mutation { recordSafeToSpend(userId: "usr_new_bad", input: { cashBalance: 10, debtCommitments: -1 }) { calculationId } }');
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'debtCommitments' });
    const badRest = await rest('/api/v1/ingest', { ...REFERENCE_BODY, end_user_id: 'usr_new_bad_rest', days_in_period: 0 });
    expect(badRest.status).toBe(400);
    const noUser = await rest('/api/v1/ingest', { ...REFERENCE_BODY, end_user_id: undefined });
    expect(noUser.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'end_user_id' });
    expect(await Promise.all(['safe_to_spend_calculations', 'outbox_events', 'end_users'].map(count))).toEqual(before);
  });
});
