import type { WebhookDeliveryAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from '../../db/entities/index.js';

/** `type WebhookEndpoint`: never carries a secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  eventTypes: string[];
  status: 'ENABLED' | 'DISABLED';
  disabledReason: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `type WebhookDelivery` without `attemptLog`, which its resolver loads (batched) when asked for. */
export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookAttemptView {
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function endpointView(e: WebhookEndpointEntity, now: Date = new Date()): WebhookEndpointView {
  const overlap = e.previousSecretExpiresAt && e.previousSecretExpiresAt.getTime() > now.getTime() ? e.previousSecretExpiresAt : null;
  return {
    id: e.publicId,
    url: e.url,
    eventTypes: e.eventTypes,
    status: e.status === 'enabled' ? 'ENABLED' : 'DISABLED',
    disabledReason: e.status === 'disabled' ? (e.disabledReason ?? null) : null,
    previousSecretExpiresAt: iso(overlap),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** `endpointPublicId` and the event's type come from rows the caller already loaded. */
export function deliveryView(d: WebhookDeliveryEntity, endpointPublicId: string, eventType: string): WebhookDeliveryView {
  return {
    id: d.id,
    endpointId: endpointPublicId,
    eventId: d.event.id,
    eventType,
    status: d.status.toUpperCase() as WebhookDeliveryView['status'],
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    lastAttemptAt: iso(d.lastAttemptAt),
    lastStatusCode: d.lastStatusCode ?? null,
    lastError: d.lastError ?? null,
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
  };
}

export function attemptView(a: WebhookDeliveryAttemptEntity): WebhookAttemptView {
  return { attemptedAt: a.attemptedAt.toISOString(), statusCode: a.statusCode ?? null, error: a.error ?? null, durationMs: a.durationMs };
}
