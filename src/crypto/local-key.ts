import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { EncryptionKey } from '../config/config.js';

export const DEFAULT_LOCAL_KEY_FILE = './data/token-encryption-key';

/**
 * Sandbox mode without TOKEN_ENCRYPTION_KEYS: a random key generated once per installation and
 * kept next to the SQLite file (mode 0600), so tokens are still encrypted at rest and survive
 * restarts. Live mode requires configured keys (validated at start).
 */
export function loadOrCreateLocalKey(file: string): EncryptionKey[] {
  if (existsSync(file)) {
    const [id, b64] = readFileSync(file, 'utf8').trim().split(':');
    if (id && b64) return [{ id, key: Buffer.from(b64, 'base64') }];
  }
  const key = randomBytes(32);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `local:${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return [{ id: 'local', key }];
}
