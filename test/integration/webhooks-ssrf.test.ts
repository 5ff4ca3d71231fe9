import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { deliveries, eventually, recordCalculation, registerEndpoint, WebhookReceiver } from '../helpers/webhooks.js';

/** The production default: no allowlist, so only public https destinations. */
const NO_ALLOWLIST = { WEBHOOK_ALLOWED_HOSTS: '' };

describe.each(DIALECTS)('webhook SSRF guard (%s)', (dialect) => {
  let db: TestDatabase;
  let gw: TestGateway;
  const rx = new WebhookReceiver();
  const count = async () => Number((await gw.orm.em.getConnection().execute('select count(*) as n from webhook_endpoints'))[0]!.n);

  beforeAll(async () => {
    await rx.start();
    db = await createTestDatabase(dialect);
    gw = await startTestGateway(db, NO_ALLOWLIST);
  });
  afterAll(async () => {
    await gw?.stop();
    await rx.close();
    await db?.drop();
  });

  it.each([
    ['a loopback receiver without an allowlist', () => rx.url(), /127\.0\.0\.1, which is a loopback/],
    ['https to loopback', () => `https://127.0.0.1:${rx.port}/hook`, /loopback/],
    ['localhost', () => `http://localhost:${rx.port}/hook`, /the host localhost does not resolve to public addresses only/],
    ['a private 10.x address', () => 'https://10.0.0.5/hook', /10\.0\.0\.5, which is a private/],
    ['192.168.x', () => 'https://192.168.1.20/hook', /private/],
    ['the cloud metadata address', () => 'https://169.254.169.254/latest/meta-data/', /169\.254\.169\.254, which is a link-local/],
    ['CGNAT', () => 'https://100.64.1.1/hook', /carrier-grade NAT/],
    ['0.0.0.0', () => 'https://0.0.0.0/hook', /unspecified/],
    ['IPv4-mapped IPv6 loopback', () => `https://[::ffff:127.0.0.1]:${rx.port}/hook`, /127\.0\.0\.1, which is a loopback/],
    ['IPv6 loopback', () => 'https://[::1]/hook', /loopback/],
    ['IPv6 link-local', () => 'https://[fe80::1]/hook', /link-local/],
    ['IPv6 unique-local', () => 'https://[fd00::1]/hook', /unique-local/],
    ['decimal 2130706433', () => `http://2130706433:${rx.port}/hook`, /127\.0\.0\.1, which is a loopback/],
    ['hex 0x7f.1', () => `https://0x7f.1:${rx.port}/hook`, /127\.0\.0\.1, which is a loopback/],
    ['short 127.1', () => `https://127.1:${rx.port}/hook`, /127\.0\.0\.1, which is a loopback/],
    ['octal 0177.0.0.1', () => `https://0177.0.0.1:${rx.port}/hook`, /127\.0\.0\.1, which is a loopback/],
  ])('refuses %s at registration, writing nothing', async (_what, url, why) => {
    const before = await count();
    const res = await gw.graphql('mutation($u: String!) { registerWebhookEndpoint(url: $u, eventTypes: ["*"]) { secret } }', { variables: { u: url() } });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(res.body.errors[0].message).toMatch(/^url is not allowed: /);
    expect(res.body.errors[0].message).toMatch(why);
    expect(await count()).toBe(before);
    expect(rx.requests).toHaveLength(0);
  });
});

describe.each(DIALECTS)('webhook SSRF guard at delivery time (%s)', (dialect) => {
  let db: TestDatabase;
  const rx = new WebhookReceiver();
  const gateways: TestGateway[] = [];

  beforeAll(async () => {
    await rx.start();
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await rx.close();
    await db?.drop();
  });

  it('checks the destination again before every attempt: an endpoint allowed when registered is refused once it no longer is', async () => {
    // Registered while 127.0.0.1 was allowlisted (the test helper's default)…
    const before = await startTestGateway(db);
    gateways.push(before);
    const { id } = await registerEndpoint(before, rx.url(), ['calculation.updated']);
    await before.stop();

    // …then delivered by a gateway whose configuration no longer allows it.
    const after = await startTestGateway(db, { ...NO_ALLOWLIST, WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_MAX_ATTEMPTS: '2' });
    gateways.push(after);
    await recordCalculation(after, 'usr_rebound');
    const [delivery] = await eventually(async () => {
      const list = await deliveries(after, id);
      return list[0]?.status === 'FAILED' && list;
    });
    expect(delivery.lastStatusCode).toBeNull();
    expect(delivery.lastError).toMatch(/^refused: the address 127\.0\.0\.1, which is a loopback address/);
    expect(delivery.attemptLog).toHaveLength(2);
    expect(rx.requests).toHaveLength(0);
  });
});
