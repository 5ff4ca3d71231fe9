import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EndUser } from './end-user.entity.js';

/**
 * The Atomic `identifier` of an end user: random, stable per (partner, user), and meaningless
 * outside this table, so Atomic learns nothing about the partner or the partner's own ids.
 */
export const AtomicUser = defineEntity({
  name: 'AtomicUser',
  tableName: 'atomic_users',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    endUser: p.manyToOne(EndUser).ref().deleteRule('cascade').unique(),
    identifier: p.string().length(64).unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type AtomicUserEntity = InferEntity<typeof AtomicUser>;
