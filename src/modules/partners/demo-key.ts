import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateApiKey, parseApiKey } from './api-key.js';

/**
 * The sandbox demo partner's test key. The database stores only its hash, so to print the same
 * working key on every `npm start` the plaintext is kept in a local file (mode 0600, git-ignored)
 * unless DEMO_API_KEY supplies it. Sandbox mode only: live mode never seeds a demo partner.
 */
export function resolveDemoKey(configured: string | undefined, file: string): string {
  if (configured) return configured;
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (parseApiKey(stored)?.mode === 'test') return stored;
  }
  const { key } = generateApiKey('test');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, key + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

export const DEFAULT_DEMO_KEY_FILE = './data/demo-test-key';
