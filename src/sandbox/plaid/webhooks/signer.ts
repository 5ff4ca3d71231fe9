import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { JWKPublicKey } from 'plaid';
import type { StoredSigningKey } from '../state/types.js';

/** A new ES256 (P-256) key pair; generated once and kept in the state file so its kid outlives restarts. */
export async function createSigningKey(now: Date): Promise<StoredSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    created_at: Math.floor(now.getTime() / 1000),
    private_jwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    public_jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' },
  };
}

/** What /webhook_verification_key/get returns for the key. */
export function publicKeyResponse(key: StoredSigningKey): JWKPublicKey {
  const { crv, kty, x, y } = key.public_jwk;
  if (!crv || !kty || !x || !y) throw new Error('signing key is not an EC public key');
  return { alg: 'ES256', crv, kid: key.kid, kty, use: 'sig', x, y, created_at: key.created_at, expired_at: null };
}

export function sha256Hex(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Signs webhook bodies the way Plaid does: a JWT in the `Plaid-Verification` header, ES256, header
 * `{alg, kid, typ: "JWT"}`, claims `{iat, request_body_sha256}` where the hash is over the exact bytes sent.
 */
export class WebhookSigner {
  private privateKey: ReturnType<typeof importJWK> | undefined;

  constructor(readonly key: StoredSigningKey) {}

  async sign(rawBody: string, now: Date): Promise<string> {
    this.privateKey ??= importJWK(this.key.private_jwk, 'ES256');
    return new SignJWT({ request_body_sha256: sha256Hex(rawBody) })
      .setProtectedHeader({ alg: 'ES256', kid: this.key.kid, typ: 'JWT' })
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .sign(await this.privateKey);
  }
}
