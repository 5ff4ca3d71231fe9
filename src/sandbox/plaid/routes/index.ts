import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { accountRoutes } from './accounts.js';
import { authenticate } from './auth.js';
import { itemRoutes } from './items.js';
import { linkRoutes } from './link.js';
import { transactionRoutes } from './transactions.js';
import { transferAuthorizationRoutes } from './transfer-authorization.js';
import { transferEventRoutes } from './transfer-events.js';
import { transferRoutes } from './transfers.js';
import { webhookRoutes } from './webhooks.js';

/**
 * Plaid's API surface. Every call is counted and passed through fault injection first (a faulted
 * call fails the way an overloaded Plaid would, before it is even authenticated), then authenticated.
 */
export async function plaidApi(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.addHook('onRequest', async (request) => {
    const endpoint = request.routeOptions.url;
    if (!endpoint) return;
    ctx.calls.increment(endpoint);
    const outcome = ctx.faults.decide(endpoint);
    request.log.debug({ endpoint, fault: outcome }, 'plaid emulator call');
    if (outcome.hang) return ctx.stalls.hold(request);
    if (outcome.latencyMs > 0) await ctx.stalls.hold(request, outcome.latencyMs);
    if (outcome.error) throw outcome.error;
  });
  app.addHook('preHandler', authenticate(ctx));

  await app.register(linkRoutes, { ctx });
  await app.register(itemRoutes, { ctx });
  await app.register(accountRoutes, { ctx });
  await app.register(transactionRoutes, { ctx });
  await app.register(webhookRoutes, { ctx });
  await app.register(transferAuthorizationRoutes, { ctx });
  await app.register(transferRoutes, { ctx });
  await app.register(transferEventRoutes, { ctx });
}
