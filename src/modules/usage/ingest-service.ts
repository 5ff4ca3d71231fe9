import type { EntityManager } from '@mikro-orm/knex';
import { randomUUID } from 'node:crypto';
import { UsageEvent } from '../../db/entities/index.js';
import { AppError } from '../../errors/app-error.js';
import type { PartnerDirectory } from './partner-directory.js';
import type { ValidEvent } from './ingest-validation.js';

export interface IngestResult {
  accepted: number;
  partners: string[];
  duplicates: number;
}

/** An event the gateway records about its own activity (a link, a surfaced transaction, a signup). */
export interface InternalUsageEvent {
  partnerId: string;
  eventType: ValidEvent['eventType'];
  userId: string;
  occurredAt: Date;
  amountCents?: number;
  category?: string | null;
  institution?: string | null;
}

/** Told which partners' counters moved (live subscriptions listen). */
export type UsageNotifier = (partnerIds: string[]) => void;

/**
 * The one way usage events are stored, for the ingest API and the gateway's own events alike:
 * one multi-row INSERT per request, all or nothing. Ingested events name partners that must exist
 * (otherwise 400 with `missing`, nothing stored); an event_id already stored is skipped by the
 * unique index (ON CONFLICT DO NOTHING) and counted as a duplicate.
 */
export class IngestService {
  constructor(
    private readonly directory: PartnerDirectory,
    private readonly notify: UsageNotifier,
  ) {}

  async ingest(em: EntityManager, events: ValidEvent[]): Promise<IngestResult> {
    const partnerIds = [...new Set(events.map((e) => e.partnerId))];
    const missing = await this.directory.missing(em, partnerIds);
    if (missing.length > 0) {
      throw new AppError('BAD_USER_INPUT', `Unknown partner_id${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. Nothing was stored.`, {
        extensions: { missing },
      });
    }
    const accepted = await em.transactional((tx) => this.insert(tx, events, 'ingest'));
    this.notify(partnerIds);
    return { accepted, partners: partnerIds, duplicates: events.length - accepted };
  }

  /** Inside the caller's transaction (the event commits with the change that caused it). */
  async recordInternal(em: EntityManager, events: InternalUsageEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.insert(
      em,
      events.map((e) => ({
        partnerId: e.partnerId,
        eventType: e.eventType,
        userId: e.userId,
        amountCents: e.amountCents ?? null,
        category: e.category ?? null,
        institution: e.institution ?? null,
        occurredAt: e.occurredAt,
        eventId: null,
      })),
      'internal',
    );
    this.notify([...new Set(events.map((e) => e.partnerId))]);
  }

  /** Returns how many rows were stored (duplicates of a stored event_id are not). */
  private async insert(em: EntityManager, events: ValidEvent[], source: 'ingest' | 'internal'): Promise<number> {
    const now = new Date();
    const rows = events.map((e) => ({
      id: randomUUID(),
      partner: e.partnerId,
      eventType: e.eventType,
      userId: e.userId,
      amountCents: e.amountCents,
      category: e.category,
      institution: e.institution,
      occurredAt: e.occurredAt,
      source,
      eventId: e.eventId,
      createdAt: now,
    }));
    const qb = em.createQueryBuilder(UsageEvent).insert(rows);
    if (!rows.some((r) => r.eventId !== null)) {
      await qb.execute('run');
      return rows.length;
    }
    return (await qb.onConflict(['eventId']).ignore().execute('run')).affectedRows;
  }
}
