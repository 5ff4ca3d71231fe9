import type { EntityManager } from '@mikro-orm/knex';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { createHash, randomUUID } from 'node:crypto';
import type { KeyMode } from '../../config/config.js';
import { IdempotencyKey } from '../../db/entities/index.js';
import { AppError, badUserInput } from '../../errors/app-error.js';

/** Keys are kept this long after first use (Stripe keeps them 24 h; so do we, at least). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** An in-flight claim older than this belongs to a request that died; a retry may take it over. */
export const IN_FLIGHT_LEASE_MS = 60_000;
const MAX_KEY_LENGTH = 255;

export type ClaimResult = { kind: 'claimed'; id: string } | { kind: 'replay'; status: number; body: Record<string, unknown> };

/** SHA-256 of the operation and its normalised input: what "the same request" means. */
export function requestFingerprint(operation: string, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, input])).digest('hex');
}

export function assertIdempotencyKey(key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw badUserInput('An Idempotency-Key is required for this request (any unique string, e.g. a UUID).', { field: 'idempotencyKey' });
  }
  if (key.length > MAX_KEY_LENGTH) throw badUserInput(`The Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters.`, { field: 'idempotencyKey' });
  return key;
}

/**
 * Idempotency keys with Stripe's and the IETF draft's semantics, enforced by the unique
 * (partner, key mode, key) constraint so they hold across gateway processes (a partner's test and
 * live keys have separate idempotency keys, as they have separate data):
 * - the first request inserts the key `in_flight` and does the work;
 * - the same key and body again after it finished → its stored response, nothing redone;
 * - the same key with a different body → 422 IDEMPOTENCY_KEY_REUSED;
 * - the same key while the first is still running → 409 CONFLICT (retry later).
 */
export class IdempotencyStore {
  constructor(private readonly em: EntityManager) {}

  async claim(scope: { partnerId: string; keyMode: KeyMode }, key: string, operation: string, fingerprint: string, now = new Date()): Promise<ClaimResult> {
    const { partnerId, keyMode } = scope;
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = randomUUID();
      try {
        await this.em.insert(IdempotencyKey, {
          id,
          partner: partnerId,
          keyMode,
          key,
          operation,
          requestHash: fingerprint,
          status: 'in_flight',
          lockedUntil: new Date(now.getTime() + IN_FLIGHT_LEASE_MS),
          createdAt: now,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
        });
        return { kind: 'claimed', id };
      } catch (err) {
        if (!(err instanceof UniqueConstraintViolationException)) throw err;
      }
      const existing = await this.em.fork().findOne(IdempotencyKey, { partner: partnerId, keyMode, key });
      if (!existing) continue; // expired and removed meanwhile: try the insert again
      if (existing.expiresAt <= now) {
        await this.em.nativeDelete(IdempotencyKey, { id: existing.id, expiresAt: existing.expiresAt });
        continue;
      }
      if (existing.requestHash !== fingerprint || existing.operation !== operation) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request. Use a new key for a new request.');
      }
      if (existing.status === 'completed') return { kind: 'replay', status: existing.responseStatus ?? 200, body: existing.responseBody ?? {} };
      // In flight. A live claim means "wait"; a lapsed one was left by a request that died, and
      // exactly one retry takes it over (the conditional update matches only the lapsed lease).
      if (existing.lockedUntil && existing.lockedUntil > now) {
        throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in progress. Retry after it completes.');
      }
      const taken = await this.em.nativeUpdate(
        IdempotencyKey,
        { id: existing.id, status: 'in_flight', lockedUntil: existing.lockedUntil },
        { lockedUntil: new Date(now.getTime() + IN_FLIGHT_LEASE_MS) },
      );
      if (taken === 1) return { kind: 'claimed', id: existing.id };
      throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in progress. Retry after it completes.');
    }
    throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in progress. Retry after it completes.');
  }

  /** Stores the answer to replay. Call it inside the transaction that commits the work. */
  async complete(em: EntityManager, id: string, status: number, body: Record<string, unknown>): Promise<void> {
    await em.nativeUpdate(IdempotencyKey, { id }, { status: 'completed', responseStatus: status, responseBody: body, lockedUntil: null });
  }

  /** Gives the key back after a failure that changed nothing (e.g. the provider was down), so a retry can run. */
  async release(id: string): Promise<void> {
    await this.em.fork().nativeDelete(IdempotencyKey, { id, status: 'in_flight' });
  }
}
