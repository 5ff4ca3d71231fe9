/**
 * The events every part of the benchmark sends or inserts: one shape, so the gateway and the
 * raw-driver ceiling store the same rows (11 columns, uuid id, every event with an event_id).
 */
export const BATCH_SIZE = 500;

/** The month the events fall in (aggregation part too). */
export const MONTH_START = new Date('2026-03-01T00:00:00Z');
export const MONTH_END = new Date('2026-04-01T00:00:00Z');
const MONTH_MINUTES = (MONTH_END.getTime() - MONTH_START.getTime()) / 60_000;

const CATEGORIES = ['groceries', 'dining', 'rent', 'travel', 'utilities', 'shopping', 'transport', 'health', 'entertainment', 'income'];
const INSTITUTIONS = ['chase', 'bank_of_america', 'wells_fargo', 'citi', 'capital_one', 'us_bank', 'pnc', 'td_bank'];

export interface WireEvent {
  partner_id: string;
  event_type: 'user_signup' | 'account_link' | 'transaction';
  user_id: string;
  amount_cents?: number;
  category?: string;
  institution?: string;
  occurred_at: string;
  event_id: string;
}

/** Batch `seq` covers its own minute of the month ("2026-03-01T00:07"), so times grow as batches arrive, as live traffic does. */
export const minuteOf = (seq: number) => new Date(MONTH_START.getTime() + (seq % MONTH_MINUTES) * 60_000).toISOString().slice(0, 16);

/**
 * Event `i` of a batch of kind `variant`: 70 % transactions (amount, category), 10 % account
 * links (institution), 20 % signups, spread over the partners, 100 ms apart within the batch's minute.
 */
export function makeEvent(partners: string[], variant: number, i: number, eventId: string, minute: string): WireEvent {
  const n = variant * BATCH_SIZE + i;
  const kind = n % 10;
  const ms = i * 100;
  const occurred = `${minute}:${String(Math.floor(ms / 1000)).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}Z`;
  const base = { partner_id: partners[n % partners.length]!, user_id: `usr_${(n * 31) % 50_000}`, occurred_at: occurred, event_id: eventId };
  if (kind < 2) return { ...base, event_type: 'user_signup' };
  if (kind === 2) return { ...base, event_type: 'account_link', institution: INSTITUTIONS[n % INSTITUTIONS.length]! };
  return { ...base, event_type: 'transaction', amount_cents: 100 + ((n * 977) % 250_000), category: CATEGORIES[n % CATEGORIES.length]! };
}

/** Distinct batch kinds (partners and event mix differ); batch `seq` is of kind `seq % VARIANTS`. */
export const VARIANTS = 16;

/** Placeholders in a body template: a per-request sequence number (every event_id new) and the batch's minute. */
export const SEQ = '#SEQ#';
export const MINUTE = '#MIN#';

/** JSON bodies for POST /api/ingest/events/batch, one per variant, with the placeholders in them. */
export function bodyTemplates(partners: string[]): string[] {
  return Array.from({ length: VARIANTS }, (_, v) =>
    JSON.stringify({ events: Array.from({ length: BATCH_SIZE }, (_, i) => makeEvent(partners, v, i, `evt-${SEQ}-${i}`, MINUTE)) }),
  );
}

/** The body of request `seq`. */
export const fillTemplate = (templates: string[], seq: number) =>
  templates[seq % VARIANTS]!.replaceAll(SEQ, String(seq)).replaceAll(MINUTE, minuteOf(seq));

/** The same events as objects (for the raw-driver ceiling), event ids distinct from the HTTP run's. */
export const batchEvents = (partners: string[], seq: number) =>
  Array.from({ length: BATCH_SIZE }, (_, i) => makeEvent(partners, seq % VARIANTS, i, `ceil-${seq}-${i}`, minuteOf(seq)));
