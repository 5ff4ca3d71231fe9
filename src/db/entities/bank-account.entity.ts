import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EndUser } from './end-user.entity.js';
import { PlaidItem } from './plaid-item.entity.js';

/** An account of a Plaid Item, with its last known balances in integer cents. */
export const BankAccount = defineEntity({
  name: 'BankAccount',
  tableName: 'bank_accounts',
  uniques: [{ properties: ['item', 'plaidAccountId'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    item: p.manyToOne(PlaidItem).ref().deleteRule('cascade'),
    /** Denormalised from the item so tenant-scoped reads need no join. */
    endUser: p.manyToOne(EndUser).ref().deleteRule('cascade'),
    plaidAccountId: p.string().length(100),
    name: p.string().length(200),
    officialName: p.string().length(200).nullable(),
    mask: p.string().length(10).nullable(),
    type: p.string().length(40),
    subtype: p.string().length(60).nullable(),
    currentBalanceCents: p.bigint('number').nullable(),
    availableBalanceCents: p.bigint('number').nullable(),
    isoCurrencyCode: p.string().length(3).nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type BankAccountEntity = InferEntity<typeof BankAccount>;
