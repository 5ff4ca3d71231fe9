import { ApolloServer } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import type { GraphQLContext, RequestServices, SharedServices } from '../graphql/context.js';
import { errorPlugin, formatError } from '../graphql/error-masking.js';
import { principalGuardPlugin } from '../graphql/principal-guard.js';
import { apolloQueryLimits } from '../graphql/query-limits.js';
import { mergeResolvers } from '../graphql/resolvers.js';
import { loadTypeDefs } from '../graphql/type-defs.js';
import { requireGraphqlPrincipal } from './auth.js';
import { requestServices } from './request-services.js';
import { sendGraphiqlPage, wantsGraphiql, type GraphiqlOptions } from './graphiql.js';

export const GRAPHQL_PATH = '/graphql';

export interface GraphqlRouteOptions {
  /** Serves WebSocket upgrades of GET /graphql (subscriptions; see registerSubscriptions). */
  wsHandler?: WebsocketHandler;
}

/**
 * POST /graphql and GET /graphql (queries only: Apollo refuses mutations over GET).
 * A browser's GET gets GraphiQL instead; everything else needs an API key.
 * With `wsHandler`, a WebSocket upgrade of GET /graphql goes there instead.
 */
export async function registerGraphql(
  app: FastifyInstance,
  services: SharedServices,
  graphiql: Omit<GraphiqlOptions, 'endpoint'>,
  { wsHandler }: GraphqlRouteOptions = {},
): Promise<ApolloServer<GraphQLContext>> {
  const limits = apolloQueryLimits<GraphQLContext>({ hideSuggestions: services.config.mode === 'live' });
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: mergeResolvers(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Credentials travel only in explicit headers (never cookies), so a cross-site request
    // cannot carry them: Apollo's CSRF guard would only block legitimate GET clients.
    csrfPrevention: false,
    // Depth, alias, cost and size limits are checked before anything runs (query-limits.ts).
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [fastifyApolloDrainPlugin(app), errorPlugin, principalGuardPlugin, ...limits.plugins],
  });
  await apollo.start();

  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => ({
      requestId: request.id,
      log: request.log,
      partner: request.partner!,
      ingestPrincipal: request.ingestPrincipal === true,
      em: request.em,
      services,
      // The ingest principal has no partner, so no partner-scoped services (principal-guard.ts).
      ...(request.partner ? requestServices(request, services) : ({} as RequestServices)),
    }),
  }) as RouteHandlerMethod;

  const authenticate = requireGraphqlPrincipal(services.config.ingestSecret);
  app.post(GRAPHQL_PATH, { preHandler: authenticate }, handler);
  // A WebSocket upgrade of GET /graphql goes to wsHandler (subscriptions) when there is one.
  app.route({
    method: 'GET',
    url: GRAPHQL_PATH,
    ...(wsHandler ? { wsHandler } : {}),
    handler: async (request, reply) => {
      if (wantsGraphiql(request)) return sendGraphiqlPage(reply, { ...graphiql, endpoint: GRAPHQL_PATH });
      await authenticate(request, reply);
      if (reply.sent) return reply;
      return handler.call(app, request, reply);
    },
  });
  return apollo;
}
