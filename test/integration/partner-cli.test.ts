import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { runTs } from '../helpers/spawn.js';

const partnerCli = (db: TestDatabase, ...args: string[]) => runTs('src/cli/partner.ts', args, { ...db.env, LOG_LEVEL: 'silent' });

describe.each(DIALECTS)('npm run partner (%s)', (dialect) => {
  let db: TestDatabase;
  let gw: TestGateway;
  let created: { id: string; testKey: string; liveKey: string; stdout: string };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const out = await partnerCli(db, 'create', '--name', 'Acme');
    expect(out.code).toBe(0);
    created = {
      id: /partner id: (\S+)/.exec(out.stdout)![1]!,
      testKey: /test key: +(\S+)/.exec(out.stdout)![1]!,
      liveKey: /live key: +(\S+)/.exec(out.stdout)![1]!,
      stdout: out.stdout,
    };
    gw = await startTestGateway(db);
  });
  afterAll(async () => {
    await gw.stop();
    await db.drop();
  });

  it('create prints the partner id and a test and a live key, and the keys work against the server', async () => {
    expect(created.testKey).toMatch(/^afg_test_/);
    expect(created.liveKey).toMatch(/^afg_live_/);
    const res = await gw.graphql('{ viewer { id name mode } }', { key: created.testKey });
    expect(res.body.data.viewer).toEqual({ id: created.id, name: 'Acme', mode: 'TEST' });
  });

  it('list shows partners and key prefixes but never a whole key', async () => {
    const out = await partnerCli(db, 'list');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(created.id);
    expect(out.stdout).toContain(created.testKey.split('_').slice(0, 3).join('_'));
    expect(out.stdout).not.toContain(created.testKey);
    expect(out.stdout).not.toContain(created.liveKey);
  });

  it('enable-production turns the live key from 402 into 200', async () => {
    expect((await gw.graphql('{ viewer { id } }', { key: created.liveKey })).status).toBe(402);
    const out = await partnerCli(db, 'enable-production', created.id);
    expect(out.code).toBe(0);
    const res = await gw.graphql('{ viewer { productionEnabled mode } }', { key: created.liveKey });
    expect(res.status).toBe(200);
    expect(res.body.data.viewer).toEqual({ productionEnabled: true, mode: 'LIVE' });
  });

  it('revoke-key turns the key from 200 into 401', async () => {
    const prefix = created.testKey.split('_').slice(0, 3).join('_');
    const out = await partnerCli(db, 'revoke-key', prefix);
    expect(out.code).toBe(0);
    expect((await gw.graphql('{ viewer { id } }', { key: created.testKey })).status).toBe(401);
    expect((await partnerCli(db, 'list')).stdout).toMatch(new RegExp(`${prefix}.*REVOKED`));
  });

  it('fails clearly on bad usage and unknown ids', async () => {
    const noName = await partnerCli(db, 'create');
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('create needs --name');
    const unknown = await partnerCli(db, 'revoke-key', 'afg_test_doesnotexist');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no key with prefix');
  });
});
