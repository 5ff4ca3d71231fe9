import { unwrapResolverError } from '@apollo/server/errors';
import { makeExecutableSchema } from '@graphql-tools/schema';
import fastifyWebsocket, { type WebsocketHandler } from '@fastify/websocket';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import { makeHandler, type Extra } from 'graphql-ws/use/@fastify/websocket';
import type { Orm } from '../db/orm.js';
import type { SharedServices } from '../graphql/context.js';
import { formatError, isClientSafe } from '../graphql/error-masking.js';
import { QUERY_LIMITS, subscriptionValidationRules } from '../graphql/query-limits.js';
import { mergeResolvers } from '../graphql/resolvers.js';
import { loadTypeDefs } from '../graphql/type-defs.js';
import { PartnerService } from '../modules/partners/partner-service.js';
import type { AuthenticatedPartner } from '../modules/partners/partner-types.js';
import type { SubscriptionContext } from '../modules/usage/subscription-resolvers.js';

/** Largest WebSocket message accepted (a subscribe message is a query and its variables). */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** On shutdown, sockets still open this long after the close frame are dropped. */
const CLOSE_GRACE_MS = 1000;
/** WebSocket close code 1001: graphql-ws clients retry it (a replica going away is not the client's fault). */
const GOING_AWAY = 1001;

/** What a connection holds after `onConnect` accepted its key. */
interface ConnectionState {
  partner: AuthenticatedPartner;
  log: FastifyBaseLogger;
}

export interface SubscriptionDeps {
  services: SharedServices;
  orm: Orm;
}

/**
 * GraphQL subscriptions over graphql-ws (protocol `graphql-transport-ws`) on the GraphQL path:
 * registers @fastify/websocket and returns the handler to put on the GET /graphql route as its
 * `wsHandler` (see registerGraphql). Call it before that route is declared: @fastify/websocket
 * only upgrades routes added after it.
 *
 * The partner's API key travels in the connection_init payload (`Authorization: "Bearer <key>"` or
 * `X-API-Key`); a missing, unknown or revoked key, or a live key of a partner that is not
 * production-enabled, closes the socket with 4403 Forbidden. Only subscription operations are
 * served here; queries and mutations belong to POST /graphql.
 */
export async function registerSubscriptions(app: FastifyInstance, { services, orm }: SubscriptionDeps): Promise<WebsocketHandler> {
  await app.register(fastifyWebsocket, {
    options: { maxPayload: MAX_MESSAGE_BYTES },
    // Close every socket with 1001 Going Away (graphql-ws clients reconnect, to another replica
    // behind a load balancer), then drop those that do not answer the close handshake.
    preClose(done) {
      const clients = [...app.websocketServer.clients];
      for (const client of clients) client.close(GOING_AWAY, 'Server shutting down');
      const timer = setTimeout(() => {
        for (const client of clients) client.terminate();
      }, CLOSE_GRACE_MS);
      timer.unref();
      app.websocketServer.close();
      done();
    },
  });

  // The schema Apollo builds from the same type definitions and resolvers.
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: mergeResolvers() });
  const limitRules = subscriptionValidationRules();
  const connections = new WeakMap<Extra, ConnectionState>();
  const dialect = services.config.database.kind;

  return makeHandler<Record<string, unknown> | undefined, Record<PropertyKey, never>>({
    schema,
    // Never echo internal error messages in close reasons.
    isProd: true,
    async onConnect(ctx) {
      const key = presentedKey(ctx.connectionParams);
      const log = ctx.extra.request.log;
      if (!key) {
        log.info('subscription connection refused: no API key in the connection params');
        return false;
      }
      const result = await new PartnerService(orm.em.fork()).authenticate(key);
      if (!result.ok) {
        log.info({ code: result.code }, 'subscription connection refused');
        return false;
      }
      const partner = result.partner;
      connections.set(ctx.extra, { partner, log: log.child({ partnerId: partner.id, keyPrefix: partner.keyPrefix }) });
      return true;
    },
    async onSubscribe(ctx, id, payload) {
      const state = connections.get(ctx.extra);
      if (!state) return [new GraphQLError('Not authenticated.', { extensions: { code: 'UNAUTHENTICATED' } })];
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
      } catch (err) {
        return [err as GraphQLError];
      }
      const errors = validate(schema, document, [...specifiedRules, ...limitRules]);
      if (errors.length > 0) return errors;
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [new GraphQLError('The document names no operation to run (or several without operationName).')];
      if (operation.operation !== 'subscription') {
        return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations with POST /graphql.')];
      }
      const contextValue: SubscriptionContext = {
        partner: state.partner,
        services,
        log: state.log.child({ subscriptionId: id }),
        orm,
        dialect,
      };
      return {
        schema,
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue,
      };
    },
    // Operation-level errors: the request's own (syntax, validation, not a subscription) are shown
    // under BAD_USER_INPUT; an exception out of a source stream is masked and logged.
    onError(ctx, _id, _payload, errors) {
      const log = connections.get(ctx.extra)?.log ?? app.log;
      return errors.map((error) => operationError(error, log));
    },
    // Errors in results (resolvers, the service): masked as on HTTP, and the unexpected ones logged.
    onNext(ctx, _id, _payload, args, result) {
      if (!result.errors?.length) return;
      const log = (args.contextValue as SubscriptionContext | undefined)?.log ?? connections.get(ctx.extra)?.log ?? app.log;
      return maskResult(result, log);
    },
  });
}

/** The key from the connection params, header names in any case. */
export function presentedKey(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params || typeof params !== 'object') return undefined;
  const byName = new Map(Object.entries(params).map(([name, value]) => [name.toLowerCase(), value]));
  const auth = byName.get('authorization');
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (match) return match[1];
  }
  const apiKey = byName.get('x-api-key');
  return typeof apiKey === 'string' && apiKey.trim() ? apiKey.trim() : undefined;
}

function operationError(error: GraphQLError, log: FastifyBaseLogger): GraphQLFormattedError {
  const original = error.originalError;
  if (original && !(original instanceof GraphQLError)) {
    log.error({ err: original }, 'unexpected error in GraphQL subscription');
    return formatError(error.toJSON(), error);
  }
  const formatted = error.toJSON();
  return {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'BAD_USER_INPUT' },
  };
}

function maskResult(result: ExecutionResult, log: FastifyBaseLogger): FormattedExecutionResult {
  const errors = (result.errors ?? []).map((error) => {
    if (!isClientSafe(error)) log.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error in GraphQL subscription');
    return formatError(error.toJSON(), error);
  });
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    errors,
    ...(result.extensions ? { extensions: result.extensions } : {}),
  };
}

