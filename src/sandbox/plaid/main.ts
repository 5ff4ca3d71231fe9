import path from 'node:path';
import { EMULATOR_CREDENTIALS } from '../../config/config.js';
import { runEmulatorMain } from '../shared/run-emulator-main.js';
import { startPlaidEmulator } from './index.js';

/**
 * `npm run sandbox:plaid`: the Plaid emulator on its own, with the sandbox credentials the gateway
 * uses by default and its state under ./data so Items survive a restart.
 */
await runEmulatorMain({
  name: 'Plaid',
  portEnv: 'PLAID_EMULATOR_PORT',
  defaultPort: '4010',
  start: (port, logger) =>
    startPlaidEmulator({
      host: process.env.PLAID_EMULATOR_HOST ?? '127.0.0.1',
      port,
      clientId: process.env.PLAID_CLIENT_ID ?? EMULATOR_CREDENTIALS.plaidClientId,
      secret: process.env.PLAID_SANDBOX_SECRET ?? EMULATOR_CREDENTIALS.plaidSecret,
      stateFile: path.resolve('data', 'plaid-emulator-state.json'),
      logger,
    }),
});
