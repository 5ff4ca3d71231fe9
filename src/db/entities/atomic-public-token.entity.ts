import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EndUser } from './end-user.entity.js';

/**
 * Which partner's user an Atomic public token was issued for (SHA-256 only: the token is a
 * credential), so revoking a token is limited to the partner that created it.
 */
export const AtomicPublicToken = defineEntity({
  name: 'AtomicPublicToken',
  tableName: 'atomic_public_tokens',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    endUser: p.manyToOne(EndUser).ref().deleteRule('cascade'),
    tokenHash: p.string().length(64).unique(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type AtomicPublicTokenEntity = InferEntity<typeof AtomicPublicToken>;
