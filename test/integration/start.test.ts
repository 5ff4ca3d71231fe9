import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { testEnv } from '../helpers/gateway.js';
import { runTs, spawnTs, waitForOutput } from '../helpers/spawn.js';

describe('the gateway process (src/main.ts, what npm start runs)', () => {
  let db: TestDatabase;
  let child: ChildProcess;
  let url: string;
  let demoKey: string;
  const output: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    child = spawnTs('src/main.ts', [], { ...testEnv(db), DEMO_API_KEY: '' });
    child.stdout!.on('data', (d) => output.push(d.toString()));
    url = (await waitForOutput(child, /GraphiQL: +(http:\/\/\S+)\/graphql/))[1]!;
    demoKey = /Demo test API key: (afg_test_\S+)/.exec(output.join(''))![1]!;
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await db.drop();
  });

  it('migrates an empty database, seeds the demo partner and prints a key that works', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demoKey}` },
      body: JSON.stringify({ query: '{ viewer { name mode } }' }),
    });
    expect(await res.json()).toEqual({ data: { viewer: { name: 'AtlasForge Demo', mode: 'TEST' } } });
  });

  it('writes structured JSON logs that never contain the key', () => {
    const jsonLines = output.join('').split('\n').filter((l) => l.startsWith('{'));
    expect(jsonLines.length).toBeGreaterThan(0);
    for (const line of jsonLines) expect(JSON.parse(line)).toHaveProperty('level');
    expect(jsonLines.join('\n')).not.toContain(demoKey);
  });

  it('shuts down cleanly on SIGTERM: drains, closes the database, exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.join('')).toContain('shutdown complete');
    await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
  });
});

/** In live mode stdout goes to a log collector: every line must be one JSON object, with no banner. */
describe('the gateway process in live mode', () => {
  it('writes only JSON lines to stdout, the URL in its "gateway listening" line', async () => {
    const db = await createTestDatabase('sqlite');
    const child = spawnTs('src/main.ts', [], {
      ...testEnv(db),
      GATEWAY_MODE: 'live',
      PLAID_CLIENT_ID: 'client-id',
      PLAID_PRODUCTION_SECRET: 'production-secret',
      PLAID_PRODUCTION_URL: 'http://127.0.0.1:9',
      ATOMIC_PRODUCTION_API_KEY: 'atomic-key',
      ATOMIC_PRODUCTION_API_SECRET: 'atomic-secret',
      ATOMIC_PRODUCTION_URL: 'http://127.0.0.1:9',
      ATOMIC_PRODUCTION_PCI_URL: 'http://127.0.0.1:9',
      PUBLIC_URL: 'https://gateway.example.com',
    });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    try {
      await waitForOutput(child, /"msg":"gateway listening"/);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const lines = stdout.split('\n').filter((l) => l.trim() !== '');
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      const listening = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'gateway listening');
      expect(listening).toMatchObject({ mode: 'live', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
      expect(stdout).not.toContain('GraphiQL:');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await db.drop();
    }
  });
});

describe('start-up with bad configuration', () => {
  it('exits 1 with one clear line per problem', async () => {
    const out = await runTs('src/main.ts', [], { GATEWAY_MODE: 'production', PORT: '99999', DATABASE_URL: 'mysql://x/y' });
    expect(out.code).toBe(1);
    expect(out.stderr.trim().split('\n')).toEqual([
      'config error: GATEWAY_MODE: must be one of sandbox, live (got "production")',
      'config error: PORT: must be an integer between 0 and 65535 (got "99999")',
      'config error: DATABASE_URL: must be a PostgreSQL URL (postgres:// or postgresql://) (got "mysql://x/y")',
    ]);
  });

  it('refuses live mode without production secrets', async () => {
    const out = await runTs('src/main.ts', [], { GATEWAY_MODE: 'live' });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('config error: PLAID_PRODUCTION_SECRET: is required when GATEWAY_MODE=live');
  });

  it('exits 1 with one line naming the cause when the database cannot be reached', async () => {
    const out = await runTs('src/main.ts', [], { SANDBOX_EMULATORS: 'false', PORT: '0', DATABASE_URL: 'postgresql://postgres@127.0.0.1:9/test' });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('startup error: connect ECONNREFUSED 127.0.0.1:9');
  });

  (process.env.DATABASE_URL ? it : it.skip)('does not create a database that DATABASE_URL misnames (a typo must not start an empty gateway)', async () => {
    const missing = new URL(process.env.DATABASE_URL!);
    missing.pathname = `/atlas_typo_${process.pid}`;
    const out = await runTs('src/main.ts', [], { SANDBOX_EMULATORS: 'false', PORT: '0', DATABASE_URL: missing.href });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`startup error: database "atlas_typo_${process.pid}" does not exist`);
    const admin = await createTestDatabase('postgresql');
    try {
      const { openDatabase } = await import('../../src/db/orm.js');
      const orm = await openDatabase(admin.config, { migrate: false });
      const rows = await orm.em.getConnection().execute('select count(*) as n from pg_database where datname = ?', [`atlas_typo_${process.pid}`]);
      await orm.close(true);
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await admin.drop();
    }
  });
});
