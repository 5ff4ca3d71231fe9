import path from 'node:path';
import { EMULATOR_CREDENTIALS } from '../../config/config.js';
import { createLogger } from '../../logging/logger.js';
import { startAtomicEmulator } from './index.js';

/**
 * `npm run sandbox:atomic`: the Atomic emulator on its own, with the sandbox credentials the
 * gateway uses by default and its state under ./data so tokens, deletions and task statuses
 * survive a restart.
 */
const rawPort = process.env.ATOMIC_EMULATOR_PORT ?? '4020';
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`config error: ATOMIC_EMULATOR_PORT: must be an integer between 0 and 65535 (got "${rawPort}")`);
  process.exit(1);
}

const logger = createLogger(process.env.LOG_LEVEL ?? 'info').child({ service: 'atomic-emulator' });
const emulator = await startAtomicEmulator({
  host: process.env.ATOMIC_EMULATOR_HOST ?? '127.0.0.1',
  port,
  apiKey: process.env.ATOMIC_SANDBOX_API_KEY ?? EMULATOR_CREDENTIALS.atomicApiKey,
  apiSecret: process.env.ATOMIC_SANDBOX_API_SECRET ?? EMULATOR_CREDENTIALS.atomicApiSecret,
  stateFile: path.resolve('data', 'atomic-emulator-state.json'),
  logger,
});
process.stdout.write(`Atomic emulator listening on ${emulator.url}\n`);

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('atomic emulator: close failed', err);
        process.exit(1);
      },
    );
  });
}
