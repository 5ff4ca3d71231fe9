import type { FastifyBaseLogger } from 'fastify';
import { SIGNATURE_HEADER, signWebhook } from './signer.js';

export interface WebhookDelivery {
  url: string;
  /** HTTP status the receiver answered with; null when it could not be reached. */
  status: number | null;
  /** The payload as sent. */
  body: unknown;
  /** When the attempt finished, ISO timestamp. */
  at: string;
  error?: string;
}

interface DispatcherOptions {
  secret: string;
  now: () => Date;
  log: FastifyBaseLogger;
  timeoutMs?: number;
  /** How many recent deliveries the control API shows. */
  keep?: number;
}

/**
 * Posts signed webhooks. Best effort, like any webhook sender: one attempt, failures are logged and
 * recorded, never thrown. In-flight deliveries are aborted when the emulator closes.
 */
export class WebhookDispatcher {
  private readonly recent: WebhookDelivery[] = [];
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: DispatcherOptions) {}

  deliveries(): WebhookDelivery[] {
    return [...this.recent];
  }

  clear(): void {
    this.recent.length = 0;
  }

  async send(url: string, payload: object): Promise<WebhookDelivery> {
    const body = JSON.stringify(payload);
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 5000);
    let delivery: WebhookDelivery;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(this.options.secret, body),
          'user-agent': 'Atomic-Webhooks (emulator)',
        },
        body,
        signal: controller.signal,
      });
      // Drain the answer so the connection can be reused or closed.
      await response.arrayBuffer().catch(() => undefined);
      delivery = { url, status: response.status, body: payload, at: this.options.now().toISOString() };
      if (!response.ok) this.options.log.warn({ url, status: response.status }, 'atomic emulator: webhook answered with an error');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      delivery = { url, status: null, body: payload, at: this.options.now().toISOString(), error: message };
      this.options.log.warn({ url, err: message }, 'atomic emulator: webhook delivery failed');
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
    this.recent.push(delivery);
    if (this.recent.length > (this.options.keep ?? 100)) this.recent.shift();
    return delivery;
  }

  close(): void {
    for (const controller of this.inFlight) controller.abort();
  }
}
