import { badUserInput } from '../../errors/app-error.js';
import { parseInstant } from '../../validation/calendar.js';

export const MAX_BATCH = 500;
const EVENT_TYPES = new Set(['user_signup', 'account_link', 'transaction']);

export interface ValidEvent {
  partnerId: string;
  eventType: 'user_signup' | 'account_link' | 'transaction';
  userId: string | null;
  amountCents: number | null;
  category: string | null;
  institution: string | null;
  occurredAt: Date;
  eventId: string | null;
}

/** Field names as the REST reference spells them (snake_case); GraphQL inputs are mapped to these first. */
export interface RawEvent {
  partner_id?: unknown;
  event_type?: unknown;
  user_id?: unknown;
  amount_cents?: unknown;
  category?: unknown;
  institution?: unknown;
  occurred_at?: unknown;
  event_id?: unknown;
}

const fail = (index: number, field: string, message: string) =>
  badUserInput(`events[${index}].${field} ${message}`, { index, field });

function optionalText(e: RawEvent, index: number, field: keyof RawEvent, max: number): string | null {
  const v = e[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw fail(index, field, `must be a non-empty string of at most ${max} characters.`);
  return v;
}

/**
 * Checks one event against the ingest contract. Hand-written rather than schema-driven because it
 * runs 500 times per batch on the ingest hot path; every message names the event index and field.
 */
export function validateEvent(e: unknown, index: number, now: Date): ValidEvent {
  if (!e || typeof e !== 'object' || Array.isArray(e)) throw fail(index, '', 'must be a JSON object.');
  const raw = e as RawEvent;
  if (typeof raw.partner_id !== 'string' || raw.partner_id.length === 0) throw fail(index, 'partner_id', 'is required.');
  if (typeof raw.event_type !== 'string' || !EVENT_TYPES.has(raw.event_type)) {
    throw fail(index, 'event_type', 'must be one of user_signup, account_link, transaction.');
  }
  const eventType = raw.event_type as ValidEvent['eventType'];
  const isTransaction = eventType === 'transaction';
  let amountCents: number | null = null;
  if (raw.amount_cents !== undefined && raw.amount_cents !== null) {
    if (!isTransaction) throw fail(index, 'amount_cents', 'is only allowed on transaction events.');
    if (typeof raw.amount_cents !== 'number' || !Number.isSafeInteger(raw.amount_cents)) throw fail(index, 'amount_cents', 'must be an integer number of cents.');
    amountCents = raw.amount_cents;
  }
  const category = optionalText(raw, index, 'category', 100);
  if (category !== null && !isTransaction) throw fail(index, 'category', 'is only allowed on transaction events.');
  const institution = optionalText(raw, index, 'institution', 200);
  if (institution !== null && eventType !== 'account_link') throw fail(index, 'institution', 'is only allowed on account_link events.');
  let occurredAt = now;
  if (raw.occurred_at !== undefined && raw.occurred_at !== null) {
    const instant = typeof raw.occurred_at === 'string' ? parseInstant(raw.occurred_at) : null;
    if (!instant) throw fail(index, 'occurred_at', 'must be an ISO 8601 timestamp on a real calendar day (no offset means UTC).');
    occurredAt = instant;
  }
  return {
    partnerId: raw.partner_id,
    eventType,
    userId: optionalText(raw, index, 'user_id', 200),
    amountCents,
    category,
    institution,
    occurredAt,
    eventId: optionalText(raw, index, 'event_id', 200),
  };
}

export function validateBatch(events: unknown, now = new Date()): ValidEvent[] {
  if (!Array.isArray(events)) throw badUserInput('events must be an array of 1 to 500 events.', { field: 'events' });
  if (events.length === 0 || events.length > MAX_BATCH) {
    throw badUserInput(`A batch holds 1 to ${MAX_BATCH} events; this one has ${events.length}.`, { field: 'events' });
  }
  return events.map((e, i) => validateEvent(e, i, now));
}
