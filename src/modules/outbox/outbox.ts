import type { EntityManager } from '@mikro-orm/knex';
import type { KeyMode } from '../../config/config.js';
import { OutboxEvent } from '../../db/entities/index.js';
import { uuidV7 } from '../usage/ingest-service.js';

/** Event types partners can receive by webhook. */
export const OUTBOX_EVENT_TYPES = [
  'calculation.updated',
  'transfer.pending',
  'transfer.posted',
  'transfer.settled',
  'transfer.failed',
  'transfer.returned',
  'transfer.cancelled',
  'task.updated',
] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

/** Whose event it is: the partner, and the mode of the data it is about (the mode of the user's keys). */
export interface EventScope {
  partnerId: string;
  keyMode: KeyMode;
}

/**
 * Records an event for the partner's webhooks of that mode (a sandbox transfer goes to the
 * endpoints registered with a test key only). Call it inside the transaction of the change it
 * describes (`em` being that transaction's manager), so the event is committed with the change or
 * not at all; delivery reads the outbox afterwards. Ids are time-ordered, so delivery order follows
 * creation order.
 */
export function emitEvent(em: EntityManager, scope: EventScope, eventType: OutboxEventType, payload: Record<string, unknown>): void {
  em.create(OutboxEvent, { id: uuidV7(), partner: scope.partnerId, keyMode: scope.keyMode, eventType, payload, createdAt: new Date() });
}
