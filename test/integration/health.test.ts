import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DIALECTS } from '../helpers/databases.js';
import { getJson, startTestGateway, type TestGateway } from '../helpers/gateway.js';

describe.each(DIALECTS)('health (%s)', (dialect) => {
  let gw: TestGateway;
  let fakeUpstream: Server;

  beforeAll(async () => {
    // Something answering HTTP stands in for Plaid; Atomic's URL points at a closed port.
    fakeUpstream = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((r) => fakeUpstream.listen(0, '127.0.0.1', r));
    const port = (fakeUpstream.address() as AddressInfo).port;
    gw = await startTestGateway(dialect, { PLAID_SANDBOX_URL: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await gw.stop();
    await new Promise((r) => fakeUpstream.close(r));
  });

  it('answers GET /api/v1/health without a key, reporting each component', async () => {
    const res = await getJson(`${gw.url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'degraded',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: 'up',
      upstreams: { plaid: 'up', atomic: 'down' },
      redis: null,
      mode: 'sandbox',
    });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('returns the same report from Query.health', async () => {
    const rest = await getJson(`${gw.url}/api/v1/health`);
    const res = await gw.graphql('{ health { status version database upstreams { plaid atomic } redis mode } }');
    expect(res.status).toBe(200);
    expect(res.body.data.health).toEqual({
      status: rest.body.status.toUpperCase(),
      version: rest.body.version,
      database: 'UP',
      upstreams: { plaid: 'UP', atomic: 'DOWN' },
      redis: null,
      mode: 'SANDBOX',
    });
  });

  it('answers 503 with database "down" once the database is gone', async () => {
    await gw.orm.close(true);
    const res = await getJson(`${gw.url}/api/v1/health`);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'down', database: 'down' });
  });
});

/** With REDIS_URL the report includes Redis: up while it answers, down (and the gateway degraded, not down) while not. */
describe('health with Redis', () => {
  const gateways: TestGateway[] = [];
  afterAll(async () => {
    for (const gw of gateways) await gw.stop();
  });

  (process.env.REDIS_URL ? it : it.skip)('reports the shared Redis as up', async () => {
    const gw = await startTestGateway('sqlite', { REDIS_URL: process.env.REDIS_URL! });
    gateways.push(gw);
    const res = await getJson(`${gw.url}/api/v1/health`);
    expect(res.body.redis).toBe('up');
  });

  it('reports a Redis that does not answer as down, within the probe’s timeout, and the gateway as degraded (200)', async () => {
    const gw = await startTestGateway('sqlite', { REDIS_URL: 'redis://127.0.0.1:9' });
    gateways.push(gw);
    const res = await getJson(`${gw.url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'degraded', database: 'up', redis: 'down' });
  });
});

/** An upstream whose edge answers 5xx is not serving: down, and the gateway degraded. A 401 still proves it is there. */
describe('health with an upstream answering 5xx', () => {
  let gw: TestGateway;
  const fakes: Server[] = [];

  async function listen(status: number): Promise<string> {
    const server = createServer((_req, res) => res.writeHead(status).end());
    fakes.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    gw = await startTestGateway('sqlite', { PLAID_SANDBOX_URL: await listen(503), ATOMIC_SANDBOX_URL: await listen(401) });
  });
  afterAll(async () => {
    await gw.stop();
    for (const server of fakes) await new Promise((r) => server.close(r));
  });

  it('reports the 503 upstream as down and the 401 one as up', async () => {
    const res = await getJson(`${gw.url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'degraded', database: 'up', upstreams: { plaid: 'down', atomic: 'up' } });
  });
});
