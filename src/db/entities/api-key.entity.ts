import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from './partner.entity.js';

/**
 * An API key is stored as its public prefix (for lookup and for people to refer to it)
 * plus the SHA-256 of the whole key; the plaintext exists only in the partner's hands.
 */
export const ApiKey = defineEntity({
  name: 'ApiKey',
  tableName: 'api_keys',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    partner: p.manyToOne(Partner).ref().deleteRule('cascade'),
    prefix: p.string().length(40).unique(),
    secretHash: p.string().length(64),
    mode: p.enum(['test', 'live'] as const),
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
  },
});

export type ApiKeyEntity = InferEntity<typeof ApiKey>;
