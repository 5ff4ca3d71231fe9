import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { KeyMode } from '../../config/config.js';

/**
 * Key format: `afg_<mode>_<12-char public id>_<32-char secret>`, base62.
 * The prefix `afg_<mode>_<public id>` is stored and shown in listings; the database keeps only
 * SHA-256 of the whole key. A 32-char base62 secret carries ~190 bits, so an unsalted fast hash
 * is the right tool (the same reasoning as GitHub's and Stripe's token storage).
 */
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const KEY_PATTERN = /^afg_(test|live)_([A-Za-z0-9]{12})_([A-Za-z0-9]{32})$/;

export interface GeneratedKey {
  key: string;
  prefix: string;
  secretHash: string;
  mode: KeyMode;
}

export interface ParsedKey {
  mode: KeyMode;
  prefix: string;
}

function randomBase62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[randomInt(BASE62.length)];
  return out;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(mode: KeyMode): GeneratedKey {
  const prefix = `afg_${mode}_${randomBase62(12)}`;
  const key = `${prefix}_${randomBase62(32)}`;
  return { key, prefix, secretHash: hashApiKey(key), mode };
}

/** Splits a presented key into its mode and lookup prefix; null when it is not in the gateway's format. */
export function parseApiKey(key: string): ParsedKey | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  return { mode: match[1] as KeyMode, prefix: `afg_${match[1]}_${match[2]}` };
}

/** Constant-time comparison of the presented key's hash with the stored one. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
