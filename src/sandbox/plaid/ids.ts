import { randomBytes, randomUUID } from 'node:crypto';
import { bytesToBase62 } from './generator/prng.js';

/** Identifier shapes copied from Plaid's sandbox, so code that logs or validates them sees the real thing. */

export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) out += bytesToBase62(randomBytes(length * 2), length - out.length);
  return out;
}

/** Item and account ids: 37 base62 characters. */
export const newItemId = (): string => randomBase62(37);
export const newAccountId = (): string => randomBase62(37);
/** Plaid's request ids are 15 base62 characters, e.g. `HNTDNrA8F1shFEW`. */
export const newRequestId = (): string => randomBase62(15);
export const newLinkToken = (): string => `link-sandbox-${randomUUID()}`;
export const newPublicToken = (): string => `public-sandbox-${randomUUID()}`;
export const newAccessToken = (): string => `access-sandbox-${randomUUID()}`;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const ACCESS_TOKEN_FORMAT = new RegExp(`^access-(sandbox|development|production)-${UUID}$`);
export const PUBLIC_TOKEN_FORMAT = new RegExp(`^public-(sandbox|development|production)-${UUID}$`);
