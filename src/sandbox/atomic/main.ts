import path from 'node:path';
import { EMULATOR_CREDENTIALS } from '../../config/config.js';
import { runEmulatorMain } from '../shared/run-emulator-main.js';
import { startAtomicEmulator } from './index.js';

/**
 * `npm run sandbox:atomic`: the Atomic emulator on its own, with the sandbox credentials the
 * gateway uses by default and its state under ./data so tokens, deletions and task statuses
 * survive a restart.
 */
await runEmulatorMain({
  name: 'Atomic',
  portEnv: 'ATOMIC_EMULATOR_PORT',
  defaultPort: '4020',
  start: (port, logger) =>
    startAtomicEmulator({
      host: process.env.ATOMIC_EMULATOR_HOST ?? '127.0.0.1',
      port,
      apiKey: process.env.ATOMIC_SANDBOX_API_KEY ?? EMULATOR_CREDENTIALS.atomicApiKey,
      apiSecret: process.env.ATOMIC_SANDBOX_API_SECRET ?? EMULATOR_CREDENTIALS.atomicApiSecret,
      stateFile: path.resolve('data', 'atomic-emulator-state.json'),
      logger,
    }),
});
