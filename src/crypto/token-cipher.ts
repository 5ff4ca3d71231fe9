import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../config/config.js';

export interface SealedToken {
  keyId: string;
  /** base64 of iv (12 bytes) | auth tag (16 bytes) | ciphertext */
  ciphertext: string;
}

/**
 * AES-256-GCM for provider access tokens at rest. The row id is bound in as additional
 * authenticated data, so a ciphertext copied onto another row fails to decrypt. Keys carry ids:
 * new tokens are sealed with the first key, and every listed key can still open old ones, which
 * is how a key is rotated (add the new key first, re-seal, then drop the old one).
 */
export class TokenCipher {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: EncryptionKey[]) {
    if (keys.length === 0) throw new Error('TokenCipher needs at least one key');
    for (const k of keys) if (k.key.length !== 32) throw new Error(`encryption key ${k.id} is not 32 bytes`);
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  seal(plaintext: string, rowId: string): SealedToken {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(rowId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: id, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
  }

  open(sealed: SealedToken, rowId: string): string {
    const key = this.byId.get(sealed.keyId);
    if (!key) throw new Error(`no encryption key with id ${sealed.keyId} is configured`);
    const raw = Buffer.from(sealed.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(rowId, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
