/**
 * `npm start`: validate config, start the sandbox emulators, migrate, seed, listen,
 * print where to go and which key to use, and shut down cleanly on SIGTERM/SIGINT.
 */
import { loadConfigOrExit } from './config/config.js';
import { startGateway } from './gateway.js';
import { createLogger } from './logging/logger.js';
import { startSandboxEmulators } from './sandbox/start-emulators.js';
import { ATOMIC_WEBHOOK_PATH } from './server/atomic-webhook.js';
import { pointAtomicEmulatorAt } from './server/atomic-webhook-emulator.js';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);

const emulators = await startSandboxEmulators(config, logger);
const gateway = await startGateway(config, logger).catch((err: unknown) => {
  // One line that names the cause (database unreachable or missing, port taken, …) instead of an
  // uncaught-exception stack; the JSON log line carries the whole error.
  logger.fatal({ err }, 'gateway could not start');
  console.error(`startup error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
const atomicEmulator = emulators.find((e) => e.name === 'atomic');
if (atomicEmulator) await pointAtomicEmulatorAt(atomicEmulator.url, `${config.publicUrl ?? gateway.url}${ATOMIC_WEBHOOK_PATH}`, logger);

logger.info({ url: gateway.url, mode: config.mode, database: config.database.kind }, 'gateway listening');
// The banner is for a person trying the sandbox. A live gateway's stdout goes to a log collector
// that expects one JSON object per line, so there it is printed only to a terminal.
if (config.mode === 'sandbox' || process.stdout.isTTY) printBanner();

function printBanner(): void {
  console.log(
    [
      '',
      `  AtlasForge Gateway (${config.mode} mode, ${config.database.kind})`,
      `  GraphiQL:   ${gateway.url}/graphql`,
      `  Health:     ${gateway.url}/api/v1/health`,
      ...emulators.map((e) => `  ${e.name} emulator: ${e.url}`),
      ...(gateway.demoKey ? [`  Demo test API key: ${gateway.demoKey}`, `  Try: curl -s ${gateway.url}/graphql -H "Authorization: Bearer ${gateway.demoKey}" -H 'content-type: application/json' -d '{"query":"{ viewer { name mode } }"}'`] : []),
      '',
    ].join('\n'),
  );
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: draining requests');
  const force = setTimeout(() => {
    logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  force.unref();
  try {
    await gateway.close();
    await Promise.all(emulators.map((e) => e.close()));
    logger.info('shutdown complete');
    process.exit(0);
  } catch (err) {
    logger.error({ err }, 'error during shutdown');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
