import type { Resolvers } from '../generated/graphql.js';
import { healthResolvers } from '../modules/health/resolvers.js';
import { partnerResolvers } from '../modules/partners/resolvers.js';

const MODULE_RESOLVERS: Resolvers[] = [healthResolvers, partnerResolvers];

/** Merges each module's resolver map type by type; two modules defining the same field is a bug. */
export function mergeResolvers(maps: Resolvers[] = MODULE_RESOLVERS): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      const target = (merged[typeName] ??= {});
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`resolver ${typeName}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged as Resolvers;
}
