import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EndUser } from './end-user.entity.js';

/**
 * A saved external destination for a user's transfers. The account number is sealed with the
 * TokenCipher (AAD = this row's id); only its last four digits are ever shown.
 */
export const TransferRecipient = defineEntity({
  name: 'TransferRecipient',
  tableName: 'transfer_recipients',
  indexes: [{ properties: ['endUser', 'createdAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** Public id, `rcp_…`. */
    publicId: p.string().length(40).unique(),
    endUser: p.manyToOne(EndUser).ref().deleteRule('cascade'),
    name: p.string().length(200),
    routingNumber: p.string().length(9),
    accountNumberCiphertext: p.text(),
    accountNumberKeyId: p.string().length(32),
    mask: p.string().length(4),
    accountType: p.string().length(20).$type<'checking' | 'savings'>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type TransferRecipientEntity = InferEntity<typeof TransferRecipient>;
