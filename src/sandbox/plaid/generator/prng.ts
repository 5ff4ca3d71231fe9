import { createHash } from 'node:crypto';
import { mulberry32 } from '../../../crypto/mulberry32.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random source that is a pure function of its seed, so a history can be re-derived after a restart. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max), rounded to cents. */
  money(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** 32-bit seed from any string (first four bytes of its SHA-256). */
export function seedFromString(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0);
}

export function createRng(seed: string): Rng {
  const next = mulberry32(seedFromString(seed));
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    money: (min, max) => roundCents(min + next() * (max - min)),
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
  return rng;
}

export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A Plaid-looking base62 identifier derived from `input`: the same input always gives the same id,
 * which is what lets transaction and stream ids survive a restart without being stored.
 */
export function hashBase62(input: string, length = 37): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    const bytes = createHash('sha256').update(`${input}#${block}`).digest();
    for (const byte of bytes) {
      // 248 = 4 * 62: rejecting the top bytes keeps every character equally likely.
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export function bytesToBase62(bytes: Uint8Array, length: number): string {
  let out = '';
  for (const byte of bytes) {
    if (byte < 248) out += BASE62[byte % 62];
    if (out.length === length) break;
  }
  return out;
}
