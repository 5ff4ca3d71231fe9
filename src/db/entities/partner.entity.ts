import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const Partner = defineEntity({
  name: 'Partner',
  tableName: 'partners',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(200),
    productionEnabled: p.boolean().default(false),
    /** Requests per second per API key; null means the gateway default. */
    rateLimitPerSecond: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type PartnerEntity = InferEntity<typeof Partner>;
