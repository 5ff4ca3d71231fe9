import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config/config.js';
import { openDatabase, type Orm } from './db/orm.js';
import { DemoSeeder } from './db/seeders/demo-seeder.js';
import type { AppLogger } from './logging/logger.js';
import { DEFAULT_DEMO_KEY_FILE, resolveDemoKey } from './modules/partners/demo-key.js';
import { buildServer, listeningUrl } from './server/app.js';

export interface RunningGateway {
  app: FastifyInstance;
  orm: Orm;
  url: string;
  /** The sandbox demo partner's test key (sandbox mode only). */
  demoKey: string | undefined;
  /** Stops accepting connections, drains in-flight requests, then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  demoKeyFile?: string;
  localKeyFile?: string;
}

/** Migrates, seeds the sandbox demo partner, and listens. Shared by `npm start` and the integration tests. */
export async function startGateway(config: AppConfig, logger: AppLogger, opts: StartOptions = {}): Promise<RunningGateway> {
  const orm = await openDatabase(config.database, { log: logger });
  let demoKey: string | undefined;
  if (config.mode === 'sandbox') {
    demoKey = resolveDemoKey(config.demoApiKey, opts.demoKeyFile ?? DEFAULT_DEMO_KEY_FILE);
    await new DemoSeeder(demoKey).run(orm.em.fork());
  }
  const app = await buildServer({ config, orm, logger, demoKey, localKeyFile: opts.localKeyFile });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await orm.close(true);
    throw err;
  }
  // Outgoing webhooks: fan out the outbox and deliver, from now until close(); purge what expired.
  await app.services.webhooks.start();
  app.services.retention.start();
  return {
    app,
    orm,
    url: listeningUrl(app)!,
    demoKey,
    // Each step is logged, so a shutdown that stalls says where (requests, background work, database).
    async close() {
      logger.info('closing: in-flight requests and background work');
      await app.close();
      logger.info('closing: database');
      await orm.close(true);
      logger.info('closed');
    },
  };
}
