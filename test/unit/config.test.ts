import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/config.js';
import { envSchema } from '../../src/config/env-schema.js';

describe('configuration', () => {
  it('gives the embedded sandbox set-up with no variables at all', () => {
    const result = loadConfig({});
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config).toMatchObject({
      mode: 'sandbox',
      port: 4000,
      database: { kind: 'sqlite', path: expect.stringMatching(/data\/atlasforge\.sqlite$/) },
      upstreams: { sandbox: { plaid: { baseUrl: 'http://127.0.0.1:4010' } } },
    });
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    const result = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/atlas' });
    expect(result.ok && result.config.database).toEqual({ kind: 'postgresql', url: 'postgres://u@db:5432/atlas' });
  });

  it('reports every problem at once, one line each, naming the variable', () => {
    const result = loadConfig({
      GATEWAY_MODE: 'prod',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/atlas',
      PLAID_SANDBOX_URL: 'not a url',
      REDIS_URL: 'http://cache',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'GATEWAY_MODE: must be one of sandbox, live (got "prod")',
      'PORT: must be an integer between 0 and 65535 (got "eighty")',
      'DATABASE_URL: must be a PostgreSQL URL (postgres:// or postgresql://) (got "mysql://db/atlas")',
      'REDIS_URL: must be a Redis URL (redis:// or rediss://) (got "http://cache")',
      'PLAID_SANDBOX_URL: must be a http(s) URL (http:// or https://) (got "not a url")',
    ]);
  });

  it('requires every production secret in live mode and refuses the sandbox demo key there', () => {
    const result = loadConfig({ GATEWAY_MODE: 'live', PLAID_CLIENT_ID: 'cid', DEMO_API_KEY: 'afg_test_abcdefghijkl_abcdefghijklmnopqrstuvwxyz012345' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'PLAID_PRODUCTION_SECRET: is required when GATEWAY_MODE=live',
        'ATOMIC_PRODUCTION_API_KEY: is required when GATEWAY_MODE=live',
        'ATOMIC_PRODUCTION_API_SECRET: is required when GATEWAY_MODE=live',
        'TOKEN_ENCRYPTION_KEYS: is required when GATEWAY_MODE=live',
        'PUBLIC_URL: is required when GATEWAY_MODE=live',
        'DEMO_API_KEY: must not be set when GATEWAY_MODE=live',
      ],
    });
  });

  it('reports missing live secrets together with malformed values (a bad PORT does not hide them)', () => {
    const result = loadConfig({ GATEWAY_MODE: 'live', PORT: 'eighty', PLAID_CLIENT_ID: 'cid' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toBe('PORT: must be an integer between 0 and 65535 (got "eighty")');
    expect(result.problems).toContain('PLAID_PRODUCTION_SECRET: is required when GATEWAY_MODE=live');
    expect(result.problems).toContain('PUBLIC_URL: is required when GATEWAY_MODE=live');
  });

  it('refuses a blank PORT (Number(" ") is 0: a random port) and timeouts setTimeout cannot hold', () => {
    const result = loadConfig({ PORT: ' ', SHUTDOWN_TIMEOUT_MS: '3000000000' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'PORT: must be an integer between 0 and 65535 (got " ")',
        'SHUTDOWN_TIMEOUT_MS: must be a positive integer up to 2147483647 (got "3000000000")',
      ],
    });
  });

  it('refuses retention periods whose cut-off would not be a date (over 100 years)', () => {
    const result = loadConfig({ USAGE_EVENT_RETENTION_DAYS: '100000', WEBHOOK_RETENTION_DAYS: '36500' });
    expect(result).toEqual({ ok: false, problems: ['USAGE_EVENT_RETENTION_DAYS: must be at most 36500 days (100 years) (got "100000")'] });
    const defaults = loadConfig({});
    expect(defaults.ok && defaults.config.usageEventRetentionDays).toBe(400);
  });

  it('gives live mode no secret defaults: production credentials are exactly what was configured', () => {
    const result = loadConfig({
      GATEWAY_MODE: 'live',
      PLAID_CLIENT_ID: 'cid',
      PLAID_PRODUCTION_SECRET: 'ps',
      ATOMIC_PRODUCTION_API_KEY: 'ak',
      ATOMIC_PRODUCTION_API_SECRET: 'as',
      TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      PUBLIC_URL: 'https://gateway.example.com',
    });
    expect(result.ok && result.config.upstreams.production).toEqual({
      plaid: { baseUrl: 'https://production.plaid.com', clientId: 'cid', secret: 'ps' },
      atomic: { baseUrl: 'https://api.atomicfi.com', pciUrl: 'https://pci.atomicfi.com', apiKey: 'ak', apiSecret: 'as' },
    });
  });

  it('parses token encryption keys newest first and rejects malformed ones', () => {
    const k1 = Buffer.alloc(32, 1).toString('base64');
    const k0 = Buffer.alloc(32, 2).toString('base64');
    const ok = loadConfig({ TOKEN_ENCRYPTION_KEYS: `k1:${k1},k0:${k0}` });
    expect(ok.ok && ok.config.tokenEncryptionKeys?.map((k) => [k.id, k.key.length])).toEqual([['k1', 32], ['k0', 32]]);
    const bad = loadConfig({ TOKEN_ENCRYPTION_KEYS: 'k1:tooshort' });
    expect(!bad.ok && bad.problems[0]).toMatch(/^TOKEN_ENCRYPTION_KEYS: must be "<key id>:<base64 of 32 random bytes>"/);
  });

  it('treats empty variables as unset', () => {
    const result = loadConfig({ PORT: '', DATABASE_URL: '', GATEWAY_MODE: '' });
    expect(result.ok && [result.config.port, result.config.database.kind, result.config.mode]).toEqual([4000, 'sqlite', 'sandbox']);
  });

  it('documents every variable it reads in .env.example, and nothing else', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(envSchema.shape).sort());
  });
});
