import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SharedServices } from '../graphql/context.js';
import { AppError, badUserInput } from '../errors/app-error.js';
import type { IngestResult } from '../modules/usage/ingest-service.js';
import { validateBatch, validateEvent } from '../modules/usage/ingest-validation.js';
import { ingestSecretMatches, presentedIngestSecret } from './ingest-auth.js';
import { sendError } from './http-errors.js';

/** A 500-event batch is ~150 KB of JSON; 1 MiB leaves room for long categories and user ids. */
const INGEST_BODY_LIMIT = 1024 * 1024;

/** The reference's answer, plus `duplicates` only when some event_id had been seen before. */
const answer = (r: IngestResult) => ({ accepted: r.accepted, partners: r.partners, ...(r.duplicates > 0 ? { duplicates: r.duplicates } : {}) });

/**
 * The server-to-server ingest API (the reference's "Ingest API"). Secret-protected, not
 * partner-accessible: a partner API key is refused here. Unknown partner ids → 400 with `missing`
 * and nothing stored.
 */
export async function registerIngestRoutes(app: FastifyInstance, opts: { services: SharedServices }): Promise<void> {
  const { services } = opts;

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const secret = services.config.ingestSecret;
    if (!secret) {
      await sendError(request, reply, 'UPSTREAM_UNAVAILABLE', 'Ingest is not configured on this server (ATLAS_INGEST_SECRET is unset).', { status: 503 });
      return;
    }
    if (!ingestSecretMatches(presentedIngestSecret(request), secret)) {
      await sendError(request, reply, 'UNAUTHENTICATED', 'Missing or wrong X-Atlas-Ingest-Secret.');
    }
  });

  // A missing-partner error carries `missing` at the top level too, as the reference describes.
  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof AppError) {
      const { code: _c, ...ext } = error.extensions;
      return reply.code(error.httpStatus).send({ error: { code: error.code, message: error.message, request_id: request.id, ...ext }, ...ext });
    }
    throw error;
  });

  app.get('/api/ingest/ping', async () => ({ status: 'ok', time: new Date().toISOString() }));

  app.post('/api/ingest/event', { bodyLimit: INGEST_BODY_LIMIT }, async (request) => {
    const event = validateEvent(request.body, 0, new Date());
    return answer(await services.ingest.ingest(request.em, [event]));
  });

  app.post('/api/ingest/events/batch', { bodyLimit: INGEST_BODY_LIMIT }, async (request) => {
    const body = request.body as { events?: unknown } | null;
    if (!body || typeof body !== 'object' || !('events' in body)) throw badUserInput('The body must be { "events": [ … ] }.', { field: 'events' });
    return answer(await services.ingest.ingest(request.em, validateBatch(body.events)));
  });
}
