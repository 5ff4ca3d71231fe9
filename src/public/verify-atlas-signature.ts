/**
 * Verifies AtlasForge webhook signatures. Published for partners (package "exports"), so this file
 * imports nothing but Node's own crypto: copy it into any Node ≥ 18 project as is.
 *
 * The `Atlas-Signature` header is `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, where each v1 is
 * HMAC-SHA256 keyed with a signing secret (the whole `whsec_…` string) over `"<t>.<raw body>"` —
 * the scheme Stripe uses, so Stripe's verifiers accept it too. While a rotated secret is still in
 * its overlap window, the header carries one v1 per secret; any one matching is enough.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_HEX = /^[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,15}$/;

/**
 * True when `header` holds a v1 signature of `rawBody` made with `secret`, and its timestamp is
 * within `toleranceSeconds` of now (either way, to bound replays and clock skew).
 *
 * Pass the body exactly as received (the raw bytes or string), before any JSON parsing: parsing
 * and re-serialising changes the bytes and the signature will not match.
 */
export function verifyAtlasSignature(rawBody: string | Buffer, header: string, secret: string, toleranceSeconds = 300): boolean {
  if (typeof header !== 'string' || typeof secret !== 'string' || secret.length === 0) return false;
  let timestamp: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      // Two timestamps make the header ambiguous: refuse rather than pick one.
      if (timestamp !== undefined) return false;
      timestamp = value;
    } else if (key === 'v1' && SIGNATURE_HEX.test(value)) {
      signatures.push(Buffer.from(value, 'hex'));
    }
    // Other schemes (a future v2, Stripe's v0 test scheme) are ignored, not errors.
  }
  if (timestamp === undefined || !TIMESTAMP.test(timestamp) || signatures.length === 0) return false;
  const t = Number(timestamp);
  if (!(Math.abs(Math.floor(Date.now() / 1000) - t) <= toleranceSeconds)) return false;

  const expected = createHmac('sha256', secret)
    .update(`${timestamp}.`, 'utf8')
    .update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
    .digest();
  // Compare against every candidate (no early exit), each in constant time.
  let matched = false;
  for (const candidate of signatures) {
    if (timingSafeEqual(candidate, expected)) matched = true;
  }
  return matched;
}
