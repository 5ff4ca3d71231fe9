import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors/app-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from '../errors/database-unavailable.js';
import { ERROR_HTTP_STATUS, isErrorCode, MASKED_MESSAGE } from '../errors/error-codes.js';
import type { GraphQLContext } from './context.js';

/**
 * Codes Apollo and graphql-js put on errors in the client's own request (bad syntax, unknown
 * field, wrong variable type). Their messages describe the request, not the server, so they are
 * shown as they are, under the closed enum's BAD_USER_INPUT.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** True for errors whose message may reach the client; everything else is masked. */
export function isClientSafe(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return true;
  if (original instanceof GraphQLError && original !== error) return false; // a GraphQLError thrown deep inside a resolver dependency
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' && REQUEST_ERROR_CODES.has(code);
}

/**
 * Apollo `formatError`: keeps expected errors, puts request errors under BAD_USER_INPUT, masks the
 * rest: as SERVICE_UNAVAILABLE when the database did not answer (worth a retry), else as
 * INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (unwrapResolverError(error) instanceof AppError) return formatted;
  if (isClientSafe(error)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  const unavailable = isDatabaseUnavailable(unwrapResolverError(error));
  return {
    message: unavailable ? SERVICE_UNAVAILABLE_MESSAGE : MASKED_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Logs every masked error with the request id (the client only sees the id, in X-Request-Id),
 * and gives whole-request failures (no data at all) the HTTP status of their code.
 */
export const errorPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (!isClientSafe(error)) {
            contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error in GraphQL operation');
          }
        }
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        }
        if (response.http.status !== undefined) return;
        const code = errors?.[0]?.extensions?.code;
        if (data == null && isErrorCode(code)) response.http.status = ERROR_HTTP_STATUS[code];
      },
    };
  },
};
