import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * Atomic's ids are MongoDB ObjectIds: 24 hex characters whose first 8 encode the creation time in
 * seconds. New records get a real one; generated users get ids derived from their identifier, so
 * the same identifier always has the same accounts, bills and tasks, across restarts and instances.
 */
export function newObjectId(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000) >>> 0;
  return seconds.toString(16).padStart(8, '0') + randomBytes(8).toString('hex');
}

/** A stable ObjectId-shaped id for `parts` (e.g. identifier + "account" + company). */
export function derivedObjectId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
}

/** A stable UUID-shaped id (bill source ids look like this in the reference). */
export function derivedUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(`uuid\u0000${parts.join('\u0000')}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-3${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Public tokens look like the reference's `6e93549e-3571-4f57-b0f7-77b7cb0b5e48`. */
export const newPublicToken = (): string => randomUUID();

export const OBJECT_ID = /^[0-9a-f]{24}$/;

/** The creation time encoded in an ObjectId (used to date the reference tasks consistently). */
export function objectIdTime(id: string): Date {
  return new Date(parseInt(id.slice(0, 8), 16) * 1000);
}
