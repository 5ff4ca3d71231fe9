import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EndUser } from './end-user.entity.js';
import { Partner } from './partner.entity.js';

/**
 * A linked Plaid Item for one partner's end user. The access token is stored sealed with
 * AES-256-GCM (TokenCipher), bound to this row's id, with the id of the key that sealed it.
 */
export const PlaidItem = defineEntity({
  name: 'PlaidItem',
  tableName: 'plaid_items',
  uniques: [{ properties: ['partner', 'plaidItemId'] }],
  indexes: [{ properties: ['plaidItemId'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    partner: p.manyToOne(Partner).ref().deleteRule('cascade'),
    endUser: p.manyToOne(EndUser).ref().deleteRule('cascade'),
    plaidItemId: p.string().length(100),
    /** Which upstream configuration the item lives in: test keys link sandbox items. */
    keyMode: p.enum(['test', 'live'] as const),
    institutionId: p.string().length(100).nullable(),
    institutionName: p.string().length(200).nullable(),
    accessTokenCiphertext: p.text(),
    accessTokenKeyId: p.string().length(32),
    /** Plaid /transactions/sync cursor; saved only after a whole sync succeeded. */
    syncCursor: p.text().nullable(),
    lastSyncedAt: p.datetime().nullable(),
    // A typed string, not an enum: MikroORM's SQLite introspection misreads CHECK enums whose
    // values contain underscores and reports drift that is not there.
    status: p.string().length(20).$type<'active' | 'login_required' | 'removed'>().default('active'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type PlaidItemEntity = InferEntity<typeof PlaidItem>;
