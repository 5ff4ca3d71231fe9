import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { unauthorized } from '../errors.js';
import type { StoredToken } from '../state/types.js';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Who made the call: the backend (API key and secret) or an end user's public token. */
export type Caller = { kind: 'backend' } | { kind: 'public-token'; token: StoredToken };

/** A live public token: known, not revoked, not expired. */
function liveToken(ctx: EmulatorContext, value: string): StoredToken {
  const token = ctx.store.tokens.get(value);
  if (!token || token.revokedAt !== null || Date.parse(token.expiresAt) <= ctx.now().getTime()) {
    throw unauthorized('Invalid or expired public token.');
  }
  return token;
}

/** `x-api-key` + `x-api-secret`, both right; anything else is a 401 (which one is wrong is not said). */
export function backendCaller(ctx: EmulatorContext, request: FastifyRequest): Caller {
  const key = header(request, 'x-api-key');
  const secret = header(request, 'x-api-secret');
  if (!key || !secret) throw unauthorized('Missing API key or secret: send the x-api-key and x-api-secret headers.');
  if (!same(key, ctx.apiKey) || !same(secret, ctx.apiSecret)) throw unauthorized('Invalid API key or secret.');
  return { kind: 'backend' };
}

/** Where the reference allows "either the API Key and Secret method or the Access Token method". */
export function backendOrTokenCaller(ctx: EmulatorContext, request: FastifyRequest): Caller {
  if (header(request, 'x-api-key') || header(request, 'x-api-secret')) return backendCaller(ctx, request);
  const token = header(request, 'x-public-token');
  if (!token) throw unauthorized('Missing credentials: send x-api-key and x-api-secret, or x-public-token.');
  return { kind: 'public-token', token: liveToken(ctx, token) };
}
