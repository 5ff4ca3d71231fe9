import { createLogger, type AppLogger } from '../../logging/logger.js';

export interface EmulatorMainOptions {
  /** `Plaid`: the banner says "Plaid emulator", the log service is `plaid-emulator`. */
  name: string;
  portEnv: string;
  defaultPort: string;
  start(port: number, logger: AppLogger): Promise<{ url: string; close(): Promise<void> }>;
}

/**
 * The stand-alone `npm run sandbox:*` entry points: port from the environment (a bad one is a
 * config error before anything starts), the URL on stdout for whoever launched it, and a clean exit
 * on SIGTERM/SIGINT so the state file is written before the process goes.
 */
export async function runEmulatorMain(opts: EmulatorMainOptions): Promise<void> {
  const rawPort = process.env[opts.portEnv] ?? opts.defaultPort;
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`config error: ${opts.portEnv}: must be an integer between 0 and 65535 (got "${rawPort}")`);
    process.exit(1);
  }

  const id = opts.name.toLowerCase();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info').child({ service: `${id}-emulator` });
  const emulator = await opts.start(port, logger);
  process.stdout.write(`${opts.name} emulator listening on ${emulator.url}\n`);

  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      emulator.close().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(`${id} emulator: close failed`, err);
          process.exit(1);
        },
      );
    });
  }
}
