import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from './partner.entity.js';

/**
 * An Idempotency-Key a partner sent (test and live keys have separate ones), with the fingerprint
 * of the request it came with and, once the request finished, the response to replay. The unique
 * (partner, key mode, key) constraint is what makes "one transfer per key" hold across gateway
 * processes: the first request to insert the row
 * owns the key; the others find it in flight (409) or completed (replay or 422).
 */
export const IdempotencyKey = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_keys',
  uniques: [{ properties: ['partner', 'keyMode', 'key'] }],
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    partner: p.manyToOne(Partner).ref().deleteRule('cascade'),
    keyMode: p.enum(['test', 'live'] as const).default('test'),
    key: p.string().length(255),
    /** Which operation the key was used for, e.g. `createTransfer`. */
    operation: p.string().length(60),
    /** SHA-256 of the canonical request (operation + normalised input). */
    requestHash: p.string().length(64),
    status: p.string().length(20).$type<'in_flight' | 'completed'>(),
    /** The finished request's answer, replayed for a retry with the same key and body. */
    responseStatus: p.integer().nullable(),
    responseBody: p.json<Record<string, unknown>>().nullable(),
    /** An in-flight claim older than this is treated as abandoned (the process died mid-request). */
    lockedUntil: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
  },
});

export type IdempotencyKeyEntity = InferEntity<typeof IdempotencyKey>;
