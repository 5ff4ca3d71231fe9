import { ApolloServer } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import type { GraphQLContext, SharedServices } from '../graphql/context.js';
import { errorPlugin, formatError } from '../graphql/error-masking.js';
import { mergeResolvers } from '../graphql/resolvers.js';
import { loadTypeDefs } from '../graphql/type-defs.js';
import { requireApiKey } from './auth.js';
import { requestServices } from './request-services.js';
import { sendGraphiqlPage, wantsGraphiql, type GraphiqlOptions } from './graphiql.js';

export const GRAPHQL_PATH = '/graphql';

/**
 * POST /graphql and GET /graphql (queries only: Apollo refuses mutations over GET).
 * A browser's GET gets GraphiQL instead; everything else needs an API key.
 */
export async function registerGraphql(
  app: FastifyInstance,
  services: SharedServices,
  graphiql: Omit<GraphiqlOptions, 'endpoint'>,
): Promise<ApolloServer<GraphQLContext>> {
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: mergeResolvers(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Credentials travel only in explicit headers (never cookies), so a cross-site request
    // cannot carry them: Apollo's CSRF guard would only block legitimate GET clients.
    csrfPrevention: false,
    plugins: [fastifyApolloDrainPlugin(app), errorPlugin],
  });
  await apollo.start();

  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => ({
      requestId: request.id,
      log: request.log,
      partner: request.partner!,
      em: request.em,
      services,
      ...requestServices(request, services),
    }),
  }) as RouteHandlerMethod;

  app.post(GRAPHQL_PATH, { preHandler: requireApiKey }, handler);
  app.get(GRAPHQL_PATH, async (request, reply) => {
    if (wantsGraphiql(request)) return sendGraphiqlPage(reply, { ...graphiql, endpoint: GRAPHQL_PATH });
    await requireApiKey(request, reply);
    if (reply.sent) return reply;
    return handler.call(app, request, reply);
  });
  return apollo;
}
