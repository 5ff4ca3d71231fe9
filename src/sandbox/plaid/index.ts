import type { FastifyInstance } from 'fastify';
import { buildPlaidEmulator, type PlaidEmulatorOptions } from './app.js';

export { buildPlaidEmulator, type PlaidEmulatorOptions } from './app.js';
export type { FaultSpec } from './control/faults.js';
export type { WebhookDelivery } from './webhooks/dispatcher.js';

export interface RunningPlaidEmulator {
  url: string;
  close(): Promise<void>;
  app: FastifyInstance;
}

/** Builds the emulator and listens; `url` is what the Plaid SDK's `basePath` should be. */
export async function startPlaidEmulator(opts: PlaidEmulatorOptions): Promise<RunningPlaidEmulator> {
  const app = await buildPlaidEmulator(opts);
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { url, app, close: () => app.close() };
}
