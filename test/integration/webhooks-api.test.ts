import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { DIALECTS } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { deliveries, ENDPOINT_FIELDS, eventually, recordCalculation, registerEndpoint, WebhookReceiver } from '../helpers/webhooks.js';

describe.each(DIALECTS)('webhook endpoints API (%s)', (dialect) => {
  let gw: TestGateway;
  let other: string;
  const rx = new WebhookReceiver();
  const count = async (table: string) => Number((await gw.orm.em.getConnection().execute(`select count(*) as n from ${table}`))[0]!.n);
  const register = (url: string, eventTypes: unknown, key?: string) =>
    gw.graphql(`mutation($u: String!, $t: [String!]!) { registerWebhookEndpoint(url: $u, eventTypes: $t) { secret endpoint { ${ENDPOINT_FIELDS} } } }`, {
      variables: { u: url, t: eventTypes },
      key,
    });

  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    other = (await new PartnerService(gw.orm.em.fork()).createPartner('Other Partner')).testKey;
    await rx.start();
  });
  afterAll(async () => {
    await gw?.stop();
    await rx.close();
  });

  it('registers an endpoint and returns its signing secret once; lists never show it, the database holds it sealed', async () => {
    const res = await register(rx.url('/first'), ['calculation.updated', 'transfer.settled', 'calculation.updated']);
    expect(res.body.errors).toBeUndefined();
    const { secret, endpoint } = res.body.data.registerWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({
      id: expect.stringMatching(/^we_[0-9A-Za-z]{24}$/),
      url: rx.url('/first'),
      eventTypes: ['calculation.updated', 'transfer.settled'],
      status: 'ENABLED',
      disabledReason: null,
      previousSecretExpiresAt: null,
    });

    const list = await gw.graphql(`{ webhookEndpoints { ${ENDPOINT_FIELDS} } }`);
    expect(list.body.data.webhookEndpoints).toContainEqual(endpoint);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    // No field of WebhookEndpoint can carry a secret.
    const fields = await gw.graphql('{ __type(name: "WebhookEndpoint") { fields { name } } }');
    expect(fields.body.data.__type.fields.map((f: { name: string }) => f.name).filter((n: string) => /secret/i.test(n) && n !== 'previousSecretExpiresAt')).toEqual([]);

    const rows = await gw.orm.em.getConnection().execute('select secret_ciphertext, secret_key_id from webhook_endpoints where public_id = ?', [endpoint.id]);
    expect(rows[0]!.secret_key_id).toBe('test');
    expect(rows[0]!.secret_ciphertext).not.toContain(secret.slice(6));
    expect(gw.rawLogs()).not.toContain(secret);
  });

  it('normalises "*" and lists the event types there are', async () => {
    const res = await register(rx.url('/all'), ['transfer.failed', '*']);
    expect(res.body.data.registerWebhookEndpoint.endpoint.eventTypes).toEqual(['*']);
    const types = await gw.graphql('{ webhookEventTypes }');
    expect(types.body.data.webhookEventTypes).toEqual(expect.arrayContaining(['calculation.updated', 'transfer.pending', 'transfer.settled', 'task.updated']));
  });

  it.each([
    [['calculation.updated', 'transfer.exploded'], 'eventTypes[1]'],
    [[], 'eventTypes'],
    [['CALCULATION.UPDATED'], 'eventTypes[0]'],
  ])('refuses eventTypes %j with BAD_USER_INPUT naming %s, writing nothing', async (eventTypes, field) => {
    const before = await count('webhook_endpoints');
    const res = await register(rx.url(), eventTypes);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('webhook_endpoints')).toBe(before);
  });

  it.each([
    ['not a URL', 'not a url'],
    ['a relative URL', '/relative/path'],
    ['ftp', 'ftp://files.partner.example/in'],
    ['credentials in the URL', 'https://user:pass@hooks.partner.example/in'],
    ['a fragment', 'https://hooks.partner.example/in#frag'],
    ['over 2048 characters', `https://hooks.partner.example/${'x'.repeat(2100)}`],
    ['plain http to a host not allowlisted', 'http://hooks.partner.example/in'],
  ])('refuses a url with %s: BAD_USER_INPUT on field url, nothing written', async (_what, url) => {
    const before = await count('webhook_endpoints');
    const res = await register(url, ['*']);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(await count('webhook_endpoints')).toBe(before);
  });

  it('disables and enables an endpoint', async () => {
    const { id } = await registerEndpoint(gw, rx.url('/toggle'));
    const off = await gw.graphql(`mutation { disableWebhookEndpoint(id: "${id}") { status disabledReason } }`);
    expect(off.body.data.disableWebhookEndpoint).toEqual({ status: 'DISABLED', disabledReason: 'Disabled with disableWebhookEndpoint.' });
    const on = await gw.graphql(`mutation { enableWebhookEndpoint(id: "${id}") { status disabledReason } }`);
    expect(on.body.data.enableWebhookEndpoint).toEqual({ status: 'ENABLED', disabledReason: null });
  });

  it('keeps partners apart: another partner sees nothing and gets NOT_FOUND for every id, as for made-up ones', async () => {
    const mine = await registerEndpoint(gw, rx.url('/mine'), ['calculation.updated']);
    await recordCalculation(gw, 'usr_isolated');
    const [delivery] = await eventually(async () => {
      const list = await deliveries(gw, mine.id);
      return list.length > 0 && list;
    });

    const theirs = await gw.graphql('{ webhookEndpoints { id } }', { key: other });
    expect(theirs.body.data.webhookEndpoints).toEqual([]);
    for (const [query, id] of [
      [`mutation { rotateWebhookSecret(id: "${mine.id}") { secret } }`, mine.id],
      [`mutation { disableWebhookEndpoint(id: "${mine.id}") { id } }`, mine.id],
      [`mutation { enableWebhookEndpoint(id: "${mine.id}") { id } }`, mine.id],
      [`{ webhookDeliveries(endpointId: "${mine.id}") { edges { cursor } } }`, mine.id],
      [`mutation { resendWebhookDelivery(id: "${delivery.id}") { id } }`, delivery.id],
    ]) {
      const res = await gw.graphql(query!, { key: other });
      expect({ id, code: res.body.errors?.[0].extensions.code }).toEqual({ id, code: 'NOT_FOUND' });
    }
    for (const query of [
      'mutation { disableWebhookEndpoint(id: "we_000000000000000000000000") { id } }',
      'mutation { disableWebhookEndpoint(id: "not-an-id") { id } }',
      'mutation { resendWebhookDelivery(id: "00000000-0000-7000-8000-000000000000") { id } }',
      'mutation { resendWebhookDelivery(id: "nope") { id } }',
    ]) {
      expect((await gw.graphql(query)).body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    // The other partner's events (even for a user id of the same name) never reach this partner's endpoints.
    await rx.waitFor(1, 15_000, (r) => r.path === '/mine');
    await recordCalculation(gw, 'usr_isolated', other);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(rx.requests.filter((r) => r.path === '/mine').map((r) => r.body.id)).toEqual([delivery.eventId]);
    // And the endpoint is untouched.
    expect((await gw.graphql(`{ webhookEndpoints { id status } }`)).body.data.webhookEndpoints).toContainEqual({ id: mine.id, status: 'ENABLED' });
  });
});
