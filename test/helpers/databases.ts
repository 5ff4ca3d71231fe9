import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/config/config.js';
import { createScratchDatabase, dropDatabase } from '../../src/db/postgres-admin.js';

export type Dialect = DatabaseConfig['kind'];

/** SQLite always; PostgreSQL as well when DATABASE_URL points at a server (CI sets it). */
export const DIALECTS: Dialect[] = process.env.DATABASE_URL ? ['sqlite', 'postgresql'] : ['sqlite'];

export interface TestDatabase {
  config: DatabaseConfig;
  /** Environment variables selecting this database for a spawned gateway or CLI. */
  env: Record<string, string>;
  dir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the dialect: a temp SQLite file, or a new database on the PostgreSQL server. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'afg-test-'));
  if (dialect === 'postgresql') {
    const url = await createScratchDatabase(process.env.DATABASE_URL!, 'test');
    return {
      config: { kind: 'postgresql', url },
      env: { DATABASE_URL: url },
      dir,
      async drop() {
        await dropDatabase(url);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const file = path.join(dir, 'gateway.sqlite');
  return {
    config: { kind: 'sqlite', path: file },
    env: { SQLITE_PATH: file, DATABASE_URL: '' },
    dir,
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
