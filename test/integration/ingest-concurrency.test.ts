import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PARTNER_ID } from '../../src/db/seeders/demo-seeder.js';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { DIALECTS } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const SECRET = 'test-ingest-secret-0123456789';

/** Concurrent batches share transactions on SQLite (group commit): each must still stand alone. */
describe.each(DIALECTS)('concurrent ingest batches (%s)', (dialect) => {
  let gw: TestGateway;
  const post = async (events: unknown[]) => {
    const res = await fetch(`${gw.url}/api/ingest/events/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-atlas-ingest-secret': SECRET },
      body: JSON.stringify({ events }),
    });
    return { status: res.status, body: (await res.json()) as { accepted: number; duplicates?: number; error?: { code: string } } };
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await gw.orm.em.getConnection().execute(sql, params))[0]!.n);

  beforeAll(async () => {
    gw = await startTestGateway(dialect, { ATLAS_INGEST_SECRET: SECRET, LOG_LEVEL: 'fatal' });
  });
  afterAll(() => gw.stop());

  it('stores every event once when concurrent batches repeat event ids', async () => {
    const batch = (b: number) =>
      Array.from({ length: 50 }, (_, i) => ({ partner_id: DEMO_PARTNER_ID, event_type: 'user_signup', user_id: `c${b}`, event_id: `conc-${(b * 50 + i) % 600}` }));
    const results = await Promise.all(Array.from({ length: 20 }, (_, b) => post(batch(b))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const accepted = results.reduce((n, r) => n + r.body.accepted, 0);
    const duplicates = results.reduce((n, r) => n + (r.body.duplicates ?? 0), 0);
    expect({ accepted, duplicates }).toEqual({ accepted: 600, duplicates: 400 });
    expect(await count(`select count(*) as n from usage_events where event_id like 'conc-%'`)).toBe(600);
  });

  it('fails only the batch whose insert fails, not the ones written with it', async () => {
    // A partner the gateway has seen (so its directory lets the id through) that is then deleted:
    // its batch violates the foreign key while the others are fine.
    const gone = (await new PartnerService(gw.orm.em.fork()).createPartner('Soon Gone')).partner.id;
    expect((await post([{ partner_id: gone, event_type: 'user_signup', user_id: 'g0' }])).status).toBe(200);
    await gw.orm.em.getConnection().execute('delete from partners where id = ?', [gone]);
    const ok = (b: number) => Array.from({ length: 20 }, (_, i) => ({ partner_id: DEMO_PARTNER_ID, event_type: 'user_signup', user_id: `k${b}-${i}` }));
    const results = await Promise.all([post(ok(1)), post(ok(2)), post([{ partner_id: gone, event_type: 'user_signup', user_id: 'g1' }]), post(ok(3)), post(ok(4))]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 500, 200, 200]);
    expect(await count(`select count(*) as n from usage_events where user_id like 'k%'`)).toBe(80);
    expect(await count('select count(*) as n from usage_events where partner_id = ?', [gone])).toBe(0);
  });
});
