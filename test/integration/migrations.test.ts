import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openDatabase, type Orm } from '../../src/db/orm.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

describe.each(DIALECTS)('committed migrations (%s)', (dialect) => {
  let db: TestDatabase;
  let orm: Orm;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    orm = await openDatabase(db.config);
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('bring an empty database exactly to the entity definitions (no drift)', async () => {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('are all applied and re-running them is a no-op', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    expect(await orm.getMigrator().up()).toEqual([]);
  });
});
