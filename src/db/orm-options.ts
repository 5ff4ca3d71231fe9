import { type Options } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../config/config.js';
import type { AppLogger } from '../logging/logger.js';
import { ALL_ENTITIES } from './entities/index.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export type Dialect = DatabaseConfig['kind'];

/** How long a request waits for a PostgreSQL connection (a new one, or a free one from the pool). */
export const DATABASE_CONNECT_TIMEOUT_MS = 5000;

/** How long a SQLite statement waits for another connection's lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Source folder of a dialect's committed migrations (used only when creating a new one). */
export function migrationsSourceDir(dialect: Dialect): string {
  return fileURLToPath(new URL(`../../src/db/migrations/${dialect}/`, import.meta.url));
}

/**
 * MikroORM options for either dialect. Migrations are listed explicitly (not globbed from disk)
 * so the same code runs from src/ under jest/tsx and from dist/ under node.
 */
export function ormOptions(database: DatabaseConfig, log?: Pick<AppLogger, 'warn' | 'error'>): Options {
  const common = {
    entities: ALL_ENTITIES,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: false,
    // Sandbox payloads hold tokens; MikroORM must never print parameters.
    logger: () => undefined,
  } satisfies Options;
  const migrations = {
    tableName: 'mikro_orm_migrations',
    transactional: true,
    allOrNothing: true,
    // New migrations are diffed against a scratch database holding the committed ones (see cli/db.ts).
    snapshot: false,
    path: migrationsSourceDir(database.kind),
    pathTs: migrationsSourceDir(database.kind),
    fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? '_' + name : ''}`,
  };
  if (database.kind === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      // A typo in DATABASE_URL's database name must stop the start-up, not quietly create and
      // migrate an empty database (every partner key would then answer 401); see openDatabase.
      // Tests, benchmarks and the migration tool create their scratch databases themselves.
      ensureDatabase: false,
      // A database that stops answering must fail requests within seconds (503, see
      // errors/database-unavailable.ts), not after tarn's 30 s create or knex's 60 s acquire timeout.
      pool: { min: 0, max: 10, acquireTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS, createTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS },
      driverOptions: { connection: { connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS }, log: knexLog(log) },
      migrations: { ...migrations, migrationsList: postgresqlMigrations },
    };
  }
  return {
    ...common,
    driver: LibSqlDriver,
    dbName: database.path,
    // libsql's busy timeout defaults to 0: a write meeting another process's lock (the partner CLI
    // beside a running gateway) failed at once with SQLITE_BUSY. Wait for the lock instead; libsql
    // waits synchronously, which only another process's brief write can cause.
    driverOptions: { connection: { timeout: SQLITE_BUSY_TIMEOUT_MS } },
    migrations: { ...migrations, migrationsList: sqliteMigrations },
  };
}

/**
 * knex prints its warnings ("Connection Error: …" when a pooled connection is cut) with
 * console.log; route them into the gateway's JSON log instead, or drop them where there is none.
 */
function knexLog(log: Pick<AppLogger, 'warn' | 'error'> | undefined) {
  const text = (message: unknown) => (typeof message === 'string' ? message : String(message));
  return {
    warn: (message: unknown) => log?.warn({ driverMessage: text(message) }, 'database driver warning'),
    error: (message: unknown) => log?.error({ driverMessage: text(message) }, 'database driver error'),
    deprecate: () => undefined,
    debug: () => undefined,
  };
}
