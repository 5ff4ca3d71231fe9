import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Partner } from './partner.entity.js';

/**
 * Usage events counted per (partner, UTC hour, event type, dimension), where the dimension is the
 * transaction's category, the account link's institution, or '' when there is none. Written only
 * by database triggers on `usage_events` (migration `usage_rollups`), so every insert path, and
 * only rows actually inserted (a de-duplicated retry is not counted), lands here atomically with
 * the event. Usage reports read these ~20 rows per partner-hour instead of every event.
 */
export const UsageHourlyRollup = defineEntity({
  name: 'UsageHourlyRollup',
  tableName: 'usage_hourly_rollups',
  properties: {
    partner: p.manyToOne(Partner).ref().primary().deleteRule('cascade'),
    hourStart: p.datetime().primary(),
    eventType: p.string().length(20).primary().$type<'user_signup' | 'account_link' | 'transaction'>(),
    dimension: p.string().length(200).primary(),
    events: p.bigint('number'),
    amountCents: p.bigint('number'),
  },
});

/**
 * Which days of a UTC month a user was active for a partner: bit d-1 of `activeDays` is day d.
 * Also written by the `usage_events` triggers (only when a bit is newly set, so a user's later
 * events that day write nothing). Distinct active users over whole days is then a count over one
 * row per user and month instead of a count(distinct) over every event.
 */
export const UsageUserMonth = defineEntity({
  name: 'UsageUserMonth',
  tableName: 'usage_user_months',
  properties: {
    partner: p.manyToOne(Partner).ref().primary().deleteRule('cascade'),
    monthStart: p.datetime().primary(),
    userId: p.string().length(200).primary(),
    activeDays: p.bigint('number'),
  },
});

export type UsageHourlyRollupEntity = InferEntity<typeof UsageHourlyRollup>;
export type UsageUserMonthEntity = InferEntity<typeof UsageUserMonth>;
