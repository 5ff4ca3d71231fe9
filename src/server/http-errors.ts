import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../errors/app-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from '../errors/database-unavailable.js';
import { ERROR_HTTP_STATUS, MASKED_MESSAGE, type ErrorCode } from '../errors/error-codes.js';

/** Which wire format a failed request expects its error in. */
export type Surface = 'graphql' | 'rest';

export function surfaceOf(request: FastifyRequest): Surface {
  return request.url.startsWith('/graphql') ? 'graphql' : 'rest';
}

/**
 * Sends a whole-request failure. GraphQL clients get a GraphQL response body
 * (`{errors:[{message, extensions:{code}}]}`); REST clients get `{error:{code, message, request_id}}`.
 * Both carry the status that the code maps to unless `status` overrides it (e.g. 413).
 */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  opts: { status?: number; extensions?: Record<string, unknown> } = {},
): FastifyReply {
  const status = opts.status ?? ERROR_HTTP_STATUS[code];
  if (code === 'UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer realm="atlasforge"');
  const body =
    surfaceOf(request) === 'graphql' ? { errors: [{ message, extensions: { code, ...opts.extensions } }] } : restErrorBody(code, message, request.id, opts.extensions);
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** The REST routes' error body, as the AtlasForge reference's partners read it. */
export function restErrorBody(code: ErrorCode, message: string, requestId: string, extensions: Record<string, unknown> = {}) {
  return { error: { code, message, request_id: requestId, ...extensions } };
}

export function sendAppError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const { code: _code, ...extensions } = error.extensions;
  return sendError(request, reply, error.code, error.message, { extensions });
}

/**
 * Unexpected failure: log everything with the request id, tell the client nothing but that id.
 * A database that does not answer is 503 with Retry-After instead: the request may succeed later.
 */
export function sendInternalError(request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  request.log.error({ err }, 'unexpected error');
  if (isDatabaseUnavailable(err)) {
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendError(request, reply, 'SERVICE_UNAVAILABLE', SERVICE_UNAVAILABLE_MESSAGE);
  }
  return sendError(request, reply, 'INTERNAL_SERVER_ERROR', MASKED_MESSAGE);
}
