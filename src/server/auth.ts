import type { FastifyReply, FastifyRequest } from 'fastify';
import { PartnerService } from '../modules/partners/partner-service.js';
import type { AuthenticatedPartner } from '../modules/partners/partner-types.js';
import { sendError } from './http-errors.js';
import { ingestSecretMatches, presentedIngestSecret } from './ingest-auth.js';
import { enforceRateLimit } from './rate-limit/enforce.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireApiKey`; present on every authenticated route. */
    partner?: AuthenticatedPartner;
    /** Set on /graphql when the caller presented the ingest secret instead of a partner key. */
    ingestPrincipal?: boolean;
  }
}

/** The key from `Authorization: Bearer <key>`, or from `X-API-Key: <key>` as the reference's curl examples send it. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (match) return match[1];
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.trim() ? apiKey.trim() : undefined;
}

/**
 * The hook of every partner-facing route (GraphQL and REST, not health): REST runs it on request,
 * before the body is read; /graphql before its handler. This is the one place a request becomes a
 * partner; everything downstream scopes by `request.partner`.
 */
export async function requireApiKey(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const key = presentedKey(request);
  if (!key) {
    await sendError(request, reply, 'UNAUTHENTICATED', 'Missing API key: send Authorization: Bearer <key>.');
    return;
  }
  const result = await new PartnerService(request.em).authenticate(key);
  if (!result.ok) {
    const message =
      result.code === 'PAYMENT_REQUIRED'
        ? 'This live key belongs to a partner that is not production-enabled yet; use your test key.'
        : 'Invalid or revoked API key.';
    await sendError(request, reply, result.code, message);
    return;
  }
  request.partner = result.partner;
  request.log = request.log.child({ partnerId: result.partner.id, keyPrefix: result.partner.keyPrefix });
  // Now that the key is known: count it against its budget (may answer 429 and end the request).
  await enforceRateLimit(request, reply);
}

/**
 * /graphql accepts either principal: a partner key, or (server-to-server) the ingest secret for
 * the ingest mutations and adminUsage. Which root fields each may use is checked in one place,
 * src/graphql/principal-guard.ts.
 */
export function requireGraphqlPrincipal(ingestSecret: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const key = presentedKey(request);
    if ((!key || !key.startsWith('afg_')) && ingestSecret && ingestSecretMatches(presentedIngestSecret(request), ingestSecret)) {
      request.ingestPrincipal = true;
      return;
    }
    await requireApiKey(request, reply);
  };
}
