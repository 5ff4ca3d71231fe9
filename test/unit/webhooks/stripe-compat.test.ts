import { describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { generateSigningSecret, signatureHeader } from '../../../src/modules/webhooks/signing.js';
import { verifyAtlasSignature } from '../../../src/public/verify-atlas-signature.js';

/**
 * The algorithm is Stripe's (t=…,v1=HMAC-SHA256 over "<t>.<body>"), so Stripe's own, independently
 * written verifier is a second opinion on every header the gateway sends.
 */
describe('Atlas-Signature against the stripe package', () => {
  const body = JSON.stringify({ id: 'evt_0190b7c2', object: 'event', type: 'calculation.updated', created: 1795300000, data: { user_id: 'usr_1' } });
  const now = () => Math.floor(Date.now() / 1000);

  it('Stripe.webhooks.signature.verifyHeader accepts our header', () => {
    const secret = generateSigningSecret();
    expect(Stripe.webhooks.signature!.verifyHeader(body, signatureHeader(body, [secret], now()), secret, 300)).toBe(true);
  });

  it('stripe.webhooks.constructEvent accepts it and parses the body', () => {
    const secret = generateSigningSecret();
    const stripe = new Stripe('sk_test_unused');
    const event = stripe.webhooks.constructEvent(Buffer.from(body), signatureHeader(body, [secret], now()), secret);
    expect(event).toMatchObject({ id: 'evt_0190b7c2', type: 'calculation.updated' });
  });

  it('accepts a rotation header (two v1) with the new and with the old secret', () => {
    const [fresh, old] = [generateSigningSecret(), generateSigningSecret()];
    const header = signatureHeader(body, [fresh, old], now());
    expect(Stripe.webhooks.signature!.verifyHeader(body, header, fresh, 300)).toBe(true);
    expect(Stripe.webhooks.signature!.verifyHeader(body, header, old, 300)).toBe(true);
  });

  it('refuses a wrong secret, a changed body and a stale timestamp, as ours does', () => {
    const secret = generateSigningSecret();
    const header = signatureHeader(body, [secret], now());
    expect(() => Stripe.webhooks.signature!.verifyHeader(body, header, generateSigningSecret(), 300)).toThrow();
    expect(() => Stripe.webhooks.signature!.verifyHeader(body + ' ', header, secret, 300)).toThrow();
    const stale = signatureHeader(body, [secret], now() - 600);
    expect(() => Stripe.webhooks.signature!.verifyHeader(body, stale, secret, 300)).toThrow();
    expect(verifyAtlasSignature(body, stale, secret)).toBe(false);
  });

  it('verifyAtlasSignature accepts headers made by Stripe’s own test signer', () => {
    const secret = generateSigningSecret();
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: now() });
    expect(verifyAtlasSignature(body, header, secret)).toBe(true);
  });
});
