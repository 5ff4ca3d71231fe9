import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { verifyAtlasSignature } from '../../../src/public/verify-atlas-signature.js';
import { generateSigningSecret, signatureHeader } from '../../../src/modules/webhooks/signing.js';

const SECRET = 'whsec_test_0123456789abcdefghijklmnopqrstuv';
const BODY = '{"id":"0190b7c2-0000-7000-8000-000000000001","type":"calculation.updated","created":1795300000,"data":{"user_id":"usr_1"}}';
const now = () => Math.floor(Date.now() / 1000);

/** The reference algorithm written out independently of the code under test. */
const referenceHeader = (body: string, secret: string, t: number) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

describe('Atlas-Signature', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>', () => {
    const t = now();
    expect(signatureHeader(BODY, [SECRET], t)).toBe(referenceHeader(BODY, SECRET, t));
    expect(signatureHeader(BODY, [SECRET], t)).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('signs with every secret given, newest first (rotation overlap)', () => {
    const t = now();
    const [, v1new, v1old] = signatureHeader(BODY, ['whsec_new', 'whsec_old'], t).split(',');
    expect(`t=${t},${v1new}`).toBe(referenceHeader(BODY, 'whsec_new', t));
    expect(`t=${t},${v1old}`).toBe(referenceHeader(BODY, 'whsec_old', t));
  });

  it('makes secrets of whsec_ + 32 random bytes', () => {
    const a = generateSigningSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(6), 'base64url')).toHaveLength(32);
    expect(generateSigningSecret()).not.toBe(a);
  });
});

describe('verifyAtlasSignature', () => {
  it('accepts the header for the exact body, as a string or as bytes', () => {
    const header = referenceHeader(BODY, SECRET, now());
    expect(verifyAtlasSignature(BODY, header, SECRET)).toBe(true);
    expect(verifyAtlasSignature(Buffer.from(BODY), header, SECRET)).toBe(true);
  });

  it('accepts a header signed by several secrets with any one of them', () => {
    const header = signatureHeader(BODY, ['whsec_new', 'whsec_old'], now());
    expect(verifyAtlasSignature(BODY, header, 'whsec_new')).toBe(true);
    expect(verifyAtlasSignature(BODY, header, 'whsec_old')).toBe(true);
    expect(verifyAtlasSignature(BODY, header, 'whsec_other')).toBe(false);
  });

  it('rejects another body, another secret, and a re-serialised body', () => {
    const header = referenceHeader(BODY, SECRET, now());
    expect(verifyAtlasSignature(BODY.replace('usr_1', 'usr_2'), header, SECRET)).toBe(false);
    expect(verifyAtlasSignature(BODY, header, SECRET + 'x')).toBe(false);
    expect(verifyAtlasSignature(JSON.stringify(JSON.parse(BODY), null, 2), header, SECRET)).toBe(false);
  });

  it('rejects a timestamp outside the tolerance, in the past or the future', () => {
    expect(verifyAtlasSignature(BODY, referenceHeader(BODY, SECRET, now() - 301), SECRET)).toBe(false);
    expect(verifyAtlasSignature(BODY, referenceHeader(BODY, SECRET, now() + 301), SECRET)).toBe(false);
    expect(verifyAtlasSignature(BODY, referenceHeader(BODY, SECRET, now() - 290), SECRET)).toBe(true);
    expect(verifyAtlasSignature(BODY, referenceHeader(BODY, SECRET, now() - 3600), SECRET, 7200)).toBe(true);
    expect(verifyAtlasSignature(BODY, referenceHeader(BODY, SECRET, now() - 60), SECRET, 30)).toBe(false);
  });

  it.each([
    ['no timestamp', (h: string) => h.replace(/^t=\d+,/, '')],
    ['no signature', (h: string) => h.replace(/,v1=.*$/, '')],
    ['a non-numeric timestamp', (h: string) => h.replace(/^t=\d+/, 't=soon')],
    ['two timestamps', (h: string) => `t=1,${h}`],
    ['a truncated signature', (h: string) => h.slice(0, -2)],
    ['a non-hex signature', (h: string) => h.replace(/v1=[0-9a-f]{4}/, 'v1=zzzz')],
    ['another scheme only', (h: string) => h.replace('v1=', 'v0=')],
    ['an empty header', () => ''],
  ])('rejects %s', (_what, mangle) => {
    expect(verifyAtlasSignature(BODY, mangle(referenceHeader(BODY, SECRET, now())), SECRET)).toBe(false);
  });

  it('rejects an empty secret even with a matching empty-key HMAC', () => {
    expect(verifyAtlasSignature(BODY, referenceHeader(BODY, '', now()), '')).toBe(false);
  });

  it('tolerates spaces around parts and ignores unknown schemes next to v1', () => {
    const t = now();
    const sig = createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex');
    expect(verifyAtlasSignature(BODY, ` t=${t}, v0=abc , v1=${sig} `, SECRET)).toBe(true);
  });
});
