import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

/** The secret a caller presented: `X-Atlas-Ingest-Secret`, or a Bearer token that is not a partner key. */
export function presentedIngestSecret(request: FastifyRequest): string | undefined {
  const header = request.headers['x-atlas-ingest-secret'];
  if (typeof header === 'string' && header) return header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match && !match[1]!.startsWith('afg_') ? match[1] : undefined;
}

/** Constant-time comparison (hashing first makes the lengths equal, so length leaks nothing either). */
export function ingestSecretMatches(presented: string | undefined, configured: string): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(configured).digest();
  return timingSafeEqual(a, b);
}
