import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { missingFields, PlaidApiError } from '../errors.js';
import { asBody } from '../validation.js';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Plaid's client authentication: `client_id` and `secret` in the body, or the `PLAID-CLIENT-ID` and
 * `PLAID-SECRET` headers (the official SDKs use the headers). Missing ones are MISSING_FIELDS, wrong
 * ones INVALID_API_KEYS, both checked before anything else about the request.
 */
export function authenticate(ctx: EmulatorContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const body = asBody(request.body);
    const clientId = (typeof body.client_id === 'string' && body.client_id) || header(request, 'plaid-client-id');
    const secret = (typeof body.secret === 'string' && body.secret) || header(request, 'plaid-secret');
    const missing = [...(clientId ? [] : ['client_id']), ...(secret ? [] : ['secret'])];
    if (missing.length > 0) throw missingFields(missing);
    if (!sameSecret(clientId as string, ctx.clientId) || !sameSecret(secret as string, ctx.secret)) {
      throw new PlaidApiError('INVALID_API_KEYS');
    }
  };
}
