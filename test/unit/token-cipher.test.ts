import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { TokenCipher } from '../../src/crypto/token-cipher.js';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('TokenCipher (AES-256-GCM, row id as AAD)', () => {
  const token = 'access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970';

  it('round-trips and never contains the plaintext', () => {
    const cipher = new TokenCipher([key('k1')]);
    const sealed = cipher.seal(token, 'row-1');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext).not.toContain('access-sandbox');
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('access-sandbox');
    expect(cipher.open(sealed, 'row-1')).toBe(token);
  });

  it('uses a fresh IV every time', () => {
    const cipher = new TokenCipher([key('k1')]);
    expect(cipher.seal(token, 'r').ciphertext).not.toBe(cipher.seal(token, 'r').ciphertext);
  });

  it('refuses a ciphertext moved to another row, or tampered with', () => {
    const cipher = new TokenCipher([key('k1')]);
    const sealed = cipher.seal(token, 'row-1');
    expect(() => cipher.open(sealed, 'row-2')).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => cipher.open({ ...sealed, ciphertext: bytes.toString('base64') }, 'row-1')).toThrow();
  });

  it('rotates: new tokens use the first key, old ones still open while their key is listed', () => {
    const old = key('k1');
    const sealedOld = new TokenCipher([old]).seal(token, 'row');
    const rotated = new TokenCipher([key('k2'), old]);
    expect(rotated.open(sealedOld, 'row')).toBe(token);
    expect(rotated.seal(token, 'row').keyId).toBe('k2');
    expect(() => new TokenCipher([key('k2')]).open(sealedOld, 'row')).toThrow(/no encryption key with id k1/);
  });
});
