import { GraphQLScalarType } from 'graphql';
import type { Resolvers } from '../generated/graphql.js';
import { atomicRootResolvers } from '../modules/atomic/resolvers.js';
import { atomicTypeResolvers } from '../modules/atomic/type-resolvers.js';
import { bankingResolvers } from '../modules/banking/resolvers.js';
import { healthResolvers } from '../modules/health/resolvers.js';
import { insightsResolvers } from '../modules/insights/resolvers.js';
import { partnerResolvers } from '../modules/partners/resolvers.js';
import { transferResolvers } from '../modules/transfers/resolvers.js';
import { usageResolvers } from '../modules/usage/resolvers.js';
import { usageSubscriptionResolvers } from '../modules/usage/subscription-resolvers.js';
import { userResolvers } from '../modules/users/resolvers.js';
import { webhookResolvers } from '../modules/webhooks/resolvers.js';
import { DateScalar, DateTimeScalar, MoneyScalar } from './scalars.js';

const SCALARS = { Date: DateScalar, DateTime: DateTimeScalar, Money: MoneyScalar } as unknown as Resolvers;

const MODULE_RESOLVERS: Resolvers[] = [
  SCALARS,
  healthResolvers,
  partnerResolvers,
  userResolvers,
  bankingResolvers,
  atomicTypeResolvers,
  atomicRootResolvers,
  usageResolvers,
  usageSubscriptionResolvers,
  insightsResolvers,
  transferResolvers,
  webhookResolvers,
];

/** Merges each module's resolver map type by type; two modules defining the same field is a bug. */
export function mergeResolvers(maps: Resolvers[] = MODULE_RESOLVERS): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      if (fields instanceof GraphQLScalarType) {
        merged[typeName] = fields as never;
        continue;
      }
      const target = (merged[typeName] ??= {});
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`resolver ${typeName}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged as Resolvers;
}
