import type { EntityManager } from '@mikro-orm/core';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config.js';
import type { Orm } from '../db/orm.js';
import type { SharedServices } from '../graphql/context.js';
import type { AppLogger } from '../logging/logger.js';
import { HealthService } from '../modules/health/health-service.js';
import { AppError } from '../errors/app-error.js';
import { registerGraphiqlAssets } from './graphiql.js';
import { registerGraphql } from './graphql-route.js';
import { registerHealthRoute } from './health-route.js';
import { sendAppError, sendError, sendInternalError } from './http-errors.js';
import { requestIdFor } from './request-id.js';
import { registerRestRoutes } from './rest-routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** A fork of the ORM's entity manager private to this request. */
    em: EntityManager;
  }
}

export interface ServerDeps {
  config: AppConfig;
  orm: Orm;
  logger: AppLogger;
  /** Sandbox demo key to prefill in GraphiQL; undefined in live mode. */
  demoKey?: string;
}

/** The HTTP surface: request ids and logging, errors, health, GraphQL + GraphiQL, REST. */
export async function buildServer({ config, orm, logger, demoKey }: ServerDeps): Promise<FastifyInstance> {
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

  const services: SharedServices = { health: new HealthService(orm, config) };
  registerHealthRoute(app, services.health);
  registerGraphiqlAssets(app);
  await registerGraphql(app, services, { defaultApiKey: config.mode === 'sandbox' ? demoKey : undefined });
  await app.register(registerRestRoutes);
  return app;
}
