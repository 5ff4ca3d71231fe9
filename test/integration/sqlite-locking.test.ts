import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Partner } from '../../src/db/entities/index.js';
import { openDatabase, type Orm } from '../../src/db/orm.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';

/** Another process that takes SQLite's write lock, says so, and commits `holdMs` later. */
const LOCK_HOLDER = `
const Database = require('libsql');
const db = new Database(process.argv[1]);
db.exec('begin immediate');
db.exec("insert into partners (id, name, production_enabled, created_at) values ('00000000-0000-4000-8000-000000000001', 'Other process', 0, 0)");
console.log('locked');
setTimeout(() => { db.exec('commit'); db.close(); }, Number(process.argv[2]));
`;

describe('SQLite shared by two processes (a running gateway and the partner CLI)', () => {
  let db: TestDatabase;
  let orm: Orm;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    orm = await openDatabase(db.config);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('waits for the other process’s write lock instead of failing at once with SQLITE_BUSY', async () => {
    if (db.config.kind !== 'sqlite') throw new Error('expected a SQLite test database');
    const holder = spawn(process.execPath, ['-e', LOCK_HOLDER, db.config.path, '700'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(holder, 'exit');
    await once(holder.stdout!, 'data');

    const em = orm.em.fork();
    em.create(Partner, { name: 'Waited for the lock' });
    await em.flush();

    const [code] = await exited;
    expect(code).toBe(0);
    const names = (await orm.em.fork().find(Partner, {}, { orderBy: { name: 'asc' } })).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Other process', 'Waited for the lock']));
  });
});
