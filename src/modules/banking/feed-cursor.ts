import { badUserInput } from '../../errors/app-error.js';

/** A position in a user's transaction feed: after row `id` of change batch `seq` (keyset order). */
export interface FeedPosition {
  seq: number;
  id: string;
}

// Row ids are UUIDs; the zero UUID sorts before all of them (and PostgreSQL cannot compare a uuid with '').
export const FEED_START: FeedPosition = { seq: 0, id: '00000000-0000-0000-0000-000000000000' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeFeedCursor(pos: FeedPosition): string {
  return Buffer.from(JSON.stringify({ s: pos.seq, i: pos.id }), 'utf8').toString('base64url');
}

export function decodeFeedCursor(cursor: string, field = 'cursor'): FeedPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; i?: unknown };
    if (Number.isSafeInteger(parsed.s) && (parsed.s as number) >= 0 && typeof parsed.i === 'string' && UUID.test(parsed.i)) {
      return { seq: parsed.s as number, id: parsed.i };
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput(`${field} is not a cursor this API returned.`, { field });
}

/** Keyset cursor for the newest-first transaction list: after (date, plaid transaction id). */
export function encodeListCursor(date: string, transactionId: string): string {
  return Buffer.from(JSON.stringify({ d: date, t: transactionId }), 'utf8').toString('base64url');
}

export function decodeListCursor(cursor: string): { date: string; transactionId: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { d?: unknown; t?: unknown };
    if (typeof parsed.d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(parsed.d) && typeof parsed.t === 'string') {
      return { date: parsed.d, transactionId: parsed.t };
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput('after is not a cursor this API returned.', { field: 'after' });
}
