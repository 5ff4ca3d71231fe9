import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { OutboxEvent, WebhookDelivery, WebhookEndpoint } from '../../db/entities/index.js';
import { uuidV7 } from '../usage/ingest-service.js';
import { toDue, type DueDelivery } from './delivery-store.js';
import { subscribes } from './validation.js';

/** Outbox events fanned out per transaction. */
export const FAN_OUT_BATCH = 200;

/**
 * Turns outbox events not yet dispatched into one pending delivery per enabled endpoint of the
 * event's partner that subscribes to its type, and marks the events dispatched, in one
 * transaction: either both happen or neither, so an event is never dropped between the two.
 *
 * Safe to run in several processes at once: on PostgreSQL each takes a disjoint batch
 * (`FOR UPDATE SKIP LOCKED`); and whatever the dialect, the unique (endpoint, event) index with
 * ON CONFLICT DO NOTHING means a second fan-out of the same event creates nothing. Returns the
 * pending deliveries of the batch (new ones, or ones a concurrent fan-out created) to schedule.
 */
export async function fanOutOutbox(em: EntityManager, pg: boolean, now: Date, limit = FAN_OUT_BATCH): Promise<{ events: number; due: DueDelivery[] }> {
  return em.transactional(async (tx) => {
    const events = await tx.find(
      OutboxEvent,
      { dispatchedAt: null },
      {
        fields: ['id', 'partner', 'keyMode', 'eventType'],
        orderBy: { id: 'asc' },
        limit,
        ...(pg ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
      },
    );
    if (events.length === 0) return { events: 0, due: [] };
    const partnerIds = [...new Set(events.map((e) => e.partner.id))];
    const endpoints = await tx.find(WebhookEndpoint, { partner: { $in: partnerIds }, status: 'enabled' }, { fields: ['id', 'partner', 'keyMode', 'eventTypes'] });

    const rows = [];
    // Ids are time-ordered (UUIDv7; the row index added to the millisecond keeps a batch in order),
    // so the newest-first delivery list shows deliveries in the order their events happened.
    for (const event of events) {
      for (const endpoint of endpoints) {
        // The partner's endpoints of the event's mode only: sandbox events never reach a live receiver.
        if (endpoint.partner.id !== event.partner.id || endpoint.keyMode !== event.keyMode || !subscribes(endpoint.eventTypes, event.eventType)) continue;
        const id = uuidV7(now.getTime() + rows.length);
        rows.push({ id, endpoint: endpoint.id, event: event.id, status: 'pending' as const, attempts: 0, nextAttemptAt: now, createdAt: now });
      }
    }
    const eventIds = events.map((e) => e.id);
    if (rows.length > 0) {
      await tx.createQueryBuilder(WebhookDelivery).insert(rows).onConflict(['endpoint', 'event']).ignore().execute('run');
    }
    await tx.nativeUpdate(OutboxEvent, { id: { $in: eventIds }, dispatchedAt: null }, { dispatchedAt: now });
    const pending = rows.length
      ? await tx.find(WebhookDelivery, { event: { $in: eventIds }, status: 'pending' }, { fields: ['id', 'attempts', 'nextAttemptAt'], orderBy: { id: 'asc' } })
      : [];
    return { events: events.length, due: pending.map(toDue) };
  });
}
