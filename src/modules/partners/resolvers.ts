import type { Resolvers } from '../../generated/graphql.js';

export const partnerResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, ctx) => ctx.partner,
  },
  Viewer: {
    mode: (viewer) => (viewer.keyMode === 'live' ? 'LIVE' : 'TEST'),
  },
};
