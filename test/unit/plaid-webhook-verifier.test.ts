import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { PlaidWebhookVerifier } from '../../src/upstreams/plaid/webhook-verifier.js';

/** Signs a body the way Plaid does: ES256 JWT with the body's SHA-256 in the payload. */
async function plaidSigner() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'kid-1', alg: 'ES256', use: 'sig' };
  const sign = (body: string, iat = Math.floor(Date.now() / 1000)) =>
    new SignJWT({ request_body_sha256: createHash('sha256').update(body).digest('hex') })
      .setProtectedHeader({ alg: 'ES256', kid: 'kid-1', typ: 'JWT' })
      .setIssuedAt(iat)
      .sign(privateKey);
  return { jwk, sign };
}

describe('Plaid webhook signature verification', () => {
  const body = JSON.stringify({ webhook_type: 'TRANSACTIONS', webhook_code: 'SYNC_UPDATES_AVAILABLE', item_id: 'item-1' });

  it('accepts a body signed with the published key, fetching the key once', async () => {
    const { jwk, sign } = await plaidSigner();
    let fetches = 0;
    const verifier = new PlaidWebhookVerifier(async () => (fetches++, jwk));
    expect(await verifier.verify(body, await sign(body))).toBe(true);
    expect(await verifier.verify(body, await sign(body))).toBe(true);
    expect(fetches).toBe(1);
  });

  it('refuses a missing header, a changed body, another key, and a stale signature', async () => {
    const { jwk, sign } = await plaidSigner();
    const other = await plaidSigner();
    const verifier = new PlaidWebhookVerifier(async () => jwk);
    expect(await verifier.verify(body, undefined)).toBe(false);
    expect(await verifier.verify(body.replace('item-1', 'item-2'), await sign(body))).toBe(false);
    expect(await verifier.verify(body, await other.sign(body))).toBe(false);
    expect(await verifier.verify(body, await sign(body, Math.floor(Date.now() / 1000) - 600))).toBe(false);
    expect(await verifier.verify(body, 'not.a.jwt')).toBe(false);
  });
});
