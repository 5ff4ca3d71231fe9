import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from './partner.entity.js';

/**
 * One partner usage event (user_signup, account_link, transaction), from the ingest API or
 * emitted by the gateway itself. `eventId` de-duplicates retries; `dedupeKey` lets internal
 * emitters record "once per thing" events (e.g. once per surfaced transaction) idempotently.
 */
export const UsageEvent = defineEntity({
  name: 'UsageEvent',
  tableName: 'usage_events',
  // Usage reports filter on (partner, occurredAt) and read only these columns: with all of them in
  // the index, PostgreSQL answers a partner's month with an index-only scan instead of visiting
  // every heap page that holds one of its rows (measured in docs/benchmarks.md).
  indexes: [
    {
      name: 'usage_events_partner_report_index',
      properties: ['partner', 'occurredAt', 'eventType', 'userId', 'amountCents', 'category', 'institution'],
    },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    partner: p.manyToOne(Partner).ref().deleteRule('cascade'),
    // Validated by the usage service; a typed string because MikroORM's SQLite introspection
    // misreads CHECK enums whose values contain underscores (it reports drift that is not there).
    eventType: p.string().length(20).$type<'user_signup' | 'account_link' | 'transaction'>(),
    userId: p.string().length(200).nullable(),
    amountCents: p.bigint('number').nullable(),
    category: p.string().length(100).nullable(),
    institution: p.string().length(200).nullable(),
    occurredAt: p.datetime(),
    source: p.string().length(10).$type<'ingest' | 'internal'>(),
    eventId: p.string().length(200).nullable().unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type UsageEventEntity = InferEntity<typeof UsageEvent>;
