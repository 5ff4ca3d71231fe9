import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { DIALECTS } from '../helpers/databases.js';
import { startTestGateway, type HttpResult, type TestGateway } from '../helpers/gateway.js';
import { runTs } from '../helpers/spawn.js';

/**
 * Every gateway here counts in 60-second windows unless a test needs the real 1-second one: a burst
 * then stays inside one window however slow the machine is, so the counts below are exact.
 */
const LONG_WINDOW = { RATE_LIMIT_WINDOW_SECONDS: '60' };
const VIEWER = '{ viewer { id } }';
const SAFE_TO_SPEND = { end_user_id: 'usr_rl', cash_balance: 100, upcoming_bills: [], savings_commitments: 0, debt_commitments: 0, cash_buffer: 0 };

async function call(url: string, init: { method?: string; key?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpResult> {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // GraphiQL's HTML page
  }
  return { status: res.status, headers: res.headers, body };
}

const graphql = (gw: TestGateway, key: string) => call(`${gw.url}/graphql`, { key, body: { query: VIEWER } });

/** A new partner's test key: a counter no other test has touched. */
async function freshPartner(gw: TestGateway): Promise<{ id: string; key: string; prefix: string }> {
  const created = await new PartnerService(gw.orm.em.fork()).createPartner(`RL ${randomUUID()}`);
  return { id: created.partner.id, key: created.testKey, prefix: created.testKey.split('_').slice(0, 3).join('_') };
}

function rateHeaders(res: HttpResult) {
  return {
    limit: res.headers.get('x-ratelimit-limit'),
    remaining: res.headers.get('x-ratelimit-remaining'),
    reset: Number(res.headers.get('x-ratelimit-reset')),
  };
}

const statuses = (results: HttpResult[]) => results.map((r) => r.status).sort();
const remainingOf = (results: HttpResult[]) => results.filter((r) => r.status === 200).map((r) => Number(r.headers.get('x-ratelimit-remaining'))).sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe.each(DIALECTS)('per-API-key rate limits (%s)', (dialect) => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway(dialect, { ...LONG_WINDOW, ATLAS_INGEST_SECRET: 'rate-limit-test-ingest-secret' });
  });
  afterAll(() => gw.stop());

  it('lets 60 of 61 concurrent requests through and answers the 61st 429 RATE_LIMITED with the headers and Retry-After', async () => {
    const { key } = await freshPartner(gw);
    const results = await Promise.all(range(61).map(() => graphql(gw, key)));
    expect(statuses(results)).toEqual([...Array(60).fill(200), 429]);
    // One counter: each success saw a different count.
    expect(remainingOf(results)).toEqual(range(60));

    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body).toEqual({ errors: [{ message: expect.stringContaining('Rate limit exceeded'), extensions: { code: 'RATE_LIMITED' } }] });
    const h = rateHeaders(refused);
    expect([h.limit, h.remaining]).toEqual(['60', '0']);
    expect(h.reset).toBeGreaterThanOrEqual(1);
    expect(h.reset).toBeLessThanOrEqual(60);
    expect(refused.headers.get('retry-after')).toBe(String(h.reset));

    // GraphQL and REST draw on the same budget; REST gets its own error format.
    const rest = await call(`${gw.url}/v1/accounts?user_id=usr_rl`, { key });
    expect(rest.status).toBe(429);
    expect(rest.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringContaining('Retry after'), request_id: rest.headers.get('x-request-id') } });
    expect(rest.headers.get('retry-after')).toEqual(expect.stringMatching(/^\d+$/));
  });

  it('puts the headers on every response to an authenticated request, GraphQL and REST, errors included', async () => {
    const { key } = await freshPartner(gw);
    const responses = [
      await graphql(gw, key),
      await call(`${gw.url}/graphql?query=${encodeURIComponent(VIEWER)}`, { key }),
      await call(`${gw.url}/graphql`, { key, body: { query: '{ noSuchField }' } }),
      await call(`${gw.url}/v1/accounts?user_id=usr_rl`, { key }),
      await call(`${gw.url}/v1/accounts`, { key }),
      await call(`${gw.url}/api/v1/calculate/safe-to-spend`, { key, body: SAFE_TO_SPEND }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 400, 200, 400, 200]);
    responses.forEach((res, i) => {
      expect(rateHeaders(res)).toEqual({ limit: '60', remaining: String(59 - i), reset: expect.any(Number) });
      expect(rateHeaders(res).reset).toBeGreaterThanOrEqual(1);
      expect(res.headers.get('retry-after')).toBeNull();
    });
  });

  it('does not count or label requests that no API key identifies: bad keys, health, GraphiQL, the ingest secret', async () => {
    const unlabelled = [
      await call(`${gw.url}/graphql`, { body: { query: VIEWER } }),
      await call(`${gw.url}/graphql`, { key: 'afg_test_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', body: { query: VIEWER } }),
      await call(`${gw.url}/api/v1/health`),
      await call(`${gw.url}/graphql`, { headers: { accept: 'text/html' } }),
      await call(`${gw.url}/api/ingest/ping`, { headers: { 'x-atlas-ingest-secret': 'rate-limit-test-ingest-secret' } }),
    ];
    expect(unlabelled.map((r) => r.status)).toEqual([401, 401, 200, 200, 200]);
    for (const res of unlabelled) expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('honours a partner’s own limit, set with npm run partner -- set-rate-limit, and "default" restores the gateway’s', async () => {
    const partner = await freshPartner(gw);
    const cli = (...args: string[]) => runTs('src/cli/partner.ts', args, { ...gw.database.env, LOG_LEVEL: 'silent' });
    const set = await cli('set-rate-limit', partner.id, '5');
    expect(set).toMatchObject({ code: 0, stdout: expect.stringContaining('5 requests per second') });
    expect((await cli('set-rate-limit', partner.id, '0')).code).toBe(2);

    const results = await Promise.all(range(7).map(() => graphql(gw, partner.key)));
    expect(statuses(results)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(remainingOf(results)).toEqual(range(5));
    for (const res of results) expect(res.headers.get('x-ratelimit-limit')).toBe('5');

    expect((await cli('set-rate-limit', partner.id, 'default')).code).toBe(0);
    const after = await graphql(gw, partner.key);
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-limit')).toBe('60');
  });
});

describe('per-API-key rate limits: the window resets', () => {
  let gw: TestGateway;

  // The real 1-second window. Nothing here depends on speed: the test waits for a refusal however
  // long that takes, then waits as long as Retry-After says.
  beforeAll(async () => {
    gw = await startTestGateway('sqlite');
  });
  afterAll(() => gw.stop());

  it('lets requests through again once Retry-After has passed', async () => {
    const partner = await freshPartner(gw);
    await new PartnerService(gw.orm.em.fork()).setRateLimit(partner.id, 2);
    let refused: HttpResult | undefined;
    for (let attempt = 0; attempt < 20 && !refused; attempt++) {
      refused = (await Promise.all(range(6).map(() => graphql(gw, partner.key)))).find((r) => r.status === 429);
    }
    expect(refused).toBeDefined();
    const retryAfter = Number(refused!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);

    await sleep(retryAfter * 1000 + 100);
    const again = await graphql(gw, partner.key);
    expect(again.status).toBe(200);
    expect(rateHeaders(again)).toMatchObject({ limit: '2', remaining: '1' });
  });
});

describe('per-API-key rate limits when Redis is down', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    // Nothing listens on port 9: every Redis command fails at once.
    gw = await startTestGateway('sqlite', { ...LONG_WINDOW, REDIS_URL: 'redis://127.0.0.1:9' });
  });
  afterAll(() => gw.stop());

  it('falls back to counting in this process (still enforcing the limit) and logs the outage once', async () => {
    const partner = await freshPartner(gw);
    await new PartnerService(gw.orm.em.fork()).setRateLimit(partner.id, 3);
    const results = await Promise.all(range(5).map(() => graphql(gw, partner.key)));
    expect(statuses(results)).toEqual([200, 200, 200, 429, 429]);
    expect(remainingOf(results)).toEqual(range(3));
    const outage = gw.logs.filter((l) => String(l.msg).startsWith('rate limits: Redis unavailable'));
    expect(outage).toHaveLength(1);
    expect(outage[0]!.level).toBe('error');
  });
});

