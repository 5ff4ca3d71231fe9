import type { TokenCipher } from '../../crypto/token-cipher.js';
import type { WebhookEndpointEntity } from '../../db/entities/index.js';

/** How long a rotated-out secret keeps signing, so receivers can switch without missing a delivery. */
export const PREVIOUS_SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

type SecretColumns = Pick<
  WebhookEndpointEntity,
  'id' | 'secretCiphertext' | 'secretKeyId' | 'previousSecretCiphertext' | 'previousSecretKeyId' | 'previousSecretExpiresAt'
>;

/**
 * Signing secrets are stored sealed (AES-256-GCM, the same TokenCipher and keys as Plaid access
 * tokens) with the endpoint's row id as additional data: the gateway must be able to sign, so it
 * cannot keep only a hash, and a database dump alone does not give the secrets away.
 */
export function sealSecret(cipher: TokenCipher, secret: string, endpointId: string): { secretCiphertext: string; secretKeyId: string } {
  const sealed = cipher.seal(secret, endpointId);
  return { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId };
}

/** The secrets that sign a delivery now: the current one, then the previous one while its overlap lasts. */
export function signingSecrets(cipher: TokenCipher, endpoint: SecretColumns, now: Date): string[] {
  const secrets = [cipher.open({ keyId: endpoint.secretKeyId, ciphertext: endpoint.secretCiphertext }, endpoint.id)];
  if (
    endpoint.previousSecretCiphertext &&
    endpoint.previousSecretKeyId &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt.getTime() > now.getTime()
  ) {
    secrets.push(cipher.open({ keyId: endpoint.previousSecretKeyId, ciphertext: endpoint.previousSecretCiphertext }, endpoint.id));
  }
  return secrets;
}
