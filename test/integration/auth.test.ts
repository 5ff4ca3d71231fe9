import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { DEMO_PARTNER_ID } from '../../src/db/seeders/demo-seeder.js';
import { DIALECTS } from '../helpers/databases.js';
import { getJson, startTestGateway, type TestGateway } from '../helpers/gateway.js';

const VIEWER = '{ viewer { id name mode productionEnabled } }';

describe.each(DIALECTS)('API-key authentication (%s)', (dialect) => {
  let gw: TestGateway;
  let acme: { id: string; testKey: string; liveKey: string };

  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    const created = await new PartnerService(gw.orm.em.fork()).createPartner('Acme');
    acme = { id: created.partner.id, testKey: created.testKey, liveKey: created.liveKey };
  });
  afterAll(() => gw.stop());

  it('answers 401 UNAUTHENTICATED without a key', async () => {
    const res = await gw.graphql(VIEWER, { key: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('answers 401 for a key in the right format that was never issued', async () => {
    const forged = acme.testKey.slice(0, -4) + (acme.testKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const res = await gw.graphql(VIEWER, { key: forged });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 for garbage and for a non-Bearer Authorization scheme', async () => {
    expect((await gw.graphql(VIEWER, { key: 'not-a-key' })).status).toBe(401);
    const basic = await gw.graphql(VIEWER, { key: null, headers: { authorization: `Basic ${acme.testKey}` } });
    expect(basic.status).toBe(401);
  });

  it('answers 200 with the partner for a test key, by Bearer and by X-API-Key', async () => {
    const bearer = await gw.graphql(VIEWER, { key: acme.testKey });
    expect(bearer.status).toBe(200);
    expect(bearer.body).toEqual({ data: { viewer: { id: acme.id, name: 'Acme', mode: 'TEST', productionEnabled: false } } });
    const xApiKey = await gw.graphql(VIEWER, { key: null, headers: { 'x-api-key': acme.testKey } });
    expect(xApiKey.body.data.viewer.id).toBe(acme.id);
  });

  it('serves the demo partner to the seeded demo key', async () => {
    const res = await gw.graphql('{ viewer { id name mode } }');
    expect(res.status).toBe(200);
    expect(res.body.data.viewer).toEqual({ id: DEMO_PARTNER_ID, name: 'AtlasForge Demo', mode: 'TEST' });
  });

  it('answers 402 PAYMENT_REQUIRED for a live key until the partner is production-enabled, then 200', async () => {
    const before = await gw.graphql(VIEWER, { key: acme.liveKey });
    expect(before.status).toBe(402);
    expect(before.body.errors[0].extensions.code).toBe('PAYMENT_REQUIRED');

    const other = await new PartnerService(gw.orm.em.fork()).createPartner('Prod Co');
    await new PartnerService(gw.orm.em.fork()).enableProduction(other.partner.id);
    const after = await gw.graphql(VIEWER, { key: other.liveKey });
    expect(after.status).toBe(200);
    expect(after.body.data.viewer).toMatchObject({ id: other.partner.id, mode: 'LIVE', productionEnabled: true });
  });

  it('answers 401 once a key is revoked, while the partner’s other key keeps working', async () => {
    const p = await new PartnerService(gw.orm.em.fork()).createPartner('Soon Revoked');
    expect((await gw.graphql(VIEWER, { key: p.testKey })).status).toBe(200);
    const prefix = p.testKey.split('_').slice(0, 3).join('_');
    expect(await new PartnerService(gw.orm.em.fork()).revokeKey(prefix)).toBe(true);
    const res = await gw.graphql(VIEWER, { key: p.testKey });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('accepts queries over GET with a key and refuses mutations over GET', async () => {
    const q = encodeURIComponent('{ viewer { name } }');
    const ok = await getJson(`${gw.url}/graphql?query=${q}`, { authorization: `Bearer ${acme.testKey}` });
    expect(ok.status).toBe(200);
    expect(ok.body.data.viewer.name).toBe('Acme');
    const noKey = await getJson(`${gw.url}/graphql?query=${q}`);
    expect(noKey.status).toBe(401);
    const m = encodeURIComponent('mutation { createLinkToken(userId: "u1") { linkToken } }');
    const mutation = await getJson(`${gw.url}/graphql?query=${m}`, { authorization: `Bearer ${acme.testKey}` });
    expect(mutation.status).toBe(405);
  });

  it('keeps keys out of the database in plaintext and out of the logs', async () => {
    const conn = gw.orm.em.getConnection();
    const rows = await conn.execute('select prefix, secret_hash from api_keys');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(acme.testKey);
    expect(dump).not.toContain(acme.liveKey);
    expect(dump).not.toContain(gw.demoKey!);
    expect(gw.rawLogs()).not.toContain(acme.testKey);
    expect(gw.rawLogs()).not.toContain(gw.demoKey!);
  });
});
