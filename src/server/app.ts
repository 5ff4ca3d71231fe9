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
import { clientErrorHandler } from './client-error.js';
import { sendAppError, sendError, sendInternalError } from './http-errors.js';
import { requestIdFor } from './request-id.js';
import { registerRestRoutes } from './rest-routes.js';
import { createKeyRateLimiter } from './rate-limit/key-limiter.js';

/** Background work whose upstream calls were aborted at the end of the grace period settles within this. */
const ABORTED_WORK_SETTLE_MS = 1000;

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
    clientErrorHandler,
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
  // Aborted once the shutdown grace period ends (preClose below): see upstreams/shutting-down.ts.
  const upstreamCalls = new AbortController();
  const plaid = new PlaidRegistry(config, { signal: upstreamCalls.signal });
  const usageBus = createUsageBus(config.redisUrl, app.log);
  const services: SharedServices = {
    config,
    health: new HealthService(orm, config),
    cipher,
    plaid,
    sync: new SyncEngine(orm, cipher, plaid, app.log, config.database.kind),
    atomic: new AtomicRegistry(config, { signal: upstreamCalls.signal }),
    companyCache: new CompanyMatchCache(config.atomic.companyCacheTtlMs),
    usageBus,
    ingest: new IngestService(new PartnerDirectory(), (partnerIds) => usageBus.publish(partnerIds)),
    transferEvents: new TransferEventSync(orm, plaid, app.log),
    webhooks: createWebhookRuntime({ orm, config, cipher, log: app.log }),
    retention: new RetentionSweeper(
      orm,
      { webhookRetentionDays: config.webhooks.retentionDays, usageEventRetentionDays: config.usageEventRetentionDays },
      app.log,
    ),
    publicUrl: () => config.publicUrl ?? listeningUrl(app),
  };
  app.decorate('services', services);
  const rateLimiter = createKeyRateLimiter(config.rateLimit, config.redisUrl, app.log);
  app.decorate('rateLimiter', rateLimiter);
  // Start with the shared counters when Redis is there; a Redis that is down only delays start-up this long.
  await rateLimiter.ready(2000);
  // Webhook delivery starts once the gateway listens (gateway.ts). Requests and work under way get
  // one shared grace period, counted from the start of the shutdown, to finish before the database
  // closes (gateway.ts closes it after the app). Upstream calls still running when it ends are
  // aborted, so the requests waiting on them answer 503 instead of holding the shutdown.
  const graceMs = shutdownGraceMs(config.shutdownTimeoutMs);
  let graceEndsAt: number | undefined;
  app.addHook('preClose', async () => {
    graceEndsAt = Date.now() + graceMs;
    setTimeout(() => upstreamCalls.abort(), graceMs).unref();
  });
  // close() drops the keep-alive connections idle at that moment ('idle' above); one whose request
  // was still running would stay open after its answer until the client's keep-alive ran out (72 s
  // here), holding the shutdown past SHUTDOWN_TIMEOUT_MS. Answers sent while closing end theirs.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (graceEndsAt !== undefined) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onClose', async () => {
    await drainBackgroundWork(
      {
        webhooks: services.webhooks.close(),
        retention: services.retention.stop(),
        transactionsSync: services.sync.idle(),
        transferEvents: services.transferEvents.idle(),
      },
      // What remains of the grace period, and a moment to settle for work whose calls were just aborted.
      Math.max((graceEndsAt ?? Date.now() + graceMs) - Date.now(), ABORTED_WORK_SETTLE_MS),
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
