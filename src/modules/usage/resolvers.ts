import type { Resolvers } from '../../generated/graphql.js';
import { validateBatch, validateEvent, type RawEvent } from './ingest-validation.js';
import { UsageService } from './usage-service.js';

interface EventInput {
  partnerId: string;
  eventType: string;
  userId?: string | null;
  amountCents?: number | null;
  category?: string | null;
  institution?: string | null;
  occurredAt?: string | null;
  eventId?: string | null;
}

/** GraphQL inputs in the REST contract's field names, so one validator holds every rule. */
const toRaw = (e: EventInput): RawEvent => ({
  partner_id: e.partnerId,
  event_type: e.eventType,
  user_id: e.userId ?? undefined,
  amount_cents: e.amountCents ?? undefined,
  category: e.category ?? undefined,
  institution: e.institution ?? undefined,
  occurred_at: e.occurredAt ?? undefined,
  event_id: e.eventId ?? undefined,
});

export const usageResolvers: Resolvers = {
  Query: {
    usage: (_p, { from, to, granularity }, ctx) =>
      new UsageService(ctx.em, ctx.services.config.database.kind).report(ctx.partner.id, new Date(from), new Date(to), granularity ?? 'DAY'),
    adminUsage: (_p, { from, to, granularity }, ctx) =>
      new UsageService(ctx.em, ctx.services.config.database.kind).report(null, new Date(from), new Date(to), granularity ?? 'DAY'),
  },
  Mutation: {
    ingestEvent: (_p, { event }, ctx) => ctx.services.ingest.ingest(ctx.em, [validateEvent(toRaw(event), 0, new Date())]),
    ingestEvents: (_p, { events }, ctx) => ctx.services.ingest.ingest(ctx.em, validateBatch(events.map(toRaw))),
  },
};
