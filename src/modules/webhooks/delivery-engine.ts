import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyBaseLogger } from 'fastify';
import type { TokenCipher } from '../../crypto/token-cipher.js';
import { WebhookDelivery, type OutboxEventEntity, type WebhookEndpointEntity } from '../../db/entities/index.js';
import { claimDelivery, dueDeliveries, recordAttempt, type DueDelivery } from './delivery-store.js';
import { signingSecrets } from './endpoint-secrets.js';
import { FAN_OUT_BATCH, fanOutOutbox } from './fan-out.js';
import { judgeAttempt } from './outcome.js';
import type { RetryPolicy } from './retry-policy.js';
import { postToTarget, type SendOutcome } from './sender.js';
import { deliveryBody, EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signatureHeader, USER_AGENT } from './signing.js';
import { SsrfRefusal, type SsrfGuard } from './ssrf-guard.js';

export interface DeliveryEngineOptions {
  /** A fresh entity manager per unit of work (the root ORM's `em.fork()`). */
  em: () => EntityManager;
  pg: boolean;
  cipher: TokenCipher;
  guard: SsrfGuard;
  policy: RetryPolicy;
  /** Per attempt, connect to response headers (10 s). */
  timeoutMs: number;
  log: FastifyBaseLogger;
}

/**
 * The work both schedulers drive: fan the outbox out into deliveries, find due ones, and make
 * one attempt of a delivery. All state is in the database, so any process can pick up where
 * another stopped; schedulers only decide when to call these.
 */
export class DeliveryEngine {
  /**
   * How long a claimed attempt is reserved. Longer than any attempt can take (DNS, the send's
   * timeout, recording), so a live attempt never loses its lease; a process that died mid-attempt
   * holds the delivery up for at most this long.
   */
  readonly leaseMs: number;

  constructor(private readonly o: DeliveryEngineOptions) {
    this.leaseMs = Math.max(60_000, o.timeoutMs * 3);
  }

  /** Fans out every undispatched outbox event; returns the pending deliveries created for them. */
  async fanOut(): Promise<DueDelivery[]> {
    const due: DueDelivery[] = [];
    for (;;) {
      const batch = await fanOutOutbox(this.o.em(), this.o.pg, new Date());
      due.push(...batch.due);
      if (batch.events < FAN_OUT_BATCH) return due;
    }
  }

  /** Pending, unclaimed deliveries due by `until` (now, unless looking ahead). */
  due(limit: number, until: Date = new Date()): Promise<DueDelivery[]> {
    return dueDeliveries(this.o.em(), new Date(), until, limit);
  }

  /**
   * Claims, sends and records one attempt of the delivery. Returns the next attempt when it stays
   * pending, and null when it is finished — or when it was not ours to attempt (not due, already
   * claimed elsewhere, no longer pending), which is how duplicate wake-ups end harmlessly.
   */
  async attempt(deliveryId: string): Promise<DueDelivery | null> {
    const em = this.o.em();
    const lease = await claimDelivery(em, deliveryId, new Date(), this.leaseMs);
    if (!lease) return null;
    const delivery = await em.findOneOrFail(WebhookDelivery, deliveryId, { populate: ['endpoint', 'event'] });
    const endpoint = delivery.endpoint.getEntity();
    const event = delivery.event.getEntity();
    const attempts = delivery.attempts + 1;

    const attemptedAt = new Date();
    const outcome = endpoint.status === 'enabled' ? await this.send(deliveryId, endpoint, event, attemptedAt) : null;
    if (!outcome) {
      // Disabled after the delivery was queued: cancel it without sending.
      await em.nativeUpdate(WebhookDelivery, { id: deliveryId, leaseUntil: lease }, { status: 'cancelled', leaseUntil: null });
      return null;
    }
    const verdict = judgeAttempt(outcome, attempts, this.o.policy, new Date());
    const next = await recordAttempt(em, {
      deliveryId,
      endpointId: endpoint.id,
      lease,
      attemptedAt,
      attempts,
      statusCode: outcome.statusCode,
      durationMs: outcome.durationMs,
      verdict,
      goneReason: `The receiver answered 410 Gone on ${attemptedAt.toISOString()}.`,
    });
    // Host only, never the full URL (its path or query may carry the partner's own tokens) or bodies.
    this.o.log[verdict.status === 'succeeded' ? 'info' : 'warn'](
      {
        deliveryId,
        endpointId: endpoint.publicId,
        host: safeHost(endpoint.url),
        eventId: event.id,
        eventType: event.eventType,
        attempt: attempts,
        statusCode: outcome.statusCode,
        error: verdict.error,
        durationMs: outcome.durationMs,
        result: verdict.status,
        nextAttemptAt: next?.dueAt.toISOString(),
      },
      'webhook delivery attempt',
    );
    return next;
  }

  /** Signs and POSTs; a refusal by the SSRF guard or an unreadable secret is a failed attempt, not a crash. */
  private async send(deliveryId: string, endpoint: WebhookEndpointEntity, event: OutboxEventEntity, now: Date): Promise<SendOutcome> {
    const failed = (error: string): SendOutcome => ({ statusCode: null, retryAfter: undefined, error, durationMs: 0 });
    let secrets: string[];
    try {
      secrets = signingSecrets(this.o.cipher, endpoint, now);
    } catch {
      return failed('the signing secret cannot be decrypted with the configured TOKEN_ENCRYPTION_KEYS');
    }
    let target;
    try {
      // Again at every attempt: DNS may now answer with an internal address.
      target = await this.o.guard.check(new URL(endpoint.url));
    } catch (err) {
      if (!(err instanceof SsrfRefusal)) throw err;
      // The partner sees the message; what the host resolved to stays in the gateway's logs.
      this.o.log.warn({ deliveryId, endpointId: endpoint.publicId, refusal: err.detail }, 'webhook destination refused by the SSRF guard');
      return failed(`refused: ${err.message}`);
    }
    const body = deliveryBody(event);
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [SIGNATURE_HEADER]: signatureHeader(body, secrets, Math.floor(Date.now() / 1000)),
      [EVENT_ID_HEADER]: event.id,
      [EVENT_TYPE_HEADER]: event.eventType,
    };
    return postToTarget(target, headers, body, this.o.timeoutMs);
  }
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
