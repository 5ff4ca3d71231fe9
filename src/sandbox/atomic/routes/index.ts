import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { badRequest } from '../errors.js';
import { accessTokenRoutes } from './access-tokens.js';
import { atomicVersion } from './common.js';
import { companyRoutes } from './companies.js';
import { payLinkRoutes } from './paylink.js';
import { payrollRoutes } from './payroll.js';
import { taskRoutes } from './tasks.js';
import { userRoutes } from './users.js';

/**
 * Atomic's API surface (API host and PCI host on one server: their paths do not collide). Every
 * call is counted and passed through fault injection first (a faulted call fails the way an
 * overloaded Atomic would, before it is even authenticated); each handler then authenticates.
 */
export async function atomicApi(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.addHook('onRequest', async (request) => {
    // A trailing slash is the same endpoint (the reference spells DELETE /pay-link/accounts/ with one).
    const endpoint = request.routeOptions.url?.replace(/(.)\/$/, '$1');
    if (!endpoint) return;
    ctx.calls.increment(endpoint, request.method);
    const outcome = ctx.faults.decide(endpoint, request.method);
    request.log.debug({ endpoint, fault: outcome }, 'atomic emulator call');
    if (outcome.hang) return ctx.stalls.hold(request);
    if (outcome.latencyMs > 0) await ctx.stalls.hold(request, outcome.latencyMs);
    if (outcome.error) throw outcome.error;
    // x-atomic-version is accepted everywhere; it must be a CalVer date (it picks the task status shape).
    const version = atomicVersion(request);
    if (version !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(version)) {
      throw badRequest('x-atomic-version must be a date in the form YYYY-MM-DD.');
    }
  });

  await app.register(accessTokenRoutes, { ctx });
  await app.register(companyRoutes, { ctx });
  await app.register(payLinkRoutes, { ctx });
  await app.register(taskRoutes, { ctx });
  await app.register(userRoutes, { ctx });
  await app.register(payrollRoutes, { ctx });
}
