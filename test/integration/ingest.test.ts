import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PARTNER_ID } from '../../src/db/seeders/demo-seeder.js';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { DIALECTS } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const SECRET = 'test-ingest-secret-0123456789';

describe.each(DIALECTS)('usage ingest API and partner usage (%s)', (dialect) => {
  let gw: TestGateway;
  let other: { id: string; key: string };
  const post = async (path: string, body: unknown, headers: Record<string, string> = { 'x-atlas-ingest-secret': SECRET }) => {
    const res = await fetch(`${gw.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const countEvents = async () => Number((await gw.orm.em.getConnection().execute('select count(*) as n from usage_events'))[0]!.n);

  beforeAll(async () => {
    gw = await startTestGateway(dialect, { ATLAS_INGEST_SECRET: SECRET });
    const p = await new PartnerService(gw.orm.em.fork()).createPartner('Other Partner');
    other = { id: p.partner.id, key: p.testKey };
  });
  afterAll(() => gw.stop());

  it('answers the reference’s single-event curl example exactly', async () => {
    const res = await post('/api/ingest/event', { partner_id: DEMO_PARTNER_ID, event_type: 'transaction', user_id: 'usr_42', amount_cents: 4218, category: 'groceries' });
    expect(res).toEqual({ status: 200, body: { accepted: 1, partners: [DEMO_PARTNER_ID] } });
  });

  it('answers the reference’s batch example exactly, also with Authorization: Bearer', async () => {
    const events = [
      { partner_id: DEMO_PARTNER_ID, event_type: 'user_signup', user_id: 'usr_1' },
      { partner_id: DEMO_PARTNER_ID, event_type: 'account_link', user_id: 'usr_1', institution: 'chase' },
      { partner_id: DEMO_PARTNER_ID, event_type: 'transaction', user_id: 'usr_1', amount_cents: 4218, category: 'groceries' },
    ];
    const res = await post('/api/ingest/events/batch', { events }, { authorization: `Bearer ${SECRET}` });
    expect(res).toEqual({ status: 200, body: { accepted: 3, partners: [DEMO_PARTNER_ID] } });
  });

  it('pings with the secret, and refuses a missing or wrong secret and partner API keys with 401', async () => {
    const ping = await fetch(`${gw.url}/api/ingest/ping`, { headers: { 'x-atlas-ingest-secret': SECRET } });
    expect(ping.status).toBe(200);
    expect((await fetch(`${gw.url}/api/ingest/ping`)).status).toBe(401);
    const event = { partner_id: DEMO_PARTNER_ID, event_type: 'user_signup', user_id: 'u' };
    const attempts: Record<string, string>[] = [{}, { 'x-atlas-ingest-secret': 'wrong-secret-wrong-secret' }, { authorization: `Bearer ${gw.demoKey}` }, { 'x-api-key': gw.demoKey! }];
    for (const headers of attempts) {
      const res = await post('/api/ingest/event', event, headers);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('rejects a batch naming an unknown partner with 400 and a missing array, storing nothing', async () => {
    const before = await countEvents();
    const res = await post('/api/ingest/events/batch', {
      events: [
        { partner_id: DEMO_PARTNER_ID, event_type: 'user_signup', user_id: 'u1' },
        { partner_id: 'p_1', event_type: 'user_signup', user_id: 'u2' },
        { partner_id: '00000000-0000-4000-8000-000000000000', event_type: 'user_signup', user_id: 'u3' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.missing).toEqual(['p_1', '00000000-0000-4000-8000-000000000000']);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    expect(await countEvents()).toBe(before);
  });

  it('names the event index and field of every other problem, storing nothing', async () => {
    const before = await countEvents();
    const ok = { partner_id: DEMO_PARTNER_ID, event_type: 'user_signup', user_id: 'u' };
    const cases: [unknown, number, string][] = [
      [{ ...ok, event_type: 'purchase' }, 1, 'event_type'],
      [{ ...ok, amount_cents: 100 }, 1, 'amount_cents'],
      [{ ...ok, event_type: 'transaction', amount_cents: 10.5 }, 1, 'amount_cents'],
      [{ ...ok, institution: 'chase' }, 1, 'institution'],
      [{ ...ok, occurred_at: 'yesterday' }, 1, 'occurred_at'],
      [{ ...ok, occurred_at: '2026-02-31T10:00:00Z' }, 1, 'occurred_at'],
      [{ ...ok, partner_id: undefined }, 1, 'partner_id'],
    ];
    for (const [bad, index, field] of cases) {
      const res = await post('/api/ingest/events/batch', { events: [ok, bad] });
      expect({ field, status: res.status, index: res.body.error.index, got: res.body.error.field }).toEqual({ field, status: 400, index, got: field });
    }
    expect(await countEvents()).toBe(before);
  });

  it('refuses more than 500 events (400) and an oversize body (413)', async () => {
    const ev = { partner_id: DEMO_PARTNER_ID, event_type: 'user_signup', user_id: 'u' };
    const tooMany = await post('/api/ingest/events/batch', { events: Array.from({ length: 501 }, () => ev) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/1 to 500/);
    const huge = await post('/api/ingest/events/batch', JSON.stringify({ events: [{ ...ev, user_id: 'x'.repeat(1_100_000) }] }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('BAD_USER_INPUT');
  });

  it('stores an event_id once and reports retries as duplicates', async () => {
    const ev = { partner_id: DEMO_PARTNER_ID, event_type: 'transaction', user_id: 'u9', amount_cents: 100, category: 'dining', event_id: 'evt-abc-1' };
    expect((await post('/api/ingest/event', ev)).body).toEqual({ accepted: 1, partners: [DEMO_PARTNER_ID] });
    expect((await post('/api/ingest/event', ev)).body).toEqual({ accepted: 0, partners: [DEMO_PARTNER_ID], duplicates: 1 });
    const batch = await post('/api/ingest/events/batch', { events: [ev, { ...ev, event_id: 'evt-abc-2' }] });
    expect(batch.body).toEqual({ accepted: 1, partners: [DEMO_PARTNER_ID], duplicates: 1 });
  });

  it('takes the same events through the GraphQL mutations with the ingest secret, and not with a partner key', async () => {
    const m = `mutation { ingestEvents(events: [{ partnerId: "${other.id}", eventType: transaction, userId: "b1", amountCents: 500, category: "rent", occurredAt: "2026-03-01T10:15:00Z" }]) { accepted partners duplicates } }`;
    const ok = await gw.graphql(m, { key: null, headers: { 'x-atlas-ingest-secret': SECRET } });
    expect(ok.body).toEqual({ data: { ingestEvents: { accepted: 1, partners: [other.id], duplicates: 0 } } });
    const asPartner = await gw.graphql(m);
    expect(asPartner.status).toBe(403);
    expect(asPartner.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const secretAsPartner = await gw.graphql('{ viewer { id } }', { key: null, headers: { authorization: `Bearer ${SECRET}` } });
    expect(secretAsPartner.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await gw.graphql(`mutation { ingestEvent(event: { partnerId: "${other.id}", eventType: user_signup, amountCents: 5 }) { accepted } }`, { key: null, headers: { 'x-atlas-ingest-secret': SECRET } });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount_cents' });
  });

  it('aggregates a partner’s own usage only, with hourly buckets; adminUsage needs the secret and sees everyone', async () => {
    const at = (h: number) => `2026-03-02T${String(h).padStart(2, '0')}:30:00Z`;
    const events = [
      { partner_id: other.id, event_type: 'user_signup', user_id: 'b1', occurred_at: at(9) },
      { partner_id: other.id, event_type: 'account_link', user_id: 'b1', institution: 'chase', occurred_at: at(9) },
      { partner_id: other.id, event_type: 'transaction', user_id: 'b2', amount_cents: 1000, category: 'groceries', occurred_at: at(11) },
      { partner_id: other.id, event_type: 'transaction', user_id: 'b2', amount_cents: 250, category: 'groceries', occurred_at: at(11) },
      { partner_id: DEMO_PARTNER_ID, event_type: 'transaction', user_id: 'a1', amount_cents: 99_999, category: 'groceries', occurred_at: at(11) },
    ];
    expect((await post('/api/ingest/events/batch', { events })).status).toBe(200);
    const q = `{ usage(from: "2026-03-02T00:00:00Z", to: "2026-03-03T00:00:00Z", granularity: HOUR) {
      signups activeUsers accountLinks accountLinksByInstitution { institution count } transactions transactionAmountCents
      transactionsByCategory { category count amountCents } series { start signups accountLinks transactions transactionAmountCents } } }`;
    const mine = await gw.graphql(q, { key: other.key });
    expect(mine.body.data.usage).toEqual({
      signups: 1,
      activeUsers: 2,
      accountLinks: 1,
      accountLinksByInstitution: [{ institution: 'chase', count: 1 }],
      transactions: 2,
      transactionAmountCents: 1250,
      transactionsByCategory: [{ category: 'groceries', count: 2, amountCents: 1250 }],
      series: [
        { start: '2026-03-02T09:00:00.000Z', signups: 1, accountLinks: 1, transactions: 0, transactionAmountCents: 0 },
        { start: '2026-03-02T11:00:00.000Z', signups: 0, accountLinks: 0, transactions: 2, transactionAmountCents: 1250 },
      ],
    });
    const admin = await gw.graphql(q.replace('usage(', 'adminUsage('), { key: null, headers: { 'x-atlas-ingest-secret': SECRET } });
    expect(admin.body.data.adminUsage.transactionAmountCents).toBe(1250 + 99_999);
    const adminAsPartner = await gw.graphql(q.replace('usage(', 'adminUsage('), { key: other.key });
    expect(adminAsPartner.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // A window edge must be a real ISO-8601 instant: Date.parse takes Feb 29, 2026 as March 1 and reads prose dates.
    for (const from of ['2026-02-29T00:00:00Z', 'March 2, 2026 00:00 UTC']) {
      const bad = await gw.graphql(q.replace('"2026-03-02T00:00:00Z"', `"${from}"`), { key: other.key });
      expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    // Without an offset it is UTC: the same window, the same answer.
    const noOffset = await gw.graphql(q.replace('"2026-03-02T00:00:00Z"', '"2026-03-02T00:00:00"'), { key: other.key });
    expect(noOffset.body.data.usage).toEqual(mine.body.data.usage);
  });
});

describe('ingest without a configured secret', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('sqlite');
  });
  afterAll(() => gw.stop());

  it('answers 503 with a clear message', async () => {
    const res = await fetch(`${gw.url}/api/ingest/event`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-atlas-ingest-secret': SECRET }, body: '{}' });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/ATLAS_INGEST_SECRET/);
  });
});
