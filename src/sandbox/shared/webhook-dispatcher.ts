import type { FastifyBaseLogger } from 'fastify';

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

export interface DispatcherOptions {
  now: () => Date;
  log: FastifyBaseLogger;
  timeoutMs?: number;
  /** How many recent deliveries the control API shows. */
  keep?: number;
}

/** How one emulator puts a webhook on the wire; signatures cover the exact bytes `serialize` returns. */
export interface WebhookFormat {
  serialize(payload: object): string;
  /** Signature and user-agent headers (content-type is always JSON). */
  headersFor(body: string, now: Date): Promise<Record<string, string>>;
  /** Starts each log line, e.g. `plaid emulator`. */
  logPrefix: string;
}

/**
 * Posts signed webhooks. Best effort, like any webhook sender: one attempt, failures are logged and
 * recorded, never thrown. In-flight deliveries are aborted when the emulator closes.
 */
export class WebhookDispatcher {
  private readonly recent: WebhookDelivery[] = [];
  private readonly inFlight = new Set<AbortController>();

  constructor(
    private readonly format: WebhookFormat,
    private readonly options: DispatcherOptions,
  ) {}

  deliveries(): WebhookDelivery[] {
    return [...this.recent];
  }

  clear(): void {
    this.recent.length = 0;
  }

  async send(url: string, payload: object): Promise<WebhookDelivery> {
    const body = this.format.serialize(payload);
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 5000);
    const { log, now } = this.options;
    let delivery: WebhookDelivery;
    try {
      // Signed inside the try: a signing failure is a failed delivery, recorded like any other.
      const headers = { 'content-type': 'application/json', ...(await this.format.headersFor(body, now())) };
      const response = await fetch(url, { method: 'POST', headers, body, signal: controller.signal });
      // Drain the answer so the connection can be reused or closed.
      await response.arrayBuffer().catch(() => undefined);
      delivery = { url, status: response.status, body: payload, at: now().toISOString() };
      if (!response.ok) log.warn({ url, status: response.status }, `${this.format.logPrefix}: webhook answered with an error`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      delivery = { url, status: null, body: payload, at: now().toISOString(), error: message };
      log.warn({ url, err: message }, `${this.format.logPrefix}: webhook delivery failed`);
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
