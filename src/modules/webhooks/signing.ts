import { createHmac, randomBytes } from 'node:crypto';

/** Header names and the user agent every delivery carries. */
export const SIGNATURE_HEADER = 'Atlas-Signature';
export const EVENT_ID_HEADER = 'Atlas-Event-Id';
export const EVENT_TYPE_HEADER = 'Atlas-Event-Type';
export const USER_AGENT = 'AtlasForge-Webhooks/1';

/**
 * A new signing secret: `whsec_` + 32 random bytes in base64url (43 characters). The whole string,
 * prefix included, is the HMAC key, as with Stripe's `whsec_` secrets.
 */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` with one v1 per secret, newest
 * first; during a rotation's overlap both the new and the previous secret sign. The public
 * verifier (src/public/verify-atlas-signature.ts) and Stripe's accept any one of them.
 */
export function signatureHeader(body: string, secrets: readonly string[], timestampSeconds: number): string {
  const signed = `${timestampSeconds}.${body}`;
  const v1 = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(signed, 'utf8').digest('hex')}`);
  return [`t=${timestampSeconds}`, ...v1].join(',');
}

/** The JSON body of a delivery: the outbox event's id, type, creation time (unix seconds) and data. */
export function deliveryBody(event: { id: string; eventType: string; createdAt: Date; payload: Record<string, unknown> }): string {
  return JSON.stringify({ id: event.id, type: event.eventType, created: Math.floor(event.createdAt.getTime() / 1000), data: event.payload });
}
