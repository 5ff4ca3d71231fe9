import type { Resolvers } from '../../generated/graphql.js';

export const healthResolvers: Resolvers = {
  Query: {
    health: (_parent, _args, ctx) => ctx.services.health.check(),
  },
  Health: {
    status: (report) => report.status === 'ok' ? 'OK' : report.status === 'degraded' ? 'DEGRADED' : 'DOWN',
    database: (report) => (report.database === 'up' ? 'UP' : 'DOWN'),
    upstreams: (report) => ({
      plaid: report.upstreams.plaid === 'up' ? 'UP' : 'DOWN',
      atomic: report.upstreams.atomic === 'up' ? 'UP' : 'DOWN',
    }),
    redis: (report) => (report.redis === null ? null : report.redis === 'up' ? 'UP' : 'DOWN'),
    mode: (report) => (report.mode === 'live' ? 'LIVE' : 'SANDBOX'),
  },
};
