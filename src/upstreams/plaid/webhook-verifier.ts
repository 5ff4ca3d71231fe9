import { createHash, timingSafeEqual } from 'node:crypto';
import { decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';

export type WebhookKeyFetcher = (keyId: string) => Promise<JWK>;

/**
 * Verifies Plaid's webhook signature: the Plaid-Verification header is an ES256 JWT whose key is
 * fetched (and cached) by key id from /webhook_verification_key/get; its payload carries the
 * SHA-256 of the exact raw body and an issue time that must be recent (replay window).
 */
export class PlaidWebhookVerifier {
  private readonly keys = new Map<string, JWK>();

  constructor(
    private readonly fetchKey: WebhookKeyFetcher,
    private readonly maxAgeSeconds = 300,
  ) {}

  async verify(rawBody: string, header: string | undefined): Promise<boolean> {
    if (!header) return false;
    try {
      const { alg, kid } = decodeProtectedHeader(header);
      if (alg !== 'ES256' || !kid) return false;
      let jwk = this.keys.get(kid);
      if (!jwk) {
        jwk = await this.fetchKey(kid);
        this.keys.set(kid, jwk);
      }
      const { payload } = await jwtVerify(header, await importJWK(jwk, 'ES256'), {
        algorithms: ['ES256'],
        maxTokenAge: `${this.maxAgeSeconds}s`,
      });
      const claimed = typeof payload.request_body_sha256 === 'string' ? payload.request_body_sha256 : '';
      const actual = createHash('sha256').update(rawBody, 'utf8').digest('hex');
      return claimed.length === actual.length && timingSafeEqual(Buffer.from(claimed), Buffer.from(actual));
    } catch {
      return false;
    }
  }
}
