import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { OutboxEvent } from './outbox-event.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

/**
 * One outbox event to one endpoint: the unit that is retried. `(endpoint, event)` is unique, so
 * fanning an event out twice (two processes, a restart) cannot create a second delivery; an
 * attempt is claimed by moving `leaseUntil` forward in a conditional update, so two processes
 * never send the same attempt.
 */
export const WebhookDelivery = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  uniques: [{ properties: ['endpoint', 'event'] }],
  indexes: [{ properties: ['status', 'nextAttemptAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    endpoint: p.manyToOne(WebhookEndpoint).ref().deleteRule('cascade'),
    event: p.manyToOne(OutboxEvent).ref().deleteRule('cascade'),
    status: p.string().length(20).$type<WebhookDeliveryStatus>(),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime(),
    leaseUntil: p.datetime().nullable(),
    lastAttemptAt: p.datetime().nullable(),
    lastStatusCode: p.integer().nullable(),
    lastError: p.string().length(500).nullable(),
    deliveredAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/** Every HTTP attempt of a delivery, for the partner's delivery log. */
export const WebhookDeliveryAttempt = defineEntity({
  name: 'WebhookDeliveryAttempt',
  tableName: 'webhook_delivery_attempts',
  indexes: [{ properties: ['delivery', 'attemptedAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    delivery: p.manyToOne(WebhookDelivery).ref().deleteRule('cascade'),
    attemptedAt: p.datetime(),
    statusCode: p.integer().nullable(),
    error: p.string().length(500).nullable(),
    durationMs: p.integer(),
  },
});

export type WebhookDeliveryEntity = InferEntity<typeof WebhookDelivery>;
export type WebhookDeliveryAttemptEntity = InferEntity<typeof WebhookDeliveryAttempt>;
