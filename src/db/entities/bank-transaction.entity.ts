import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EndUser } from './end-user.entity.js';
import { PlaidItem } from './plaid-item.entity.js';

/**
 * A transaction as last reported by Plaid. Removed transactions stay as tombstones
 * (`removedAt`) so the partner-facing delta feed can report the removal. `changeSeq` is the
 * position of the row's latest change in the delta feed (higher = newer).
 */
export const BankTransaction = defineEntity({
  name: 'BankTransaction',
  tableName: 'bank_transactions',
  uniques: [{ properties: ['item', 'plaidTransactionId'] }],
  indexes: [
    { properties: ['endUser', 'date'] },
    { properties: ['endUser', 'changeSeq'] },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    item: p.manyToOne(PlaidItem).ref().deleteRule('cascade'),
    endUser: p.manyToOne(EndUser).ref().deleteRule('cascade'),
    plaidTransactionId: p.string().length(100),
    plaidAccountId: p.string().length(100),
    /** Plaid's sign convention: positive = money out of the account, negative = money in. */
    amountCents: p.bigint('number'),
    isoCurrencyCode: p.string().length(3).nullable(),
    date: p.date(),
    name: p.string().length(500),
    merchantName: p.string().length(200).nullable(),
    pending: p.boolean(),
    pendingTransactionId: p.string().length(100).nullable(),
    pfcPrimary: p.string().length(100).nullable(),
    pfcDetailed: p.string().length(100).nullable(),
    changeSeq: p.bigint('number'),
    /** Feed position at which the row first appeared: newer than a reader's cursor means "added". */
    addedSeq: p.bigint('number'),
    removedAt: p.datetime().nullable(),
    /** First time this transaction was shown to the partner (one `transaction` usage event then). */
    surfacedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type BankTransactionEntity = InferEntity<typeof BankTransaction>;
