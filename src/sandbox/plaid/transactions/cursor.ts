import { hashBase62 } from '../generator/prng.js';

/**
 * A /transactions/sync cursor: a position in the Item's change log, plus, in the middle of a
 * pagination run, the log head the run started against and how far into it the client has paged.
 */
export interface SyncCursor {
  position: number;
  run?: { head: number; offset: number; accountId?: string };
}

interface WireCursor {
  v: 1;
  /** Fingerprint of the Item, so a cursor from one Item is refused by another. */
  i: string;
  p: number;
  h?: number;
  o?: number;
  a?: string;
}

const itemFingerprint = (itemId: string): string => hashBase62(`cursor:${itemId}`, 8);

/** Opaque to clients, like Plaid's: base64url of a small JSON object. */
export function encodeCursor(itemId: string, cursor: SyncCursor): string {
  const wire: WireCursor = { v: 1, i: itemFingerprint(itemId), p: cursor.position };
  if (cursor.run) {
    wire.h = cursor.run.head;
    wire.o = cursor.run.offset;
    if (cursor.run.accountId !== undefined) wire.a = cursor.run.accountId;
  }
  return Buffer.from(JSON.stringify(wire)).toString('base64url');
}

/** Undefined when the string is not a cursor this emulator issued for this Item. */
export function decodeCursor(itemId: string, raw: string): SyncCursor | undefined {
  const bytes = Buffer.from(raw, 'base64url');
  // Node's base64 decoder skips junk silently; a round trip catches a garbled string.
  if (bytes.toString('base64url') !== raw) return undefined;
  let wire: Partial<WireCursor>;
  try {
    wire = JSON.parse(bytes.toString('utf8')) as Partial<WireCursor>;
  } catch {
    return undefined;
  }
  if (typeof wire !== 'object' || wire === null || wire.v !== 1 || wire.i !== itemFingerprint(itemId)) return undefined;
  if (!isCount(wire.p)) return undefined;
  if (wire.h === undefined && wire.o === undefined) return { position: wire.p };
  if (!isCount(wire.h) || !isCount(wire.o) || wire.o === 0 || wire.h < wire.p) return undefined;
  if (wire.a !== undefined && typeof wire.a !== 'string') return undefined;
  const run = wire.a === undefined ? { head: wire.h, offset: wire.o } : { head: wire.h, offset: wire.o, accountId: wire.a };
  return { position: wire.p, run };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
