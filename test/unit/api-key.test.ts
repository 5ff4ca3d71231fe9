import { describe, expect, it } from '@jest/globals';
import { apiKeyMatches, generateApiKey, hashApiKey, parseApiKey } from '../../src/modules/partners/api-key.js';

describe('API keys', () => {
  it('issues afg_test_/afg_live_ keys whose prefix identifies them and whose hash is SHA-256 of the whole key', () => {
    const test = generateApiKey('test');
    expect(test.key).toMatch(/^afg_test_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}$/);
    expect(test.key.startsWith(test.prefix + '_')).toBe(true);
    expect(test.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(test.secretHash).toBe(hashApiKey(test.key));
    expect(generateApiKey('live').key).toMatch(/^afg_live_/);
  });

  it('never issues the same key twice', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey('test').key));
    expect(keys.size).toBe(200);
  });

  it('parses mode and prefix, and rejects anything not in the issued format', () => {
    const { key, prefix } = generateApiKey('live');
    expect(parseApiKey(key)).toEqual({ mode: 'live', prefix });
    for (const bad of ['', 'afg_prod_abcdefghijkl_abcdefghijklmnopqrstuvwxyz012345', `${key}x`, key.replace('_', '-'), 'sk_test_123']) {
      expect(parseApiKey(bad)).toBeNull();
    }
  });

  it('matches only the exact key against its stored hash', () => {
    const { key, secretHash } = generateApiKey('test');
    expect(apiKeyMatches(key, secretHash)).toBe(true);
    expect(apiKeyMatches(key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a'), secretHash)).toBe(false);
    expect(apiKeyMatches(key, 'abc')).toBe(false);
  });
});
