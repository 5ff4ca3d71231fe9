import { EMULATOR_CREDENTIALS } from '../../src/config/config.js';
import { startAtomicEmulator, type RunningAtomicEmulator } from '../../src/sandbox/atomic/index.js';
import type { Dialect } from './databases.js';
import { startTestGateway, type TestGateway } from './gateway.js';
import { startTestPlaid } from './plaid.js';
import type { RunningPlaidEmulator } from '../../src/sandbox/plaid/index.js';

export function startTestAtomic(): Promise<RunningAtomicEmulator> {
  return startAtomicEmulator({ port: 0, apiKey: EMULATOR_CREDENTIALS.atomicApiKey, apiSecret: EMULATOR_CREDENTIALS.atomicApiSecret });
}

export interface ProvidersFixture {
  plaid: RunningPlaidEmulator;
  atomic: RunningAtomicEmulator;
  gw: TestGateway;
  stop(): Promise<void>;
}

/** Both emulators and a gateway pointed at them, on a fresh database of the dialect. */
export async function startProvidersFixture(dialect: Dialect, extraEnv: Record<string, string> = {}): Promise<ProvidersFixture> {
  const [plaid, atomic] = await Promise.all([startTestPlaid(), startTestAtomic()]);
  const gw = await startTestGateway(dialect, {
    PLAID_SANDBOX_URL: plaid.url,
    ATOMIC_SANDBOX_URL: atomic.url,
    TRANSACTIONS_STALE_AFTER_SECONDS: '3600',
    ...extraEnv,
  });
  return {
    plaid,
    atomic,
    gw,
    async stop() {
      await gw.stop();
      await Promise.all([plaid.close(), atomic.close()]);
    },
  };
}
