import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EndUser } from './end-user.entity.js';
import { PlaidItem } from './plaid-item.entity.js';
import { TransferRecipient } from './transfer-recipient.entity.js';

export type TransferStatus = 'pending' | 'posted' | 'settled' | 'failed' | 'returned' | 'cancelled';
export type TransferRail = 'rtp' | 'same-day-ach' | 'ach';

/**
 * A money movement from one of the user's linked accounts (over Plaid Transfer) to another of
 * its accounts or to a saved recipient. Status follows Plaid's transfer events.
 */
export const Transfer = defineEntity({
  name: 'Transfer',
  tableName: 'transfers',
  indexes: [{ properties: ['endUser', 'createdAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** Public id, `tfr_…`. */
    publicId: p.string().length(40).unique(),
    endUser: p.manyToOne(EndUser).ref().deleteRule('cascade'),
    item: p.manyToOne(PlaidItem).ref().deleteRule('cascade'),
    fromAccountId: p.string().length(100),
    toAccountId: p.string().length(100).nullable(),
    recipient: p.manyToOne(TransferRecipient).ref().nullable().deleteRule('set null'),
    amountCents: p.bigint('number'),
    currency: p.string().length(3),
    memo: p.string().length(200).nullable(),
    rail: p.string().length(20).$type<TransferRail>(),
    status: p.string().length(20).$type<TransferStatus>(),
    plaidAuthorizationId: p.string().length(100),
    plaidTransferId: p.string().length(100).unique(),
    estimatedSettlement: p.datetime(),
    failureReason: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type TransferEntity = InferEntity<typeof Transfer>;
