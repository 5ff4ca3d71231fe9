import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from './partner.entity.js';

/**
 * An event for a partner's webhooks (`calculation.updated`, `transfer.settled`, …), written in the
 * same transaction as the change that caused it, so an event exists exactly when its change was
 * committed. Delivery to the partner's endpoints reads from here.
 */
export const OutboxEvent = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_events',
  indexes: [{ properties: ['partner', 'createdAt'] }, { properties: ['dispatchedAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    partner: p.manyToOne(Partner).ref().deleteRule('cascade'),
    /** The mode of the data the event is about; it goes to that mode's endpoints only. */
    keyMode: p.enum(['test', 'live'] as const).default('test'),
    eventType: p.string().length(60),
    /** The webhook body's `data`, as the partner will receive it. */
    payload: p.json<Record<string, unknown>>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** When the event was fanned out into webhook deliveries (null = not yet). */
    dispatchedAt: p.datetime().nullable(),
  },
});

export type OutboxEventEntity = InferEntity<typeof OutboxEvent>;
