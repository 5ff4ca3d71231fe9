import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * How far the gateway has read Plaid's transfer event stream (/transfer/event/sync `after_id`),
 * per upstream environment: test keys' transfers live in Plaid's sandbox, live keys' in production.
 */
export const TransferEventCursor = defineEntity({
  name: 'TransferEventCursor',
  tableName: 'transfer_event_cursors',
  properties: {
    keyMode: p.string().length(10).primary().$type<'test' | 'live'>(),
    afterId: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type TransferEventCursorEntity = InferEntity<typeof TransferEventCursor>;
