import type { RunningAtomicEmulator } from '../../../src/sandbox/atomic/index.js';
import { atomicClient, example, placeholderUrls, REFERENCE_USER, startEmulator } from './helpers/emulator.js';
import type { AtomicApi } from './helpers/emulator.js';

type Json = Record<string, unknown>;
const LINKED_ACCOUNT = '5f7212103a40e91f95ba376d';
const ENDPOINTS = [
  ['deposit-accounts', 'userlink.depositAccounts'],
  ['employment', 'userlink.employment'],
  ['identity', 'userlink.identity'],
  ['income', 'userlink.income'],
  ['statements', 'userlink.statements'],
  ['timesheets', 'userlink.timesheets'],
  ['taxes', 'userlink.taxes'],
] as const;

describe('Atomic emulator: UserLink payroll data', () => {
  const now = new Date('2025-03-05T15:30:00.000Z');
  let emulator: RunningAtomicEmulator;
  let api: AtomicApi;

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => now });
    api = atomicClient(emulator.url);
  });
  afterAll(() => emulator.close());

  it.each(ENDPOINTS)('serves /%s/:identifier exactly as the reference example (download URLs aside)', async (path, name) => {
    const response = await api.get(`${path}/${REFERENCE_USER}`);
    expect(response.statusCode).toBe(200);
    expect(placeholderUrls(response.body, emulator.url)).toEqual(example(name));
    const narrowed = await api.get(`${path}/${REFERENCE_USER}`, { searchParams: { linkedAccount: LINKED_ACCOUNT } });
    expect(placeholderUrls(narrowed.body, emulator.url)).toEqual(example(name));
    const unknown = await api.get(`${path}/${REFERENCE_USER}`, { searchParams: { linkedAccount: '000000000000000000000000' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toEqual({ message: 'Linked account not found.', statusCode: 404 });
  });

  it('serves working, signed download URLs for paystubs and tax forms', async () => {
    const statements = (await api.get(`statements/${REFERENCE_USER}`)).body as { data: Array<{ statements: Array<{ paystub: { url: string } }> }> };
    const url = statements.data[0]!.statements[0]!.paystub.url;
    expect(url).toMatch(new RegExp(`^${emulator.url}/__files/602414d84f9a1980cf5eafcc/60abeff50836730008616fad\\.pdf\\?expires=\\d+&signature=[0-9a-f]{64}$`));
    expect((await fetch(url)).status).toBe(200);
  });

  it('lists linked accounts as in the reference', async () => {
    const response = await api.get(`linked-account/list/${REFERENCE_USER}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual(example('userlink.linkedAccounts'));
  });

  it('starts a task workflow from a linked account', async () => {
    const response = await api.post('task-workflow/from-linked-account', {
      json: { linkedAccount: LINKED_ACCOUNT, tasks: [{ operation: 'verify' }, { product: 'deposit', distribution: { type: 'fixed', amount: 50 } }] },
    });
    expect(response.statusCode).toBe(200);
    const body = response.body as { data: { task: { _id: string }; taskWorkflow: { _id: string }; company: Json } };
    const expected = example<{ data: Json }>('userlink.taskWorkflow');
    expect(Object.keys(body.data)).toEqual(Object.keys(expected.data));
    expect(body.data.task).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(body.data.taskWorkflow).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(body.data.company).toEqual({
      _id: '5d77f9e1070856f3828945c6',
      name: 'DoTerra',
      branding: { logo: { url: 'https://cdn.atomicfi.com/doterra-logo.svg' }, color: expect.stringMatching(/^#[0-9A-F]{6}$/) },
    });
    const task = (await api.get(`task/${body.data.task._id}/details`)).body as { data: { task: Json } };
    expect(task.data.task).toMatchObject({
      _id: body.data.task._id,
      authenticated: false,
      product: 'verify',
      status: 'queued',
      payrollDataAvailable: false,
      linkedAccount: LINKED_ACCOUNT,
      taskWorkflow: body.data.taskWorkflow,
      user: { _id: '607e249736b9f053b536bdea', identifier: REFERENCE_USER },
      company: { _id: '5d77f9e1070856f3828945c6', name: 'DoTerra' },
      connector: { _id: '5d77f95207085632a58945c3', name: 'ADP' },
    });
    // Its files are the ones the linked account's data points at.
    expect((await api.get(`task/${body.data.task._id}/file/60abeff50836730008616fad/generate-url`)).statusCode).toBe(200);

    for (const [json, status] of [
      [{ tasks: [{ operation: 'verify' }] }, 422],
      [{ linkedAccount: LINKED_ACCOUNT }, 422],
      [{ linkedAccount: LINKED_ACCOUNT, tasks: [] }, 422],
      [{ linkedAccount: LINKED_ACCOUNT, tasks: [{ operation: 'lend' }] }, 422],
      [{ linkedAccount: LINKED_ACCOUNT, tasks: [{ operation: 'deposit', distribution: { type: 'percent', amount: 120 } }] }, 422],
      [{ linkedAccount: LINKED_ACCOUNT, tasks: [{ operation: 'deposit', distribution: { type: 'fixed' } }] }, 422],
      [{ linkedAccount: LINKED_ACCOUNT, tasks: [{ operation: 'verify', onComplete: 'stop' }] }, 422],
      [{ linkedAccount: '000000000000000000000000', tasks: [{ operation: 'verify' }] }, 404],
    ] as const) {
      expect((await api.post('task-workflow/from-linked-account', { json })).statusCode).toBe(status);
    }
  });

  it('updates a user (PUT /user) with the access-token body shape nested under data', async () => {
    const ok = await api.put('user', {
      json: {
        identifier: 'user-pci',
        data: {
          identity: { firstName: 'Kris', phone: '5551234567' },
          accounts: [{ accountNumber: '998877665544', routingNumber: '021000021', type: 'savings', title: 'Rainy day' }],
        },
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toEqual({ success: true });
    // A later deposit task writes the account sent here.
    const linked = ((await api.get('linked-account/list/user-pci')).body as { data: Array<{ _id: string }> }).data[0]!;
    const started = (await api.post('task-workflow/from-linked-account', {
      json: { linkedAccount: linked._id, tasks: [{ operation: 'deposit', distribution: { type: 'percent', amount: 25 } }] },
    })).body as { data: { task: { _id: string } } };
    const details = (await api.get(`task/${started.data.task._id}/details`)).body as { data: { task: Json } };
    expect(details.data.task.depositData).toEqual({
      accountType: 'savings',
      distributionAmount: 25,
      distributionType: 'percent',
      lastFour: '5544',
      routingNumber: '021000021',
      title: 'Rainy day',
    });
    for (const json of [
      { data: { identity: { firstName: 'x' } } },
      { identifier: 'user-pci' },
      { identifier: 'user-pci', data: { cards: [{ number: '12', expiry: '01/30' }] } },
      { identifier: 'user-pci', data: { identity: { phone: '12' } } },
    ]) {
      expect((await api.put('user', { json })).statusCode).toBe(422);
    }
  });

  it('ends monitoring: linked accounts then need the user in Transact, and background workflows are refused', async () => {
    const identifier = 'user-monitored';
    const linked = ((await api.get(`linked-account/list/${identifier}`)).body as { data: Array<{ _id: string; transactRequired: boolean }> }).data;
    expect(linked.every((a) => a.transactRequired === false)).toBe(true);
    const ended = await api.put(`user/${identifier}/end-monitoring`);
    expect(ended.statusCode).toBe(200);
    expect(ended.body).toEqual(example('userlink.endMonitoring'));
    const after = ((await api.get(`linked-account/list/${identifier}`)).body as { data: Array<{ transactRequired: boolean }> }).data;
    expect(after.every((a) => a.transactRequired)).toBe(true);
    const refused = await api.post('task-workflow/from-linked-account', { json: { linkedAccount: linked[0]!._id, tasks: [{ operation: 'verify' }] } });
    expect(refused.statusCode).toBe(422);
  });

  describe('generated users', () => {
    const identifier = 'partner-user-7f3a';
    const get = async <T>(path: string): Promise<T> => {
      const response = await api.get(`${path}/${identifier}`);
      expect(response.statusCode).toBe(200);
      return (response.body as { data: T }).data;
    };

    it('have consistent, realistic payroll: paychecks add up, W-2s sum the year, full SSNs and account numbers', async () => {
      const linked = await get<Array<{ _id: string }>>('linked-account/list');
      expect(linked.length).toBeGreaterThanOrEqual(1);
      const statements = await get<Array<{ linkedAccount: string; task: string; statements: Array<Json & { deductions: Json[]; earnings: Json[] }> }>>(
        'statements',
      );
      for (const entry of statements) {
        expect(linked.map((l) => l._id)).toContain(entry.linkedAccount);
        expect(entry.statements.length).toBeGreaterThan(0);
        for (const s of entry.statements) {
          const sum = (items: Json[]) => items.reduce((t, i) => t + (i.amount as number), 0);
          const net = (s.grossAmount as number) - sum(s.deductions) + sum(s.netAmountAdjustments as Json[]);
          expect(s.netAmount).toBeCloseTo(net, 2);
          expect(sum(s.earnings)).toBeCloseTo(s.grossAmount as number, 2);
          expect(Date.parse(s.date as string)).toBeLessThanOrEqual(now.getTime());
          expect(s.ytdGrossAmount as number).toBeGreaterThanOrEqual(s.grossAmount as number);
        }
      }
      const income = (await get<Array<{ income: Json }>>('income'))[0]!.income;
      expect(['weekly', 'biweekly', 'semimonthly']).toContain(income.payCycle);
      expect(Date.parse(income.nextExpectedPayDate as string)).toBeGreaterThan(now.getTime());
      expect(Date.parse(income.currentPayPeriodStart as string)).toBeLessThanOrEqual(now.getTime());
      expect(Date.parse(income.currentPayPeriodEnd as string)).toBeGreaterThanOrEqual(now.getTime() - 86_400_000);
      const identity = (await get<Array<{ identity: Json }>>('identity'))[0]!.identity;
      expect(identity.ssn).toMatch(/^\d{9}$/);
      expect(Object.keys(identity)).toEqual(Object.keys(example<{ data: Array<{ identity: Json }> }>('userlink.identity').data[0]!.identity));
      const deposits = (await get<Array<{ depositAccounts: Array<Array<Json>> }>>('deposit-accounts'))[0]!.depositAccounts;
      expect(deposits[0]!.every((a) => /^\d{10,12}$/.test(a.accountNumber as string) && /^\d{9}$/.test(a.routingNumber as string))).toBe(true);
      const taxes = await get<Array<{ taxes: Array<Json & { parsedData?: Json }> }>>('taxes');
      const w2 = taxes.flatMap((t) => t.taxes).find((t) => t.type === 'w2');
      expect(w2).toBeDefined();
      const ssn = identity.ssn as string;
      expect((w2?.parsedData as Json).employeeTin).toBe(`${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}`);
      expect((w2?.parsedData as Json).taxYear).toBe(2024);
      expect(w2?.year).toBe('2024-01-01T00:00:00.000Z');
      const employment = (await get<Array<{ employment: Json }>>('employment'))[0]!.employment;
      expect(Object.keys(employment)).toEqual(Object.keys(example<{ data: Array<{ employment: Json }> }>('userlink.employment').data[0]!.employment));
      // Each entry's task is a completed verify task whose files are the paystubs and forms.
      const task = (await api.get(`task/${statements[0]!.task}/details`)).body as { data: { task: Json } };
      expect(task.data.task).toMatchObject({ product: 'verify', status: 'completed', payrollDataAvailable: true });
      const paystub = statements[0]!.statements[0]!.paystub as { _id: string };
      expect((await api.get(`task/${statements[0]!.task}/file/${paystub._id}/generate-url`)).statusCode).toBe(200);
    });
  });
});
