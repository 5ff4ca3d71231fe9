import type { EntityManager } from '@mikro-orm/knex';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config.js';
import type { Orm } from '../db/orm.js';
import type { SharedServices } from '../graphql/context.js';
import type { AppLogger } from '../logging/logger.js';
import { HealthService } from '../modules/health/health-service.js';
import { SyncEngine } from '../modules/banking/sync-engine.js';
import { TransferEventSync } from '../modules/transfers/transfer-event-sync.js';
import { TokenCipher } from '../crypto/token-cipher.js';
import { DEFAULT_LOCAL_KEY_FILE, loadOrCreateLocalKey } from '../crypto/local-key.js';
import { PlaidRegistry } from '../upstreams/plaid/plaid-registry.js';
import { AtomicRegistry } from '../upstreams/atomic/atomic-registry.js';
import { CompanyMatchCache } from '../modules/atomic/company-cache.js';
import { registerProviderWebhooks } from './provider-webhooks.js';
import { registerIngestRoutes } from './ingest-routes.js';
import { IngestService } from '../modules/usage/ingest-service.js';
import { PartnerDirectory } from '../modules/usage/partner-directory.js';
import { createUsageBus } from '../modules/usage/usage-bus.js';
import { createWebhookRuntime } from '../modules/webhooks/webhook-runtime.js';
import { shutdownGraceMs } from '../background/task-control.js';
import { drainBackgroundWork } from './background-work.js';
import { RetentionSweeper } from '../modules/retention/retention-sweeper.js';
import { AppError } from '../errors/app-error.js';
import { registerGraphiqlAssets } from './graphiql.js';
import { registerGraphql } from './graphql-route.js';
import { registerSubscriptions } from './subscriptions.js';
import { registerHealthRoute } from './health-route.js';
import { sendAppError, sendError, sendInternalError } from './http-errors.js';
import { requestIdFor } from './request-id.js';
import { registerRestRoutes } from './rest-routes.js';
import { createKeyRateLimiter } from './rate-limit/key-limiter.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** A fork of the ORM's entity manager private to this request. */
    em: EntityManager;
  }
  interface FastifyInstance {
    services: SharedServices;
  }
}

export interface ServerDeps {
  config: AppConfig;
  orm: Orm;
  logger: AppLogger;
  /** Sandbox demo key to prefill in GraphiQL; undefined in live mode. */
  demoKey?: string;
  /** Where the generated sandbox token-encryption key lives when none is configured. */
  localKeyFile?: string;
}

/** The HTTP surface: request ids and logging, errors, health, GraphQL + GraphiQL, REST. */
export async function buildServer({ config, orm, logger, demoKey, localKeyFile }: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: requestIdFor,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: 1024 * 1024,
    // Let in-flight requests finish on close(); new connections are refused meanwhile.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  app.decorateRequest('em', null as unknown as EntityManager);
  app.addHook('onRequest', async (request, reply) => {
    request.em = orm.em.fork();
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof AppError) return sendAppError(request, reply, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type): safe to describe.
      return sendError(request, reply, 'BAD_USER_INPUT', (error as Error).message, { status });
    }
    return sendInternalError(request, reply, error);
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendError(request, reply, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`),
  );

  const cipher = new TokenCipher(config.tokenEncryptionKeys ?? loadOrCreateLocalKey(localKeyFile ?? DEFAULT_LOCAL_KEY_FILE));
  const plaid = new PlaidRegistry(config);
  const usageBus = createUsageBus(config.redisUrl, app.log);
  const services: SharedServices = {
    config,
    health: new HealthService(orm, config),
    cipher,
    plaid,
    sync: new SyncEngine(orm, cipher, plaid, app.log, config.database.kind),
    atomic: new AtomicRegistry(config),
    companyCache: new CompanyMatchCache(config.atomic.companyCacheTtlMs),
    usageBus,
    ingest: new IngestService(new PartnerDirectory(), (partnerIds) => usageBus.publish(partnerIds)),
    transferEvents: new TransferEventSync(orm, plaid, app.log),
    webhooks: createWebhookRuntime({ orm, config, cipher, log: app.log }),
    retention: new RetentionSweeper(orm, { webhookRetentionDays: config.webhooks.retentionDays }, app.log),
    publicUrl: () => config.publicUrl ?? listeningUrl(app),
  };
  app.decorate('services', services);
  const rateLimiter = createKeyRateLimiter(config.rateLimit, config.redisUrl, app.log);
  app.decorate('rateLimiter', rateLimiter);
  // Start with the shared counters when Redis is there; a Redis that is down only delays start-up this long.
  await rateLimiter.ready(2000);
  // Webhook delivery starts once the gateway listens (gateway.ts). Work under way gets one shared
  // grace period to finish before the database closes (gateway.ts closes it after the app).
  app.addHook('onClose', async () => {
    await drainBackgroundWork(
      {
        webhooks: services.webhooks.close(),
        retention: services.retention.stop(),
        transactionsSync: services.sync.idle(),
        transferEvents: services.transferEvents.idle(),
      },
      shutdownGraceMs(config.shutdownTimeoutMs),
      app.log,
    );
    app.log.info('closing: background work done');
    await usageBus.close();
    await rateLimiter.close();
    services.health.close();
  });

  registerHealthRoute(app, services.health);
  registerGraphiqlAssets(app);
  const wsHandler = await registerSubscriptions(app, { services, orm });
  await registerGraphql(app, services, { defaultApiKey: config.mode === 'sandbox' ? demoKey : undefined }, { wsHandler });
  await app.register(registerRestRoutes, { services });
  await app.register(registerProviderWebhooks, { services });
  await app.register(registerIngestRoutes, { services });
  return app;
}

/** http://host:port the server listens on (loopback for wildcard binds); undefined before listen. */
export function listeningUrl(app: FastifyInstance): string | undefined {
  const address = app.server.address();
  if (!address || typeof address !== 'object') return undefined;
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
