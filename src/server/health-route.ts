import type { FastifyInstance } from 'fastify';
import type { HealthService } from '../modules/health/health-service.js';

/** Unauthenticated on purpose: load balancers and partners probe configuration here. */
export function registerHealthRoute(app: FastifyInstance, health: HealthService): void {
  app.get('/api/v1/health', async (_request, reply) => {
    const report = await health.check();
    return reply.code(report.status === 'down' ? 503 : 200).send(report);
  });
}
