import type { FastifyInstance } from 'fastify';
import { PLAID_ENDPOINTS, type EmulatorContext } from '../context.js';
import { parseFaultSpec } from './faults.js';

/**
 * Test and benchmark controls, not part of Plaid's API (and so not behind Plaid's auth):
 * fault injection, per-endpoint call counters and the recent webhook deliveries.
 */
export async function controlRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.post('/faults', async (request, reply) => {
    const spec = parseFaultSpec(request.body, PLAID_ENDPOINTS);
    if (typeof spec === 'string') return reply.code(400).send({ error: spec });
    return reply.code(201).send(ctx.faults.add(spec));
  });

  app.get('/faults', async () => ctx.faults.list());

  app.delete('/faults', async () => ({ cleared: ctx.faults.clear() }));

  app.delete<{ Params: { id: string } }>('/faults/:id', async (request, reply) => {
    if (!ctx.faults.remove(request.params.id)) return reply.code(404).send({ error: 'no such fault' });
    return reply.code(204).send();
  });

  app.get('/calls', async () => ctx.calls.snapshot());

  app.post('/calls/reset', async () => {
    ctx.calls.reset();
    return { reset: true };
  });

  app.get('/webhooks', async () => ctx.dispatcher.deliveries());

  app.delete('/webhooks', async () => {
    ctx.dispatcher.clear();
    return { cleared: true };
  });
}
