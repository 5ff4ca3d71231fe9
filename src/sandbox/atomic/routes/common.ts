import type { FastifyRequest } from 'fastify';
import { validationError } from '../errors.js';

/** The base URL the caller reached us on (for download URLs that point back at the emulator). */
export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? `${request.hostname}`}`;
}

/** A query string parameter that must be given once, non-empty. */
export function requiredQuery(request: FastifyRequest, name: string): string {
  const value = optionalQuery(request, name);
  if (value === undefined) throw validationError(`${name} is required (query string parameter).`);
  return value;
}

export function optionalQuery(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown>)[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw validationError(`${name} must be given once.`);
  return value;
}

export function atomicVersion(request: FastifyRequest): string | undefined {
  const value = request.headers['x-atomic-version'];
  return typeof value === 'string' ? value : undefined;
}
