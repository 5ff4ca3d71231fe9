import type { EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import type { KeyMode } from '../../config/config.js';
import type { TokenCipher } from '../../crypto/token-cipher.js';
import { WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint, type WebhookEndpointEntity } from '../../db/entities/index.js';
import { AppError, badUserInput, notFound } from '../../errors/app-error.js';
import { decodeDeliveryCursor, encodeDeliveryCursor } from './delivery-cursor.js';
import { disableEndpoint, requeueDelivery } from './delivery-store.js';
import { PREVIOUS_SECRET_OVERLAP_MS, sealSecret } from './endpoint-secrets.js';
import { generateSigningSecret } from './signing.js';
import { SsrfRefusal } from './ssrf-guard.js';
import { assertDeliveryId, assertEndpointId, newEndpointId, parseEndpointUrl, validateEventTypes } from './validation.js';
import { attemptView, deliveryView, endpointView, type WebhookAttemptView, type WebhookDeliveryView, type WebhookEndpointView } from './views.js';
import type { WebhookRuntime } from './webhook-runtime.js';

export interface WebhookServiceDeps {
  em: EntityManager;
  partnerId: string;
  /** The calling key's mode: endpoints belong to one mode and receive that mode's events. */
  keyMode: KeyMode;
  cipher: TokenCipher;
  runtime: Pick<WebhookRuntime, 'guard' | 'scheduler'>;
}

export interface EndpointWithSecret {
  endpoint: WebhookEndpointView;
  secret: string;
}

export interface DeliveryPage {
  edges: { cursor: string; node: WebhookDeliveryView }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const MAX_PAGE = 100;

/**
 * A partner's webhook endpoints and deliveries, for one request. Everything is looked up through
 * the calling partner and its key's mode, so another partner's ids (and, for a test key, the live
 * endpoints, and the reverse) are NOT_FOUND, exactly like ids that never existed.
 */
export class WebhookService {
  private attemptLoader: DataLoader<string, WebhookAttemptView[]> | undefined;

  constructor(private readonly d: WebhookServiceDeps) {}

  private scope() {
    return { partner: this.d.partnerId, keyMode: this.d.keyMode };
  }

  /** Validates everything (including where the URL points) before writing anything. */
  async register(url: string, eventTypes: readonly string[]): Promise<EndpointWithSecret> {
    const types = validateEventTypes(eventTypes);
    const parsed = parseEndpointUrl(url);
    try {
      await this.d.runtime.guard.check(parsed);
    } catch (err) {
      if (err instanceof SsrfRefusal) throw badUserInput(`url is not allowed: ${err.message}`, { field: 'url' });
      throw err;
    }
    const id = randomUUID();
    const secret = generateSigningSecret();
    const now = new Date();
    const endpoint = this.d.em.create(WebhookEndpoint, {
      id,
      publicId: newEndpointId(),
      ...this.scope(),
      url: parsed.href,
      eventTypes: types,
      ...sealSecret(this.d.cipher, secret, id),
      previousSecretCiphertext: null,
      previousSecretKeyId: null,
      previousSecretExpiresAt: null,
      status: 'enabled',
      disabledReason: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.d.em.flush();
    return { endpoint: endpointView(endpoint, now), secret };
  }

  /**
   * A new current secret; the old one becomes the previous secret and keeps signing for 24 h (a
   * secret from an earlier rotation still in its overlap stops signing now). Conditional on the
   * secret it replaces, so two concurrent rotations cannot both hand out a secret that then
   * never signs.
   */
  async rotateSecret(publicId: string): Promise<EndpointWithSecret> {
    const endpoint = await this.endpoint(publicId);
    const secret = generateSigningSecret();
    const now = new Date();
    const sealed = sealSecret(this.d.cipher, secret, endpoint.id);
    const rotated = await this.d.em.nativeUpdate(
      WebhookEndpoint,
      { id: endpoint.id, secretCiphertext: endpoint.secretCiphertext },
      {
        ...sealed,
        previousSecretCiphertext: endpoint.secretCiphertext,
        previousSecretKeyId: endpoint.secretKeyId,
        previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_OVERLAP_MS),
        updatedAt: now,
      },
    );
    if (rotated !== 1) throw new AppError('CONFLICT', 'The secret was rotated by a concurrent request; rotate again if you need another one.');
    return { endpoint: endpointView(await this.reload(endpoint), now), secret };
  }

  async list(): Promise<WebhookEndpointView[]> {
    const rows = await this.d.em.find(WebhookEndpoint, this.scope(), { orderBy: { createdAt: 'asc', id: 'asc' } });
    const now = new Date();
    return rows.map((e) => endpointView(e, now));
  }

  async deliveries(endpointPublicId: string, first: number | null | undefined, after: string | null | undefined): Promise<DeliveryPage> {
    const size = first ?? 50;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badUserInput(`first must be between 1 and ${MAX_PAGE}.`, { field: 'first' });
    const position = after ? decodeDeliveryCursor(after) : undefined;
    const endpoint = await this.endpoint(endpointPublicId);
    const rows = await this.d.em.find(
      WebhookDelivery,
      {
        endpoint: endpoint.id,
        ...(position ? { $or: [{ createdAt: { $lt: position.createdAt } }, { createdAt: position.createdAt, id: { $lt: position.id } }] } : {}),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: size + 1, populate: ['event'], exclude: ['event.payload'] },
    );
    const page = rows.slice(0, size);
    const edges = page.map((d) => ({
      cursor: encodeDeliveryCursor({ createdAt: d.createdAt, id: d.id }),
      node: deliveryView(d, endpoint.publicId, d.event.getEntity().eventType),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async disable(publicId: string): Promise<WebhookEndpointView> {
    const endpoint = await this.endpoint(publicId);
    await this.d.em.transactional((tx) => disableEndpoint(tx, endpoint.id, 'Disabled with disableWebhookEndpoint.', new Date()));
    return endpointView(await this.reload(endpoint));
  }

  /** Only new events are delivered; deliveries cancelled while it was disabled can be resent. */
  async enable(publicId: string): Promise<WebhookEndpointView> {
    const endpoint = await this.endpoint(publicId);
    await this.d.em.nativeUpdate(WebhookEndpoint, { id: endpoint.id }, { status: 'enabled', disabledReason: null, updatedAt: new Date() });
    return endpointView(await this.reload(endpoint));
  }

  /** Pending again from now with a fresh round of attempts, whatever its status was. */
  async resend(deliveryId: string): Promise<WebhookDeliveryView> {
    const id = assertDeliveryId(deliveryId);
    const delivery = await this.d.em.findOne(
      WebhookDelivery,
      { id, endpoint: this.scope() },
      { populate: ['endpoint', 'event'], exclude: ['event.payload'] },
    );
    if (!delivery) throw notFound(`No webhook delivery ${deliveryId.slice(0, 60)}.`);
    const endpoint = delivery.endpoint.getEntity();
    if (endpoint.status !== 'enabled') {
      throw badUserInput(`The delivery's endpoint ${endpoint.publicId} is disabled; enable it first.`, { field: 'id' });
    }
    const now = new Date();
    if (!(await requeueDelivery(this.d.em, id, now))) {
      throw new AppError('CONFLICT', 'An attempt of this delivery is under way; resend it after it finishes if it is still needed.');
    }
    this.d.runtime.scheduler.schedule({ id, attempt: 1, dueAt: now });
    await this.d.em.refresh(delivery);
    return deliveryView(delivery, endpoint.publicId, delivery.event.getEntity().eventType);
  }

  /** A delivery's attempts, oldest first; one query for every delivery of the response. */
  attemptLog(deliveryId: string): Promise<WebhookAttemptView[]> {
    this.attemptLoader ??= new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.d.em.find(WebhookDeliveryAttempt, { delivery: { $in: [...ids] } }, { orderBy: { attemptedAt: 'asc', id: 'asc' } });
      const byDelivery = new Map<string, WebhookAttemptView[]>(ids.map((i) => [i, []]));
      for (const a of rows) byDelivery.get(a.delivery.id)?.push(attemptView(a));
      return ids.map((i) => byDelivery.get(i)!);
    });
    return this.attemptLoader.load(deliveryId);
  }

  private async endpoint(publicId: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.d.em.findOne(WebhookEndpoint, { publicId: assertEndpointId(publicId), ...this.scope() });
    if (!endpoint) throw notFound(`No webhook endpoint ${publicId}.`);
    return endpoint;
  }

  /** After a native update the identity map's copy is stale. */
  private async reload(endpoint: WebhookEndpointEntity): Promise<WebhookEndpointEntity> {
    return (await this.d.em.refresh(endpoint)) ?? endpoint;
  }
}
