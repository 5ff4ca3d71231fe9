import { badUserInput } from '../../errors/app-error.js';

/** Keyset position in an endpoint's newest-first delivery list: after (createdAt, id). */
export interface DeliveryPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeDeliveryCursor(pos: DeliveryPosition): string {
  return Buffer.from(JSON.stringify({ c: pos.createdAt.getTime(), i: pos.id }), 'utf8').toString('base64url');
}

export function decodeDeliveryCursor(cursor: string): DeliveryPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    if (Number.isSafeInteger(parsed.c) && typeof parsed.i === 'string' && UUID.test(parsed.i)) {
      return { createdAt: new Date(parsed.c as number), id: parsed.i };
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput('after is not a cursor this API returned.', { field: 'after' });
}
