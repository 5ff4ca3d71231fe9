import path from 'node:path';
import { EMULATOR_CREDENTIALS } from '../../config/config.js';
import { createLogger } from '../../logging/logger.js';
import { startPlaidEmulator } from './index.js';

/**
 * `npm run sandbox:plaid`: the Plaid emulator on its own, with the sandbox credentials the gateway
 * uses by default and its state under ./data so Items survive a restart.
 */
const rawPort = process.env.PLAID_EMULATOR_PORT ?? '4010';
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`config error: PLAID_EMULATOR_PORT: must be an integer between 0 and 65535 (got "${rawPort}")`);
  process.exit(1);
}

const logger = createLogger(process.env.LOG_LEVEL ?? 'info').child({ service: 'plaid-emulator' });
const emulator = await startPlaidEmulator({
  host: process.env.PLAID_EMULATOR_HOST ?? '127.0.0.1',
  port,
  clientId: process.env.PLAID_CLIENT_ID ?? EMULATOR_CREDENTIALS.plaidClientId,
  secret: process.env.PLAID_SANDBOX_SECRET ?? EMULATOR_CREDENTIALS.plaidSecret,
  stateFile: path.resolve('data', 'plaid-emulator-state.json'),
  logger,
});
process.stdout.write(`Plaid emulator listening on ${emulator.url}\n`);

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('plaid emulator: close failed', err);
        process.exit(1);
      },
    );
  });
}
