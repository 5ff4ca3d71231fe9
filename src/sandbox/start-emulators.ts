import type { AppConfig } from '../config/config.js';
import { EMULATOR_CREDENTIALS } from '../config/config.js';
import type { AppLogger } from '../logging/logger.js';
import { startAtomicEmulator } from './atomic/index.js';
import { startPlaidEmulator } from './plaid/index.js';

export interface RunningEmulator {
  name: 'plaid' | 'atomic';
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The port of a loopback upstream URL, or undefined when the URL points elsewhere (a real provider). */
function loopbackPort(url: string): number | undefined {
  const parsed = new URL(url);
  if (!LOOPBACK.has(parsed.hostname)) return undefined;
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

/**
 * Starts the local emulators that the sandbox upstream configuration points at: only in sandbox
 * mode, only with SANDBOX_EMULATORS=true, and only for upstream URLs on loopback (pointing
 * PLAID_SANDBOX_URL at Plaid's own sandbox simply skips the emulator). Each starts only with the
 * emulator's own credentials, so real sandbox credentials never meet an emulator.
 */
export async function startSandboxEmulators(
  config: AppConfig,
  logger: AppLogger,
  opts: { stateDir?: string } = {},
): Promise<RunningEmulator[]> {
  if (config.mode !== 'sandbox' || !config.sandboxEmulators) return [];
  const running: RunningEmulator[] = [];
  const plaid = config.upstreams.sandbox.plaid;
  const plaidPort = loopbackPort(plaid.baseUrl);
  if (plaidPort !== undefined && plaid.clientId === EMULATOR_CREDENTIALS.plaidClientId) {
    const emulator = await startPlaidEmulator({
      host: '127.0.0.1',
      port: plaidPort,
      clientId: plaid.clientId,
      secret: plaid.secret ?? EMULATOR_CREDENTIALS.plaidSecret,
      stateFile: `${opts.stateDir ?? './data'}/plaid-emulator-state.json`,
      logger: logger.child({ component: 'plaid-emulator' }),
    });
    running.push({ name: 'plaid', url: emulator.url, close: emulator.close });
  }
  const atomic = config.upstreams.sandbox.atomic;
  const atomicPort = loopbackPort(atomic.baseUrl);
  if (atomicPort !== undefined && atomic.apiKey === EMULATOR_CREDENTIALS.atomicApiKey) {
    const emulator = await startAtomicEmulator({
      host: '127.0.0.1',
      port: atomicPort,
      apiKey: atomic.apiKey,
      apiSecret: atomic.apiSecret ?? EMULATOR_CREDENTIALS.atomicApiSecret,
      stateFile: `${opts.stateDir ?? './data'}/atomic-emulator-state.json`,
      logger: logger.child({ component: 'atomic-emulator' }),
    });
    running.push({ name: 'atomic', url: emulator.url, close: emulator.close });
  }
  return running;
}
