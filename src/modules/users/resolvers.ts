import type { Resolvers } from '../../generated/graphql.js';
import { assertUserId } from './tenant-scope.js';

export const userResolvers: Resolvers = {
  Query: {
    // Reading never creates a user: an unknown id is a user with no data.
    user: async (_p, { id }, ctx) => ({ externalId: assertUserId(id, 'id'), row: await ctx.tenant.findUser(id) }),
  },
  User: {
    id: (user) => user.externalId,
  },
};
