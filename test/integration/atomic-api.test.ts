import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { startProvidersFixture, type ProvidersFixture } from '../helpers/atomic.js';
import { allTransactions, linkUser } from '../helpers/banking.js';
import { DIALECTS } from '../helpers/databases.js';
import { startTestGateway } from '../helpers/gateway.js';
import { control } from '../helpers/plaid.js';

const CARD = '4111111111111111';
const IDENTITY = `{ firstName: "Ada", lastName: "Lovelace", address: "1 Main St", city: "Salt Lake City", state: "UT", postalCode: "84101", phone: "8015551234" }`;

/** Every Atomic endpoint of the three references, reached through the GraphQL schema. */
describe.each(DIALECTS)('Atomic PayLink and UserLink through GraphQL (%s)', (dialect) => {
  let f: ProvidersFixture;
  let otherKey: string;
  const gql = (query: string, key?: string) => f.gw.graphql(query, { key });
  const ok = async (query: string, key?: string) => {
    const res = await gql(query, key);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data;
  };

  beforeAll(async () => {
    f = await startProvidersFixture(dialect);
    await linkUser(f.gw, 'usr_atomic');
    await allTransactions(f.gw, 'usr_atomic');
    otherKey = (await new PartnerService(f.gw.orm.em.fork()).createPartner('Other')).testKey;
  });
  afterAll(() => f.stop());

  it('searches companies (POST /company/search)', async () => {
    const data = await ok('{ companies(query: "Netflix") { id name logoUrl brandColor tags products } }');
    expect(data.companies.map((c: { name: string }) => c.name)).toContain('Netflix');
  });

  it('creates access tokens for manage, switch, BaaS passthrough and CDE bypass, never logging card data', async () => {
    const manage = await ok('mutation { createAtomicAccessToken(input: { userId: "usr_atomic" }) { publicToken } }');
    expect(manage.createAtomicAccessToken.publicToken).toEqual(expect.any(String));
    const sw = await ok(`mutation { createAtomicAccessToken(input: { userId: "usr_atomic", identity: ${IDENTITY},
      cards: [{ number: "${CARD}", expiry: "12/30", cvv: "123", title: "Visa" }] }) { publicToken } }`);
    expect(sw.createAtomicAccessToken.publicToken).toEqual(expect.any(String));
    const baas = await ok(`mutation { createAtomicAccessToken(input: { userId: "usr_atomic", identity: ${IDENTITY},
      baasCards: [{ lastFour: "1111", title: "Debit", galileo: { apiLogin: "login", apiTransKey: "galileo-key-xyz", providerId: "p1", transactionId: "t1", accountNo: "123456789012", apiUrl: "https://galileo.example" } }] }) { publicToken } }`);
    expect(baas.createAtomicAccessToken.publicToken).toEqual(expect.any(String));
    const cde = await ok('mutation { createAtomicAccessToken(input: { userId: "usr_atomic", flow: CDE_BYPASS }) { publicToken } }');
    expect(cde.createAtomicAccessToken.publicToken).toEqual(expect.any(String));
    for (const secret of [CARD, 'galileo-key-xyz', '123456789012']) expect(f.gw.rawLogs()).not.toContain(secret);
    const rows = JSON.stringify(await f.gw.orm.em.getConnection().execute('select * from atomic_public_tokens'));
    expect(rows).not.toContain(manage.createAtomicAccessToken.publicToken);
  });

  it('refuses switch without identity or cards, and out-of-range lifetimes, before calling Atomic', async () => {
    for (const input of ['{ userId: "usr_atomic", flow: SWITCH }', '{ userId: "usr_atomic", tokenLifetime: 60 }', `{ userId: "usr_atomic", flow: SWITCH, identity: ${IDENTITY} }`]) {
      const res = await gql(`mutation { createAtomicAccessToken(input: ${input}) { publicToken } }`);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses card, account or identity data that the chosen flow would not send, instead of dropping it; nothing is written', async () => {
    const card = `{ number: "${CARD}", expiry: "12/30", cvv: "123", title: "Visa" }`;
    const baasCard = '{ lastFour: "1111", title: "Debit", galileo: { apiLogin: "l", apiTransKey: "k", providerId: "p", transactionId: "t", accountNo: "123456789012", apiUrl: "https://galileo.example" } }';
    const users = async () => Number((await f.gw.orm.em.getConnection().execute('select count(*) as n from end_users'))[0]!.n);
    const before = await users();
    for (const [input, field] of [
      [`{ userId: "usr_flow_a", flow: MANAGE, cards: [${card}] }`, 'cards'],
      [`{ userId: "usr_flow_b", flow: CDE_BYPASS, identity: ${IDENTITY} }`, 'identity'],
      [`{ userId: "usr_flow_c", identity: ${IDENTITY}, cards: [${card}], baasCards: [${baasCard}] }`, 'cards'],
      [`{ userId: "usr_flow_d", flow: SWITCH, identity: ${IDENTITY}, cards: [${card}], baasCards: [${baasCard}] }`, 'baasCards'],
    ] as const) {
      const res = await gql(`mutation { createAtomicAccessToken(input: ${input}) { publicToken } }`);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await users()).toBe(before);
    expect(f.gw.rawLogs()).not.toContain(CARD);
  });

  it('revokes its own public tokens only', async () => {
    const { createAtomicAccessToken: t } = await ok('mutation { createAtomicAccessToken(input: { userId: "usr_atomic" }) { publicToken } }');
    const stranger = await gql(`mutation { revokeAtomicAccessToken(publicToken: "${t.publicToken}") }`, otherKey);
    expect(stranger.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await ok(`mutation { revokeAtomicAccessToken(publicToken: "${t.publicToken}") }`)).revokeAtomicAccessToken).toBe(true);
  });

  it('lists PayLink accounts with bills, a flattened bill list sorted by due date, one account by id, and its action history', async () => {
    const data = await ok(`{ user(id: "usr_atomic") {
      paylinkAccounts { id connectionStatus processing company { name } bills { id name amount dueDate } data { category paymentMethods { type lastFour accountNumber } } }
      bills { id name amount dueDate billingCycle company { name } account { id } }
    } }`);
    const accounts = data.user.paylinkAccounts;
    expect(accounts.length).toBeGreaterThan(0);
    const dues = data.user.bills.map((b: { dueDate: string | null }) => b.dueDate).filter(Boolean);
    expect([...dues].sort()).toEqual(dues);
    for (const a of accounts) for (const pm of a.data?.paymentMethods ?? []) if (pm.accountNumber) expect(pm.accountNumber).toMatch(/^\*+\d{0,4}$/);
    const one = await ok(`{ paylinkAccount(userId: "usr_atomic", id: "${accounts[0].id}") { id } }`);
    expect(one.paylinkAccount.id).toBe(accounts[0].id);
    const history = await ok(`{ actionHistory(userId: "usr_atomic", accountId: "${accounts[0].id}") { id type status } }`);
    expect(Array.isArray(history.actionHistory)).toBe(true);
    const asOther = await ok(`{ paylinkAccount(userId: "usr_atomic", id: "${accounts[0].id}") { id } }`, otherKey);
    expect(asOther.paylinkAccount).toBeNull();
  });

  it('detects bills from the user’s last 90 days of bank transactions', async () => {
    const data = await ok('mutation { detectBills(userId: "usr_atomic") { id company { name } } }');
    expect(Array.isArray(data.detectBills)).toBe(true);
  });

  it('answers detectBills for a user without bank transactions with nothing, without calling Atomic (which needs a non-empty list)', async () => {
    await ok('mutation { createAtomicAccessToken(input: { userId: "usr_no_bank" }) { publicToken } }');
    await control(f.atomic.url, '/calls/reset', { body: {} });
    const data = await ok('mutation { detectBills(userId: "usr_no_bank") { id } }');
    expect(data.detectBills).toEqual([]);
    expect(((await control(f.atomic.url, '/calls?by=method')) as Record<string, number>)['POST /pay-link/accounts']).toBeUndefined();
  });

  it('reads the PayLink accounts once for a query that asks for them twice (GETs shared for the request’s lifetime)', async () => {
    await control(f.atomic.url, '/calls/reset', { body: {} });
    await ok('{ user(id: "usr_atomic") { paylinkAccounts { id } bills { id } again: paylinkAccounts { id } } }');
    expect(((await control(f.atomic.url, '/calls?by=method')) as Record<string, number>)['GET /pay-link/accounts']).toBe(1);
  });

  it('reviews a suggestion', async () => {
    const data = await ok('mutation { reviewSuggestion(input: { userId: "usr_atomic", suggestionId: "sugg_1" }) }');
    expect(data.reviewSuggestion).toBe(true);
  });

  it('lists tasks, reads one with its file URL, and hides other partners’ tasks', async () => {
    const data = await ok('{ user(id: "usr_atomic") { tasks { id status product company { name } } } }');
    const tasks = data.user.tasks;
    expect(tasks.length).toBeGreaterThan(0);
    const task = await ok(`{ task(id: "${tasks[0].id}") { id status createdAt company { name } taskWorkflow { id } } }`);
    expect(task.task.id).toBe(tasks[0].id);
    const completed = await ok('{ user(id: "usr_atomic") { tasks(status: COMPLETED) { id status } } }');
    for (const t of completed.user.tasks) expect(t.status).toBe('COMPLETED');
    const all = (await ok('{ user(id: "usr_atomic") { tasks { id payrollDataAvailable } } }')).user.tasks as { id: string; payrollDataAvailable: boolean | null }[];
    const ready = (await ok('{ user(id: "usr_atomic") { tasks(payrollDataAvailable: true) { id } } }')).user.tasks as { id: string }[];
    const notReady = (await ok('{ user(id: "usr_atomic") { tasks(payrollDataAvailable: false) { id } } }')).user.tasks as { id: string }[];
    expect(ready.map((t) => t.id).sort()).toEqual(all.filter((t) => t.payrollDataAvailable === true).map((t) => t.id).sort());
    expect(notReady.map((t) => t.id).sort()).toEqual(all.filter((t) => t.payrollDataAvailable !== true).map((t) => t.id).sort());
    expect(ready.length).toBeGreaterThan(0);
    const stranger = await ok(`{ task(id: "${tasks[0].id}") { id } }`, otherKey);
    expect(stranger.task).toBeNull();
    const live = await ok(`{ taskStatus(id: "${tasks[0].id}") { status createdAt failReason payrollDataAvailable } }`);
    expect(live.taskStatus.status).toBe(task.task.status);
    expect((await ok(`{ taskStatus(id: "${tasks[0].id}") { status } }`, otherKey)).taskStatus).toBeNull();
    // A real file: a pay statement's paystub, read through the task that produced it.
    const stmts = await ok('{ user(id: "usr_atomic") { payroll { statements { paystub { id } source { taskId } } } } }');
    const withStub = stmts.user.payroll.statements.find((s: { paystub: { id: string } | null; source: { taskId: string | null } }) => s.paystub && s.source.taskId);
    const url = await ok(`{ task(id: "${withStub.source.taskId}") { fileUrl(fileId: "${withStub.paystub.id}") } }`);
    expect(url.task.fileUrl).toEqual(expect.stringMatching(/^https?:\/\//));
  });

  it('reads payroll data with SSNs and account numbers masked to the last four', async () => {
    const data = await ok(`{ user(id: "usr_atomic") { payroll {
      employment { jobTitle employer { name } source { company { name } } }
      income { income payCycle nextExpectedPayDate }
      identity { firstName ssn }
      statements { date netAmount grossAmount earnings { label amount } deductions { label amount } netAmountAdjustments { label amount } paystub { id } }
      timesheets { date duration }
      taxes { year totalWages parsedData { taxYear employeeTin wages } }
      depositAccounts { accountNumber lastFour routingNumber type }
      linkedAccounts { id valid company { name } }
    } } }`);
    const p = data.user.payroll;
    // Every sandbox user has these; timesheets and W-2s depend on the generated job (hourly, tenure).
    for (const key of ['employment', 'income', 'identity', 'statements', 'depositAccounts', 'linkedAccounts']) {
      expect({ key, n: p[key].length > 0 }).toEqual({ key, n: true });
    }
    for (const key of ['timesheets', 'taxes']) expect(Array.isArray(p[key])).toBe(true);
    for (const i of p.identity) if (i.ssn) expect(i.ssn).toMatch(/^\*\*\*-\*\*-\d{4}$/);
    for (const t of p.taxes) if (t.parsedData?.employeeTin) expect(t.parsedData.employeeTin).toMatch(/^\*\*\*-\*\*-\d{4}$/);
    for (const a of p.depositAccounts) if (a.accountNumber) expect(a.accountNumber).toMatch(/^\*+\d{4}$/);
    expect(JSON.stringify(p)).not.toMatch(/\b\d{3}-\d{2}-\d{4}\b/);
  });

  it('starts a task workflow from a linked account, prescreens, updates the user, ends monitoring', async () => {
    const linked = await ok('{ user(id: "usr_atomic") { payroll { linkedAccounts { id } } } }');
    const linkedId = linked.user.payroll.linkedAccounts[0].id;
    const wf = await ok(`mutation { startTaskWorkflow(userId: "usr_atomic", linkedAccountId: "${linkedId}", tasks: [{ operation: VERIFY }]) { id firstTaskId } }`);
    expect(wf.startTaskWorkflow.id).toEqual(expect.any(String));
    const pre = await ok('mutation { prescreen(input: { company: { name: "Walmart" } }) { confidence } }');
    expect(['HIGH', 'LOW']).toContain(pre.prescreen.confidence);
    const upd = await ok(`mutation { updateAtomicUser(input: { userId: "usr_atomic", identity: ${IDENTITY}, cards: [{ number: "${CARD}", expiry: "12/30" }] }) }`);
    expect(upd.updateAtomicUser).toBe(true);
    expect((await ok('mutation { endMonitoring(userId: "usr_atomic") }')).endMonitoring).toBe(true);
    expect(f.gw.rawLogs()).not.toContain(CARD);
  });

  it('deletes one PayLink account, then all of them', async () => {
    const before = (await ok('{ user(id: "usr_atomic") { paylinkAccounts { id } } }')).user.paylinkAccounts;
    expect((await ok(`mutation { deletePayLinkAccount(userId: "usr_atomic", accountId: "${before[0].id}") }`)).deletePayLinkAccount).toBe(true);
    const after = (await ok('{ user(id: "usr_atomic") { paylinkAccounts { id } } }')).user.paylinkAccounts;
    expect(after.map((a: { id: string }) => a.id)).not.toContain(before[0].id);
    expect((await ok('mutation { deletePayLinkAccounts(userId: "usr_atomic") }')).deletePayLinkAccounts).toBe(true);
    expect((await ok('{ user(id: "usr_atomic") { paylinkAccounts { id } } }')).user.paylinkAccounts).toEqual([]);
  });

  it('surfaces Atomic 404 and 422 as UPSTREAM_ERROR with the status and Atomic’s message', async () => {
    const tasks = (await ok('{ user(id: "usr_atomic") { tasks { id } } }')).user.tasks;
    const missing = await gql(`{ task(id: "${tasks[0].id}") { fileUrl(fileId: "no-such-file") } }`);
    expect(missing.body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { provider: 'atomic', status: 404 } });
    const invalid = await gql(`mutation { createAtomicAccessToken(input: { userId: "usr_atomic", identity: ${IDENTITY}, cards: [{ number: "4111", expiry: "12/30" }] }) { publicToken } }`);
    expect(invalid.body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { provider: 'atomic', status: 422, message: expect.stringContaining('number') } });
  });

  it('surfaces Atomic’s 401 when the gateway’s Atomic credentials are wrong', async () => {
    const wrong = await startTestGateway('sqlite', { ATOMIC_SANDBOX_URL: f.atomic.url, ATOMIC_SANDBOX_API_SECRET: 'not-the-secret', PLAID_SANDBOX_URL: f.plaid.url });
    try {
      const res = await wrong.graphql('{ companies(query: "Netflix") { id } }');
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { provider: 'atomic', status: 401 } });
      expect(wrong.rawLogs()).not.toContain('not-the-secret');
    } finally {
      await wrong.stop();
    }
  });

  it('surfaces Atomic 429 and 5xx as UPSTREAM_ERROR with the status, after retrying', async () => {
    for (const status of [429, 500, 503]) {
      await control(f.atomic.url, '/faults', { body: { endpoint: '*', status, retryAfterSeconds: 0 } });
      const res = await gql('{ companies(query: "Hulu") { id } }');
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { provider: 'atomic', status } });
      await control(f.atomic.url, '/faults', { method: 'DELETE' });
    }
  });
});
