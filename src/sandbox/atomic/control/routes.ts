import type { FastifyInstance } from 'fastify';
import { ATOMIC_ENDPOINTS, type EmulatorContext } from '../context.js';
import { AtomicApiError, errorBody } from '../errors.js';
import { TASK_STATUSES, type TaskStatus } from '../types.js';
import { parseFaultSpec } from './faults.js';

/**
 * Test and benchmark controls, not part of Atomic's API (and so not behind its auth): fault
 * injection, per-endpoint call counters, webhook deliveries and URL, and moving tasks along.
 */
export async function controlRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.post('/faults', async (request, reply) => {
    const spec = parseFaultSpec(request.body, ATOMIC_ENDPOINTS);
    if (typeof spec === 'string') return reply.code(400).send({ error: spec });
    return reply.code(201).send(ctx.faults.add(spec));
  });

  app.get('/faults', async () => ctx.faults.list());

  app.delete('/faults', async () => ({ cleared: ctx.faults.clear() }));

  app.delete<{ Params: { id: string } }>('/faults/:id', async (request, reply) => {
    if (!ctx.faults.remove(request.params.id)) return reply.code(404).send({ error: 'no such fault' });
    return reply.code(204).send();
  });

  // `?by=method` keys the counters by "METHOD pattern" instead of the pattern alone.
  app.get<{ Querystring: { by?: string } }>('/calls', async (request) => ctx.calls.snapshot(request.query.by === 'method'));

  app.post('/calls/reset', async () => {
    ctx.calls.reset();
    return { reset: true };
  });

  app.get('/webhooks', async () => ctx.dispatcher.deliveries());

  app.delete('/webhooks', async () => {
    ctx.dispatcher.clear();
    return { cleared: true };
  });

  app.get('/webhook-url', async () => ({ url: ctx.store.webhookUrl }));

  app.put('/webhook-url', async (request, reply) => {
    const url = (request.body as { url?: unknown } | undefined)?.url;
    if (url !== null && (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url))) {
      return reply.code(400).send({ error: 'url must be an http(s) URL, or null to stop sending webhooks' });
    }
    ctx.store.webhookUrl = url;
    ctx.store.save();
    return { url };
  });

  // Automatic steps for tasks created at run time: every `stepMs` (0 = only via /tasks/:taskId/advance).
  app.put('/task-timing', async (request, reply) => {
    const stepMs = (request.body as { stepMs?: unknown } | undefined)?.stepMs;
    if (typeof stepMs !== 'number' || !Number.isInteger(stepMs) || stepMs < 0) {
      return reply.code(400).send({ error: 'stepMs must be a non-negative integer' });
    }
    ctx.store.taskStepMs = stepMs;
    ctx.store.save();
    return { stepMs };
  });

  app.post<{ Params: { taskId: string } }>('/tasks/:taskId/advance', async (request, reply) => {
    const body = (request.body ?? {}) as { status?: unknown; failReason?: unknown };
    if (body.status !== undefined && !TASK_STATUSES.includes(body.status as TaskStatus)) {
      return reply.code(400).send({ error: `status must be one of ${TASK_STATUSES.join(', ')}` });
    }
    if (body.failReason !== undefined && typeof body.failReason !== 'string') {
      return reply.code(400).send({ error: 'failReason must be a string' });
    }
    try {
      const { task, webhook } = await ctx.lifecycle.advance(request.params.taskId, body.status as TaskStatus | undefined, body.failReason);
      const { files: _files, nextStepAt: _next, ...details } = task;
      return { task: details, webhook: webhook ?? null };
    } catch (err) {
      if (err instanceof AtomicApiError) return reply.code(err.statusCode).send(errorBody(err));
      throw err;
    }
  });
}
