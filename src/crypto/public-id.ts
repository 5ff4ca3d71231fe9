import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `<prefix>_` + 16 random base62 characters (tfr_…, rcp_…, calc_…): opaque public ids that leak no row ids. */
export function publicId(prefix: string): string {
  let id = `${prefix}_`;
  // 248 = 4 × 62: bytes ≥ 248 are skipped so every character is equally likely.
  while (id.length < prefix.length + 17) {
    for (const b of randomBytes(24)) if (b < 248 && id.length < prefix.length + 17) id += BASE62[b % 62];
  }
  return id;
}
