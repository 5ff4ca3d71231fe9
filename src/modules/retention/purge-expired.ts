import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { IdempotencyKey, OutboxEvent, WebhookDelivery, type IdempotencyKeyEntity, type OutboxEventEntity } from '../../db/entities/index.js';

/** Rows deleted per statement, so a large backlog never holds a long lock. */
export const PURGE_BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
  /** Days an outbox event, its webhook deliveries and their attempt log are kept once delivery is over. */
  webhookRetentionDays: number;
}

export interface PurgeResult {
  outboxEvents: number;
  idempotencyKeys: number;
}

/**
 * Deletes what the gateway no longer needs, so its tables stop growing with traffic:
 * - idempotency keys past their expiry (24 h after first use; a claim removes an expired key
 *   only when the same key comes back);
 * - outbox events older than the retention period that have been fanned out and have no delivery
 *   still pending; their deliveries and attempt log go with them (ON DELETE CASCADE). An event whose
 *   delivery is still being retried, or was resent, stays until that delivery is over.
 * Safe to run from several gateway processes at once: every delete re-checks its conditions.
 */
export async function purgeExpired(em: EntityManager, policy: RetentionPolicy, now: Date = new Date()): Promise<PurgeResult> {
  const idempotencyKeys = await inBatches<IdempotencyKeyEntity>(em, IdempotencyKey, { expiresAt: { $lte: now } });
  const cutoff = new Date(now.getTime() - policy.webhookRetentionDays * DAY_MS);
  // A sub-query (MikroORM passes a knex query builder through as SQL; its filter types do not say so).
  const stillPending = em.createQueryBuilder(WebhookDelivery, 'd').select('d.event_id').where({ status: 'pending' }).getKnexQuery();
  const outboxEvents = await inBatches<OutboxEventEntity>(em, OutboxEvent, { createdAt: { $lt: cutoff }, dispatchedAt: { $ne: null }, id: { $nin: stillPending as never } });
  return { outboxEvents, idempotencyKeys };
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
