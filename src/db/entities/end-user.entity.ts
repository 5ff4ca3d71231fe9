import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from './partner.entity.js';

/**
 * A partner's end user, addressed by the partner's own id. The same external id under two partners
 * is two users, and so is the same id under one partner's test and live keys: test keys never see
 * live users' data (bank accounts, transfers, …) and live keys never see sandbox data.
 */
export const EndUser = defineEntity({
  name: 'EndUser',
  tableName: 'end_users',
  uniques: [{ properties: ['partner', 'keyMode', 'externalUserId'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    partner: p.manyToOne(Partner).ref().deleteRule('cascade'),
    /** The mode of the keys that see this user: `test` (sandbox upstreams) or `live`. */
    keyMode: p.enum(['test', 'live'] as const).default('test'),
    externalUserId: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type EndUserEntity = InferEntity<typeof EndUser>;
