import type { FastifyInstance } from 'fastify';
import { buildAtomicEmulator, type AtomicEmulatorOptions } from './app.js';

export { buildAtomicEmulator, type AtomicEmulatorOptions } from './app.js';
export type { FaultSpec } from './control/faults.js';
export type { WebhookDelivery } from './webhooks/dispatcher.js';
export type { TaskStatusUpdatedWebhook } from './webhooks/payload.js';
export { SIGNATURE_HEADER, signWebhook, verifyWebhook } from './webhooks/signer.js';
export { REFERENCE_IDENTIFIER } from './reference/paylink.js';

export interface RunningAtomicEmulator {
  url: string;
  close(): Promise<void>;
  app: FastifyInstance;
}

/** Builds the emulator and listens; `url` serves both Atomic's API host and its PCI host paths. */
export async function startAtomicEmulator(opts: AtomicEmulatorOptions): Promise<RunningAtomicEmulator> {
  const app = await buildAtomicEmulator(opts);
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { url, app, close: () => app.close() };
}
