import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EndUser } from './end-user.entity.js';

/** How far a partner has consumed one user's transaction delta feed ("call without a cursor to resume"). */
export const TransactionFeedCursor = defineEntity({
  name: 'TransactionFeedCursor',
  tableName: 'transaction_feed_cursors',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    endUser: p.manyToOne(EndUser).ref().deleteRule('cascade').unique(),
    /** Opaque feed cursor (see banking/feed-cursor.ts) of the last page returned without an explicit cursor. */
    cursor: p.text(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type TransactionFeedCursorEntity = InferEntity<typeof TransactionFeedCursor>;
