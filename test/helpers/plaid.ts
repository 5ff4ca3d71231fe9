import { Configuration, PlaidApi } from 'plaid';
import { EMULATOR_CREDENTIALS } from '../../src/config/config.js';
import { startPlaidEmulator, type RunningPlaidEmulator } from '../../src/sandbox/plaid/index.js';
import type { Dialect } from './databases.js';
import { startTestGateway, type TestGateway } from './gateway.js';
import { reportIfSlow } from './slow-step.js';

/** A Plaid emulator on a random port with the sandbox credentials the gateway defaults to. */
export function startTestPlaid(stateFile?: string): Promise<RunningPlaidEmulator> {
  return startPlaidEmulator({
    port: 0,
    clientId: EMULATOR_CREDENTIALS.plaidClientId,
    secret: EMULATOR_CREDENTIALS.plaidSecret,
    ...(stateFile ? { stateFile } : {}),
  });
}

/** The official SDK pointed at an emulator, as a test's independent view of "what Plaid has". */
export function plaidSdk(url: string): PlaidApi {
  return new PlaidApi(
    new Configuration({
      basePath: url,
      baseOptions: {
        headers: { 'PLAID-CLIENT-ID': EMULATOR_CREDENTIALS.plaidClientId, 'PLAID-SECRET': EMULATOR_CREDENTIALS.plaidSecret },
      },
    }),
  );
}

export async function control(url: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
  const res = await fetch(`${url}/__control${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/** Polls until `check` returns a truthy value (webhooks and background syncs are asynchronous). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface BankingFixture {
  plaid: RunningPlaidEmulator;
  gw: TestGateway;
  stop(): Promise<void>;
}

/**
 * A Plaid emulator plus a gateway pointed at it on a fresh database of the dialect. Staleness is
 * an hour so that only links, webhooks and explicit calls sync (tests control when data moves).
 */
export async function startBankingFixture(dialect: Dialect, extraEnv: Record<string, string> = {}): Promise<BankingFixture> {
  const plaid = await startTestPlaid();
  const gw = await startTestGateway(dialect, { PLAID_SANDBOX_URL: plaid.url, TRANSACTIONS_STALE_AFTER_SECONDS: '3600', ...extraEnv });
  return {
    plaid,
    gw,
    async stop() {
      await gw.stop();
      await reportIfSlow('Plaid emulator close', () => plaid.close());
    },
  };
}
