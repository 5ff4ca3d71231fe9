import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { SafeToSpendFigures } from '../../modules/insights/safe-to-spend.js';
import { EndUser } from './end-user.entity.js';

/**
 * A safe-to-spend result a partner recorded for one of its users (`recordSafeToSpend`, POST
 * /api/v1/ingest). Every recording is kept; `User.latestSafeToSpend` is the newest. The user row
 * belongs to one partner, so the partner is implied by it.
 */
export const SafeToSpendCalculation = defineEntity({
  name: 'SafeToSpendCalculation',
  tableName: 'safe_to_spend_calculations',
  indexes: [{ properties: ['endUser', 'calculatedAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    endUser: p.manyToOne(EndUser).ref().deleteRule('cascade'),
    calculationId: p.string().length(60).unique(),
    calculatedAt: p.datetime(),
    isSandbox: p.boolean(),
    /** The figures in integer cents, breakdown and bills included. */
    figures: p.json<SafeToSpendFigures>(),
  },
});

export type SafeToSpendCalculationEntity = InferEntity<typeof SafeToSpendCalculation>;
