import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../http-errors.js';
import type { KeyRateLimiter } from './key-limiter.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Per-API-key request budgets; see src/server/rate-limit/key-limiter.ts. */
    rateLimiter: KeyRateLimiter;
  }
}

/**
 * Counts the request against its API key's budget, right after authentication identified the key
 * (src/server/auth.ts), so GraphQL and REST share one budget per key. Sets the X-RateLimit-* headers,
 * which therefore ride on every response to an authenticated request, errors included; over the
 * budget it answers 429 RATE_LIMITED with Retry-After. Both X-RateLimit-Reset and Retry-After are
 * seconds from now until the window ends. Unauthenticated requests, the ingest secret, provider
 * webhooks, health and GraphiQL never get here.
 */
export async function enforceRateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const partner = request.partner;
  if (!partner) return;
  let decision;
  try {
    decision = await request.server.rateLimiter.hit(partner.keyPrefix, partner.rateLimitPerSecond);
  } catch (err) {
    // The counters live in memory when Redis is away, so this is a bug, not an outage: serve the request.
    request.log.error({ err }, 'rate limit check failed; request allowed');
    return;
  }
  reply.header('x-ratelimit-limit', decision.limit);
  reply.header('x-ratelimit-remaining', decision.remaining);
  reply.header('x-ratelimit-reset', decision.resetSeconds);
  if (decision.allowed) return;
  reply.header('retry-after', decision.resetSeconds);
  const window = request.server.services.config.rateLimit.windowSeconds;
  await sendError(
    request,
    reply,
    'RATE_LIMITED',
    `Rate limit exceeded: this API key may make ${decision.limit} requests per ${window === 1 ? 'second' : `${window} seconds`}. Retry after ${decision.resetSeconds} s.`,
  );
}
