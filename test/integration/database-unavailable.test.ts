import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { getJson, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { eventually } from '../helpers/plaid.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

/**
 * A PostgreSQL server that stops answering (a dead network path, a hung server): requests must fail
 * fast with 503 SERVICE_UNAVAILABLE and Retry-After, not hang for the pool's timeout and answer 500,
 * and the gateway must serve again once the database is back.
 */
(process.env.DATABASE_URL ? describe : describe.skip)('a database that stops answering (postgresql)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let gw: TestGateway;

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    const direct = new URL(database.config.kind === 'postgresql' ? database.config.url : '');
    proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
    const proxied = new URL(direct.href);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    gw = await startTestGateway({ ...database, config: { kind: 'postgresql', url: proxied.href }, env: { DATABASE_URL: proxied.href } });
  });
  afterAll(async () => {
    proxy.restore();
    await gw.stop();
    await proxy.close();
    await database.drop();
  });

  it('answers GraphQL with 503 SERVICE_UNAVAILABLE and Retry-After while the database does not answer', async () => {
    expect((await gw.graphql('{ viewer { name } }')).status).toBe(200);
    // Leaves a connection idle in the pool, for the cut below to reach.
    await gw.orm.em.getConnection().execute('select 1');
    proxy.blackhole();
    const res = await gw.graphql('{ viewer { name } }', { headers: { 'x-request-id': 'req-db-hung' } });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      errors: [{ message: expect.stringContaining('temporarily unavailable'), extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    const logged = gw.logs.find((l) => l.requestId === 'req-db-hung' && l.level === 'error');
    expect(logged).toBeDefined();
    // knex reports the cut idle connection; that belongs in the JSON log, not on the console.
    await eventually(async () => gw.logs.some((l) => l.msg === 'database driver warning' && String(l.driverMessage).includes('Connection')));
  });

  it('answers REST with 503 and the JSON error body', async () => {
    const res = await getJson(`${gw.url}/v1/accounts?user_id=anyone`, { 'x-api-key': gw.demoKey! });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('temporarily unavailable'), request_id: expect.any(String) },
    });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('reports itself down on health, then serves again once the database answers', async () => {
    expect((await getJson(`${gw.url}/api/v1/health`)).status).toBe(503);
    proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await gw.graphql('{ viewer { name } }')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
