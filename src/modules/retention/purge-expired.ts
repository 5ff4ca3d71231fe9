import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  IdempotencyKey,
  OutboxEvent,
  Partner,
  UsageEvent,
  WebhookDelivery,
  type IdempotencyKeyEntity,
  type OutboxEventEntity,
  type UsageEventEntity,
} from '../../db/entities/index.js';

/** Rows deleted per statement, so a large backlog never holds a long lock. */
export const PURGE_BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
  /** Days an outbox event, its webhook deliveries and their attempt log are kept once delivery is over. */
  webhookRetentionDays: number;
  /** Days a raw usage event is kept (by when it occurred); reports keep counting it from the rollups. */
  usageEventRetentionDays: number;
}

export interface PurgeResult {
  outboxEvents: number;
  idempotencyKeys: number;
  usageEvents: number;
}

/**
 * Deletes what the gateway no longer needs, so its tables stop growing with traffic:
 * - idempotency keys past their expiry (24 h after first use; a claim removes an expired key
 *   only when the same key comes back);
 * - outbox events older than the retention period that have been fanned out and have no delivery
 *   still pending; their deliveries and attempt log go with them (ON DELETE CASCADE). An event whose
 *   delivery is still being retried, or was resent, stays until that delivery is over;
 * - raw usage events that occurred before their retention period. The usage reports read whole
 *   hours from the hourly rollups and whole days of active users from the monthly bitmaps, both kept
 *   by the insert trigger and untouched here, so a report stays exact for any window whose edges
 *   fall on a UTC day (counts need only the hour); only a partial hour or day at an edge older than
 *   the period, which is read from raw events (usage-window.ts), loses them. A retry of a purged
 *   event's event_id would be counted again.
 * Safe to run from several gateway processes at once: every delete re-checks its conditions.
 */
export async function purgeExpired(em: EntityManager, policy: RetentionPolicy, now: Date = new Date()): Promise<PurgeResult> {
  const idempotencyKeys = await inBatches<IdempotencyKeyEntity>(em, IdempotencyKey, { expiresAt: { $lte: now } });
  const cutoff = new Date(now.getTime() - policy.webhookRetentionDays * DAY_MS);
  // A sub-query (MikroORM passes a knex query builder through as SQL; its filter types do not say so).
  const stillPending = em.createQueryBuilder(WebhookDelivery, 'd').select('d.event_id').where({ status: 'pending' }).getKnexQuery();
  const outboxEvents = await inBatches<OutboxEventEntity>(em, OutboxEvent, { createdAt: { $lt: cutoff }, dispatchedAt: { $ne: null }, id: { $nin: stillPending as never } });
  const usageCutoff = new Date(now.getTime() - policy.usageEventRetentionDays * DAY_MS);
  // Through the partners, as the admin usage report does: (partner_id, occurred_at) leads the report
  // index, so each partner's old rows are one index range instead of an hourly scan of the whole table.
  const partners = em.createQueryBuilder(Partner, 'p').select('p.id').getKnexQuery();
  const usageEvents = await inBatches<UsageEventEntity>(em, UsageEvent, { partner: { $in: partners as never }, occurredAt: { $lt: usageCutoff } });
  return { outboxEvents, idempotencyKeys, usageEvents };
}

/** Deletes the rows matching `where`, PURGE_BATCH at a time; each delete repeats the conditions. */
async function inBatches<T extends { id: string }>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows: { id: string }[] = await em.createQueryBuilder(entity).select('id').where(where).limit(PURGE_BATCH).execute('all', false);
    if (rows.length === 0) return deleted;
    deleted += await em.nativeDelete(entity, { $and: [where, { id: { $in: rows.map((r) => r.id) } }] } as FilterQuery<T>);
    if (rows.length < PURGE_BATCH) return deleted;
  }
}
