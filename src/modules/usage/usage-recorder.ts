import type { EntityManager } from '@mikro-orm/knex';
import { randomUUID } from 'node:crypto';
import { UsageEvent } from '../../db/entities/index.js';

export interface InternalUsageEvent {
  partnerId: string;
  eventType: 'user_signup' | 'account_link' | 'transaction';
  userId: string;
  occurredAt: Date;
  amountCents?: number;
  category?: string | null;
  institution?: string | null;
}

/**
 * Events the gateway emits about its own activity (links, surfaced transactions, signups).
 * One multi-row insert per call, inside the caller's transaction when there is one.
 * The Usage issue routes ingest through the same table.
 */
export async function recordUsageEvents(em: EntityManager, events: InternalUsageEvent[]): Promise<void> {
  if (events.length === 0) return;
  const now = new Date();
  await em.insertMany(
    UsageEvent,
    events.map((e) => ({
      id: randomUUID(),
      partner: e.partnerId,
      eventType: e.eventType,
      userId: e.userId,
      amountCents: e.amountCents ?? null,
      category: e.category ?? null,
      institution: e.institution ?? null,
      occurredAt: e.occurredAt,
      source: 'internal' as const,
      eventId: null,
      createdAt: now,
    })),
  );
}
