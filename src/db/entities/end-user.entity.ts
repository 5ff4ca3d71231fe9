import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from './partner.entity.js';

/** A partner's end user, addressed by the partner's own id. The same external id under two partners is two users. */
export const EndUser = defineEntity({
  name: 'EndUser',
  tableName: 'end_users',
  uniques: [{ properties: ['partner', 'externalUserId'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    partner: p.manyToOne(Partner).ref().deleteRule('cascade'),
    externalUserId: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type EndUserEntity = InferEntity<typeof EndUser>;
