import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postToTarget } from '../../../src/modules/webhooks/sender.js';
import type { CheckedTarget } from '../../../src/modules/webhooks/ssrf-guard.js';

interface Seen {
  headers: IncomingHttpHeaders;
  path: string;
  body: string;
}

/** A server whose answer each test chooses; records what it was sent. */
async function server(answer: (res: ServerResponse) => void): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const s: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ headers: req.headers, path: req.url ?? '', body });
      answer(res);
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    port: (s.address() as AddressInfo).port,
    seen,
    close: () => new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    }),
  };
}

/** A host name that exists in no DNS, checked to 127.0.0.1: only the pinned address can reach the server. */
const target = (port: number, path = '/in?x=1'): CheckedTarget => ({
  url: new URL(`http://hooks.partner.invalid:${port}${path}`),
  hostname: 'hooks.partner.invalid',
  addresses: [{ address: '127.0.0.1', family: 4 }],
});

describe('webhook sender', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  let ok: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    ok = await server((res) => res.writeHead(204).end());
    servers.push(ok);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('connects to the checked address without asking DNS again, keeping the host name for Host', async () => {
    const outcome = await postToTarget(target(ok.port), { 'content-type': 'application/json', 'x-test': '1' }, '{"a":1}', 2000);
    expect(outcome).toMatchObject({ statusCode: 204, error: null });
    expect(ok.seen.at(-1)).toMatchObject({ path: '/in?x=1', body: '{"a":1}', headers: { host: `hooks.partner.invalid:${ok.port}`, 'x-test': '1', 'content-length': '7' } });
  });

  it('does not follow redirects: a 302 to another local server is reported, never fetched', async () => {
    const inner = await server((res) => res.writeHead(200).end());
    const redirecting = await server((res) => res.writeHead(302, { location: `http://127.0.0.1:${inner.port}/internal` }).end());
    servers.push(inner, redirecting);
    const outcome = await postToTarget(target(redirecting.port), {}, '{}', 2000);
    expect(outcome.statusCode).toBe(302);
    await new Promise((r) => setTimeout(r, 200));
    expect(inner.seen).toHaveLength(0);
  });

  it('passes Retry-After on', async () => {
    const busy = await server((res) => res.writeHead(503, { 'retry-after': '7' }).end());
    servers.push(busy);
    expect(await postToTarget(target(busy.port), {}, '{}', 2000)).toMatchObject({ statusCode: 503, retryAfter: '7' });
  });

  it('gives up after the timeout when the receiver never answers', async () => {
    const hung = await server(() => undefined);
    servers.push(hung);
    const outcome = await postToTarget(target(hung.port), {}, '{}', 300);
    expect(outcome).toMatchObject({ statusCode: null, error: 'timed out after 300 ms' });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(290);
    expect(outcome.durationMs).toBeLessThan(2000);
  });

  it('reports a refused connection without throwing', async () => {
    const gone = await server(() => undefined);
    const port = gone.port;
    await gone.close();
    const outcome = await postToTarget(target(port), {}, '{}', 2000);
    expect(outcome.statusCode).toBeNull();
    expect(outcome.error).toMatch(/ECONNREFUSED/);
  });
});
