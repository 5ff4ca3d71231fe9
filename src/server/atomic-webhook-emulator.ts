import type { AppLogger } from '../logging/logger.js';

/**
 * `npm start` in sandbox mode runs the Atomic emulator next to the gateway: point the emulator's
 * task webhooks at this gateway's POST /webhooks/atomic through its control API, unless they already
 * go there (the emulator keeps the URL in its state file, and the gateway's port may have changed).
 * A failure is logged, never fatal: the gateway works without task webhooks.
 */
export async function pointAtomicEmulatorAt(emulatorUrl: string, webhookUrl: string, log: AppLogger): Promise<void> {
  const control = `${emulatorUrl}/__control/webhook-url`;
  try {
    const current = (await (await fetch(control)).json()) as { url?: unknown };
    if (current.url === webhookUrl) return;
    const res = await fetch(control, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: webhookUrl }) });
    if (!res.ok) throw new Error(`control API answered ${res.status}`);
    log.info({ webhookUrl }, 'atomic emulator: task webhooks now go to the gateway');
  } catch (err) {
    log.warn({ err, webhookUrl }, 'could not point the Atomic emulator at the gateway; task.updated events will not arrive');
  }
}