// Several gateway processes on one PostgreSQL database and one Redis: one budget per key.
const multiProcess = process.env.REDIS_URL && process.env.DATABASE_URL ? describe : describe.skip;

multiProcess('per-API-key rate limits across gateways (Redis)', () => {
  // Unique per run, so test files (or runs) sharing the Redis server never share counters.
  const prefix = `afg-test:rl:${randomUUID()}`;
  let a: TestGateway;
  let b: TestGateway;
  let redis: Redis;

  beforeAll(async () => {
    const env = { ...LONG_WINDOW, REDIS_URL: process.env.REDIS_URL!, RATE_LIMIT_KEY_PREFIX: prefix };
    a = await startTestGateway('postgresql', env);
    b = await startTestGateway(a.database, env);
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await b?.stop();
    await a?.stop();
  });

  it('61 + 61 concurrent requests split across two gateways: exactly 60 pass, counted in one Redis key', async () => {
    const partner = await freshPartner(a);
    const results = await Promise.all(range(122).map((i) => graphql(i % 2 === 0 ? a : b, partner.key)));
    expect(statuses(results)).toEqual([...Array(60).fill(200), ...Array(62).fill(429)]);
    // One shared counter: the 60 successes saw 60 different counts, whichever gateway served them.
    expect(remainingOf(results)).toEqual(range(60));

    expect(await redis.keys(`${prefix}:*`)).toEqual([`${prefix}:${partner.prefix}`]);
    // The 60 successes and each gateway's first refusal went through Redis (after its first refusal a
    // gateway refuses the key from memory until the window ends).
    expect(Number(await redis.get(`${prefix}:${partner.prefix}`))).toBeGreaterThanOrEqual(62);
    const ttl = await redis.pttl(`${prefix}:${partner.prefix}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
