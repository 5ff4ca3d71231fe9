import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startProvidersFixture, type ProvidersFixture } from '../helpers/atomic.js';
import { eventually } from '../helpers/plaid.js';

async function addFault(emulatorUrl: string, fault: { endpoint: string; hang?: boolean; latencyMs?: number }): Promise<void> {
  const res = await fetch(`${emulatorUrl}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(res.status).toBeLessThan(300);
}

async function callsHeld(emulatorUrl: string): Promise<number> {
  const faults = (await (await fetch(`${emulatorUrl}/__control/faults`)).json()) as { matched: number }[];
  return faults.reduce((n, f) => n + f.matched, 0);
}

/**
 * SIGTERM while requests wait on a provider that hangs: without an abort they held the shutdown
 * through the providers' timeouts and retries (~40 s), past SHUTDOWN_TIMEOUT_MS, and the process
 * was killed with their connections. Now the calls are aborted when the grace period ends and
 * the requests answer 503 UPSTREAM_UNAVAILABLE, which a client or load balancer retries elsewhere.
 */
describe('shutting down while upstream calls hang or are slow', () => {
  let f: ProvidersFixture;
  beforeEach(async () => {
    // Grace period = SHUTDOWN_TIMEOUT_MS − 3 s = 1 s.
    f = await startProvidersFixture('sqlite', { SHUTDOWN_TIMEOUT_MS: '4000' });
  });
  afterEach(() => f.stop());

  it('answers the requests waiting on Plaid and Atomic with 503 and closes', async () => {
    await addFault(f.plaid.url, { endpoint: '/link/token/create', hang: true });
    await addFault(f.atomic.url, { endpoint: '*', hang: true });
    const plaidCall = f.gw.graphql('mutation { createLinkToken(userId: "usr_shutdown") { linkToken } }');
    const atomicCall = f.gw.graphql('{ companies(query: "Amazon") { id name } }');
    await eventually(async () => (await callsHeld(f.plaid.url)) >= 1 && (await callsHeld(f.atomic.url)) >= 1);

    await f.gw.stop();
    const [plaid, atomic] = await Promise.all([plaidCall, atomicCall]);
    for (const [res, provider] of [[plaid, 'plaid'], [atomic, 'atomic']] as const) {
      expect(res.status).toBe(503);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          message: 'The gateway is shutting down; retry the request.',
          extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { provider, code: 'GATEWAY_SHUTTING_DOWN' } },
        }),
      ]);
    }
    // One call each: an aborted call is not retried.
    expect(await callsHeld(f.plaid.url)).toBe(1);
    expect(await callsHeld(f.atomic.url)).toBe(1);
  });

  // Without the fix the close waited for the client's keep-alive connection (72 s): the limit catches that.
  it('lets a request under way finish, then closes its keep-alive connection instead of waiting on it', async () => {
    await addFault(f.plaid.url, { endpoint: '/link/token/create', latencyMs: 500 });
    const call = f.gw.graphql('mutation { createLinkToken(userId: "usr_shutdown") { linkToken } }');
    await eventually(async () => (await callsHeld(f.plaid.url)) >= 1);

    await f.gw.stop();
    const res = await call;
    expect(res.status).toBe(200);
    expect(res.body.data.createLinkToken.linkToken).toMatch(/^link-sandbox-/);
    expect(res.headers.get('connection')).toBe('close');
  }, 30_000);
});
