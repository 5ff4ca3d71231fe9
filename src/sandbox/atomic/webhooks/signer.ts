import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying a webhook's signature. */
export const SIGNATURE_HEADER = 'x-atomic-signature';

/**
 * Atomic's references show no webhook signing scheme, so the emulator documents its own:
 * `x-atomic-signature: hex(HMAC-SHA256(apiSecret, rawBody))`, over the exact bytes sent.
 */
export function signWebhook(secret: string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

export function verifyWebhook(secret: string, rawBody: string | Buffer, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, rawBody), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
