import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../config/config.js';
import type { AppLogger } from '../logging/logger.js';
import { ormOptions } from './orm-options.js';

/** Both dialects are SQL drivers, so the SQL entity manager (query builder, upserts) is always there. */
export type Orm = MikroORM<AbstractSqlDriver>;

/** Connects, creating the SQLite file's folder on first start, and optionally applies pending migrations. */
export async function openDatabase(
  database: DatabaseConfig,
  opts: { migrate?: boolean; log?: Pick<AppLogger, 'warn' | 'error'> } = {},
): Promise<Orm> {
  if (database.kind === 'sqlite' && database.path !== ':memory:') {
    mkdirSync(path.dirname(database.path), { recursive: true });
  }
  const orm = (await MikroORM.init(ormOptions(database, opts.log))) as Orm;
  // MikroORM's migrator creates a missing database; a typo in DATABASE_URL must stop the start-up
  // instead ('database "…" does not exist'), so reach the database itself first.
  if (database.kind === 'postgresql') await orm.em.getConnection().execute('select 1');
  if (opts.migrate ?? true) await orm.getMigrator().up();
  return orm;
}

/**
 * True when the database answers a trivial query within `timeoutMs`. A database that accepts
 * connections but never answers would otherwise hold a health probe for the pool's 30 s.
 */
export async function isDatabaseUp(orm: Orm, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = (async () => {
    try {
      if (!(await orm.isConnected())) return false;
      await orm.em.getConnection().execute('select 1');
      return true;
    } catch {
      return false;
    }
  })();
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
