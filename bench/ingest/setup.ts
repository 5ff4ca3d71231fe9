import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/db/orm.js';
import { createScratchDatabase, dropDatabase } from '../../src/db/postgres-admin.js';
import { DEMO_PARTNER_ID, DemoSeeder } from '../../src/db/seeders/demo-seeder.js';
import { generateApiKey } from '../../src/modules/partners/api-key.js';
import { PartnerService } from '../../src/modules/partners/partner-service.js';

export type Dialect = DatabaseConfig['kind'];

export interface BenchDatabase {
  dialect: Dialect;
  config: DatabaseConfig;
  /** Environment selecting this database for the spawned gateway. */
  env: Record<string, string>;
  /** The demo partner first, then the extra ones. */
  partners: string[];
  drop(): Promise<void>;
}

/**
 * A fresh database with every migration applied, the demo partner and `extraPartners` more,
 * created the way `npm run partner -- create` does (PartnerService). `sqliteWal` switches the
 * SQLite file to write-ahead logging (a property of the file, so the gateway and the ceiling both
 * get it) to preview that setting.
 */
export async function prepareDatabase(dialect: Dialect, pgAdminUrl: string, extraPartners: number, sqliteWal = false): Promise<BenchDatabase> {
  let config: DatabaseConfig;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (dialect === 'postgresql') {
    const url = await createScratchDatabase(pgAdminUrl, 'bench');
    config = { kind: 'postgresql', url };
    env = { DATABASE_URL: url };
    cleanup = () => dropDatabase(url);
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'afg-bench-'));
    const file = path.join(dir, 'gateway.sqlite');
    config = { kind: 'sqlite', path: file };
    env = { SQLITE_PATH: file };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const orm = await openDatabase(config);
  const partners = [DEMO_PARTNER_ID];
  try {
    await new DemoSeeder(generateApiKey('test').key).run(orm.em.fork());
    if (dialect === 'sqlite' && sqliteWal) await orm.em.getConnection().execute('pragma journal_mode = wal');
    for (let i = 1; i <= extraPartners; i++) {
      partners.push((await new PartnerService(orm.em.fork()).createPartner(`Bench Partner ${i}`)).partner.id);
    }
  } finally {
    await orm.close(true);
  }
  return { dialect, config, env, partners, drop: cleanup };
}
