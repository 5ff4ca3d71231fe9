import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { IdempotencyKey } from '../../src/db/entities/index.js';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { requestFingerprint } from '../../src/modules/transfers/idempotency.js';
import { validateTransferInput } from '../../src/modules/transfers/transfer-input.js';
import { linkUser } from '../helpers/banking.js';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv } from '../helpers/gateway.js';
import { control, eventually, plaidSdk, startBankingFixture, type BankingFixture } from '../helpers/plaid.js';
import { spawnTs, waitForOutput } from '../helpers/spawn.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TRANSFER_FIELDS = '... on Transfer { id status rail amount currency memo fromAccountId toAccountId recipientId estimatedSettlement } ... on TransferDeclined { reason message }';

describe.each(DIALECTS)('transfers with idempotency keys (%s)', (dialect) => {
  let f: BankingFixture;
  let checking: string;
  let savings: string;
  let otherDepository: string;
  let creditCard: string;
  let otherKey: string;
  const USER = 'usr_mover';

  const post = async (body: Json, key: string | null, opts: { url?: string; apiKey?: string } = {}) => {
    const res = await fetch(`${opts.url ?? f.gw.url}/v1/transfers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.apiKey ?? f.gw.demoKey}`, ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const gqlTransfer = async (input: string, key: string, apiKey?: string) =>
    (await f.gw.graphql(`mutation { createTransfer(input: ${input}, idempotencyKey: "${key}") { __typename ${TRANSFER_FIELDS} } }`, { key: apiKey })).body;
  const count = async (table: string) => Number((await f.gw.orm.em.getConnection().execute(`select count(*) as n from ${table}`))[0]!.n);
  const plaidCreates = async () => {
    const calls = (await control(f.plaid.url, '/calls')) as Record<string, number>;
    return calls['/transfer/create'] ?? 0;
  };

  beforeAll(async () => {
    // Bursts of 50 requests on one key are the point here, not the per-key rate limit.
    f = await startBankingFixture(dialect, { RATE_LIMIT_PER_SECOND: '1000' });
    const linked = await linkUser(f.gw, USER);
    const accounts = (await f.gw.graphql(`{ user(id: "${USER}") { accounts { accountId type subtype availableBalance } } }`)).body.data.user.accounts as Json[];
    checking = accounts.find((a) => a.subtype === 'checking')!.accountId;
    savings = accounts.find((a) => a.subtype === 'savings')!.accountId;
    // Depository but not checking or savings (CD, money market): Plaid Transfer refuses these.
    otherDepository = accounts.find((a) => a.type === 'depository' && a.subtype !== 'checking' && a.subtype !== 'savings')!.accountId;
    creditCard = accounts.find((a) => a.type === 'credit')!.accountId;
    expect(linked.accounts.length).toBeGreaterThan(1);
    otherKey = (await new PartnerService(f.gw.orm.em.fork()).createPartner('Other')).testKey;
  });
  afterAll(() => f.stop());

  it('creates a transfer over REST in the reference’s shape, and replays it for the same key and body', async () => {
    const key = randomUUID();
    const body = { from_account_id: checking, to_account_id: savings, amount: 25.0, currency: 'USD', memo: 'Coffee' };
    const before = await plaidCreates();
    const first = await post(body, key);
    expect(first.status).toBe(200);
    expect(Object.keys(first.body)).toEqual(['id', 'status', 'rail', 'estimated_settlement']);
    expect(first.body).toMatchObject({ id: expect.stringMatching(/^tfr_/), status: 'submitted', rail: expect.stringMatching(/^(rtp|same-day-ach|ach)$/) });
    expect(first.body.estimated_settlement).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const again = await post(body, key);
    expect(again).toEqual(first);
    expect(await plaidCreates()).toBe(before + 1);
    const seen = await f.gw.graphql(`{ transfer(id: "${first.body.id}") { id status amount memo fromAccountId toAccountId } }`);
    expect(seen.body.data.transfer).toEqual({ id: first.body.id, status: 'PENDING', amount: 25, memo: 'Coffee', fromAccountId: checking, toAccountId: savings });
    // Another partner cannot see it.
    expect((await f.gw.graphql(`{ transfer(id: "${first.body.id}") { id } }`, { key: otherKey })).body.data.transfer).toBeNull();
  });

  it('answers 422 for a reused key with a different body, 400 without a key, and writes nothing', async () => {
    const key = randomUUID();
    expect((await post({ from_account_id: checking, to_account_id: savings, amount: 10 }, key)).status).toBe(200);
    const transfers = await count('transfers');
    const reused = await post({ from_account_id: checking, to_account_id: savings, amount: 11 }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const missing = await post({ from_account_id: checking, to_account_id: savings, amount: 11 }, null);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await count('transfers')).toBe(transfers);
  });

  it('rejects bad input with a field and no transfer: amount, decimals, currency, destinations, another partner’s account', async () => {
    const transfers = await count('transfers');
    const cases: [Json, string][] = [
      [{ from_account_id: checking, to_account_id: savings, amount: 0 }, 'amount'],
      [{ from_account_id: checking, to_account_id: savings, amount: 1.001 }, 'amount'],
      // Number() reads these as 16, 16, 100 and 0.0000001: a plain decimal is required.
      [{ from_account_id: checking, to_account_id: savings, amount: '0x10' }, 'amount'],
      [{ from_account_id: checking, to_account_id: savings, amount: '0b10000' }, 'amount'],
      [{ from_account_id: checking, to_account_id: savings, amount: '1e2' }, 'amount'],
      [{ from_account_id: checking, to_account_id: savings, amount: 1e-7 }, 'amount'],
      [{ from_account_id: checking, to_account_id: savings, amount: 5, currency: 'EUR' }, 'currency'],
      [{ from_account_id: checking, amount: 5 }, 'to_account_id'],
      [{ from_account_id: checking, to_account_id: savings, recipient_id: 'rcp_x', amount: 5 }, 'recipient_id'],
      [{ from_account_id: otherDepository, to_account_id: savings, amount: 5 }, 'from_account_id'],
      [{ from_account_id: checking, to_account_id: creditCard, amount: 5 }, 'to_account_id'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body, randomUUID());
      expect([res.status, res.body.error.code, res.body.error.field]).toEqual([400, 'BAD_USER_INPUT', field]);
    }
    const foreign = await post({ from_account_id: checking, to_account_id: savings, amount: 5 }, randomUUID(), { apiKey: otherKey });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await count('transfers')).toBe(transfers);
  });

  it('returns a typed TransferDeclined (GraphQL) / 422 TRANSFER_DECLINED (REST) when the balance does not cover it', async () => {
    const transfers = await count('transfers');
    const accounts = (await f.gw.graphql(`{ user(id: "${USER}") { accounts { accountId availableBalance } } }`)).body.data.user.accounts as Json[];
    // Just over what the account has: under any transfer limit, so the decline is for funds.
    const tooMuch = Math.round((accounts.find((a) => a.accountId === checking)!.availableBalance + 1) * 100) / 100;
    const declined = await gqlTransfer(`{ fromAccountId: "${checking}", toAccountId: "${savings}", amount: ${tooMuch} }`, randomUUID());
    expect(declined.errors).toBeUndefined();
    expect(declined.data.createTransfer).toMatchObject({ __typename: 'TransferDeclined', reason: 'INSUFFICIENT_FUNDS' });
    const rest = await post({ from_account_id: checking, to_account_id: savings, amount: tooMuch }, randomUUID());
    expect(rest.status).toBe(422);
    expect(rest.body.error).toMatchObject({ code: 'TRANSFER_DECLINED', reason: 'INSUFFICIENT_FUNDS' });
    expect(await count('transfers')).toBe(transfers);
  });

  it('makes one transfer out of 50 concurrent identical requests (the others replay it or get 409)', async () => {
    const key = randomUUID();
    const before = await count('transfers');
    const body = { from_account_id: checking, to_account_id: savings, amount: 1.5 };
    const results = await Promise.all(Array.from({ length: 50 }, () => post(body, key)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
    for (const r of results.filter((x) => x.status !== 200)) expect([r.status, r.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(await count('transfers')).toBe(before + 1);
  });

  it('lets a retry take over a key whose first request died mid-way (its in-flight lease lapsed)', async () => {
    const key = randomUUID();
    const body = { from_account_id: checking, to_account_id: savings, amount: 4.2 };
    const fingerprint = requestFingerprint('createTransfer', validateTransferInput({ fromAccountId: checking, toAccountId: savings, amountCents: 420 }));
    const partnerId = (await f.gw.graphql('{ viewer { id } }')).body.data.viewer.id;
    const em = f.gw.orm.em.fork();
    const past = new Date(Date.now() - 120_000);
    // What a process that crashed after claiming the key leaves behind.
    await em.insert(IdempotencyKey, { id: randomUUID(), partner: partnerId, key, operation: 'createTransfer', requestHash: fingerprint, status: 'in_flight', lockedUntil: past, createdAt: past, expiresAt: new Date(Date.now() + 86_400_000) });
    const res = await post(body, key);
    expect(res.status).toBe(200);
    expect((await post(body, key)).body).toEqual(res.body);
  });

  it('saves recipients (account number sealed, only its mask shown) and sends to them; other partners see none', async () => {
    const created = await f.gw.graphql(`mutation { createRecipient(input: { userId: "${USER}", name: "Landlord LLC", routingNumber: "021000021", accountNumber: "000123456789", accountType: CHECKING }) { id name mask routingNumber accountType } }`);
    expect(created.body.errors).toBeUndefined();
    const recipient = created.body.data.createRecipient;
    expect(recipient).toMatchObject({ id: expect.stringMatching(/^rcp_/), mask: '6789', accountType: 'CHECKING' });
    const rows = await f.gw.orm.em.getConnection().execute('select * from transfer_recipients');
    expect(JSON.stringify(rows)).not.toContain('000123456789');
    expect(f.gw.rawLogs()).not.toContain('000123456789');
    const bad = await f.gw.graphql(`mutation { createRecipient(input: { userId: "${USER}", name: "X", routingNumber: "021000022", accountNumber: "1234", accountType: SAVINGS }) { id } }`);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'routingNumber' });
    expect((await f.gw.graphql(`{ recipients(userId: "${USER}") { id } }`)).body.data.recipients).toEqual([{ id: recipient.id }]);
    expect((await f.gw.graphql(`{ recipients(userId: "${USER}") { id } }`, { key: otherKey })).body.data.recipients).toEqual([]);

    const sent = await gqlTransfer(`{ fromAccountId: "${checking}", recipientId: "${recipient.id}", amount: 12.34, memo: "Rent" }`, randomUUID());
    expect(sent.data.createTransfer).toMatchObject({ __typename: 'Transfer', recipientId: recipient.id, toAccountId: null, amount: 12.34, status: 'PENDING' });
    const foreign = await gqlTransfer(`{ fromAccountId: "${checking}", recipientId: "${recipient.id}", amount: 1 }`, randomUUID(), otherKey);
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');
    // REST as the reference writes it: the saved recipient in to_account_id.
    const viaRest = await post({ from_account_id: checking, to_account_id: recipient.id, amount: 4.5 }, randomUUID());
    expect(viaRest.status).toBe(200);
    expect((await f.gw.graphql(`{ transfer(id: "${viaRest.body.id}") { recipientId toAccountId amount } }`)).body.data.transfer).toEqual({ recipientId: recipient.id, toAccountId: null, amount: 4.5 });
    const foreignRest = await post({ from_account_id: checking, to_account_id: recipient.id, amount: 1 }, randomUUID(), { apiKey: otherKey });
    expect([foreignRest.status, foreignRest.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('follows Plaid’s transfer events to SETTLED, emitting transfer.posted and transfer.settled into the outbox', async () => {
    const res = await post({ from_account_id: checking, to_account_id: savings, amount: 3 }, randomUUID());
    const row = (await f.gw.orm.em.getConnection().execute('select plaid_transfer_id from transfers where public_id = ?', [res.body.id]))[0]!;
    const sdk = plaidSdk(f.plaid.url);
    await sdk.sandboxTransferSimulate({ transfer_id: String(row.plaid_transfer_id), event_type: 'posted' });
    await sdk.sandboxTransferSimulate({ transfer_id: String(row.plaid_transfer_id), event_type: 'settled' });
    await eventually(async () => (await f.gw.graphql(`{ transfer(id: "${res.body.id}") { status } }`)).body.data.transfer.status === 'SETTLED');
    const events = await f.gw.orm.em.getConnection().execute(`select event_type, payload from outbox_events where event_type like 'transfer.%' order by id`);
    const mine = events
      .map((e) => ({ type: e.event_type, payload: typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload }))
      .filter((e) => e.payload.transfer.id === res.body.id)
      .map((e) => [e.type, e.payload.transfer.status]);
    expect(mine).toEqual([
      ['transfer.pending', 'pending'],
      ['transfer.posted', 'posted'],
      ['transfer.settled', 'settled'],
    ]);
  });

  if (dialect === 'postgresql') {
    it('makes one transfer out of 50 concurrent identical requests split across two gateway processes', async () => {
      const child: ChildProcess = spawnTs('src/main.ts', [], { ...testEnv(f.gw.database, { PLAID_SANDBOX_URL: f.plaid.url, RATE_LIMIT_PER_SECOND: '1000' }), PORT: '0', DEMO_API_KEY: f.gw.demoKey! });
      try {
        const otherUrl = (await waitForOutput(child, /GraphiQL: +(http:\/\/\S+)\/graphql/))[1]!;
        const key = randomUUID();
        const before = await count('transfers');
        const body = { from_account_id: checking, to_account_id: savings, amount: 2.25 };
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post(body, key, { url: i % 2 ? otherUrl : f.gw.url })));
        const ok = results.filter((r) => r.status === 200);
        expect(ok.length).toBeGreaterThan(0);
        expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
        for (const r of results.filter((x) => x.status !== 200)) expect([r.status, r.body.error.code]).toEqual([409, 'CONFLICT']);
        expect(await count('transfers')).toBe(before + 1);
      } finally {
        child.kill('SIGTERM');
      }
    });
  }
});
