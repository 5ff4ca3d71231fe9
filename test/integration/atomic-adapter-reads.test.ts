import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { EMULATOR_CREDENTIALS } from '../../src/config/config.js';
import type { RunningAtomicEmulator } from '../../src/sandbox/atomic/index.js';
import { AtomicAdapter } from '../../src/upstreams/atomic/atomic-adapter.js';
import { createAtomicClients } from '../../src/upstreams/atomic/atomic-client.js';
import { startTestAtomic } from '../helpers/atomic.js';
import { control } from '../helpers/plaid.js';

/**
 * The per-request Atomic adapter against the real emulator: a GET is made once per request, also
 * when the second ask comes after the first answer (sharing only in-flight calls depended on
 * timing, and a sibling field's database lookup could let the first call finish first).
 */
describe('Atomic adapter reads within one request', () => {
  let atomic: RunningAtomicEmulator;
  const log = pino({ level: 'silent' });
  const adapter = () =>
    new AtomicAdapter(
      createAtomicClients(
        { baseUrl: atomic.url, pciUrl: atomic.url, apiKey: EMULATOR_CREDENTIALS.atomicApiKey, apiSecret: EMULATOR_CREDENTIALS.atomicApiSecret },
        '2022-12-02',
      ),
      log,
    );
  const calls = async (key: string) => ((await control(atomic.url, '/calls?by=method')) as Record<string, number>)[key] ?? 0;

  beforeAll(async () => {
    atomic = await startTestAtomic();
  });
  afterAll(async () => {
    await atomic.close();
  });

  it('answers a repeated GET from the first call, after it has finished, and a new request asks again', async () => {
    await control(atomic.url, '/calls/reset', { body: {} });
    const one = adapter();
    const first = await one.get<{ accounts: unknown[] }>('pay-link/accounts', { identifier: 'usr_reads' });
    const second = await one.get<{ accounts: unknown[] }>('pay-link/accounts', { identifier: 'usr_reads' });
    expect(second).toEqual(first);
    expect(await calls('GET /pay-link/accounts')).toBe(1);
    await one.get('pay-link/accounts', { identifier: 'usr_other' });
    expect(await calls('GET /pay-link/accounts')).toBe(2);
    await adapter().get('pay-link/accounts', { identifier: 'usr_reads' });
    expect(await calls('GET /pay-link/accounts')).toBe(3);
  });

  it('reads again after a write in the same request, so a mutation never answers from before its own change', async () => {
    await control(atomic.url, '/calls/reset', { body: {} });
    const one = adapter();
    await one.get('pay-link/accounts', { identifier: 'usr_write' });
    await one.delete('pay-link/accounts', { identifier: 'usr_write' });
    await one.get('pay-link/accounts', { identifier: 'usr_write' });
    expect(await calls('GET /pay-link/accounts')).toBe(2);
  });

  it('forgets a failed GET, so another field in the request may try again', async () => {
    await control(atomic.url, '/calls/reset', { body: {} });
    const one = adapter();
    await expect(one.get('pay-link/accounts/ffffffffffffffffffffffff')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    await expect(one.get('pay-link/accounts/ffffffffffffffffffffffff')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    expect(await calls('GET /pay-link/accounts/:id')).toBe(2);
  });
});
