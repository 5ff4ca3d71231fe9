import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { validationError } from '../errors.js';
import { userTask } from '../tasks/render.js';
import { TASK_STATUSES } from '../types.js';
import { mergeUserData, parseUserData } from '../users/user-data.js';
import { asBody, oneOf, optionalObject, requiredString } from '../validation.js';
import { backendCaller } from './auth.js';
import { optionalQuery } from './common.js';

type UserParams = { Params: { identifier: string } };

export async function userRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  // Update User (PCI host): `{identifier, data: {identity?, cards?, accounts?}}`, upserted.
  // The reference shows no response body; `{success: true}` as for end-monitoring.
  app.put('/user', async (request) => {
    backendCaller(ctx, request);
    const body = asBody(request.body);
    const identifier = requiredString(body, 'identifier');
    const data = optionalObject(body, 'data');
    if (!data) throw validationError('data is required.');
    const parsed = parseUserData(data, true);
    const user = ctx.users.ensure(identifier);
    mergeUserData(user.data, parsed);
    ctx.store.save();
    return { success: true };
  });

  app.get<UserParams>('/user/:identifier/tasks', async (request) => {
    backendCaller(ctx, request);
    const { identifier } = request.params;
    const status = optionalQuery(request, 'status');
    if (status !== undefined) oneOf(status, TASK_STATUSES, 'status');
    const available = optionalQuery(request, 'payrollDataAvailable');
    if (available !== undefined) oneOf(available, ['true', 'false'] as const, 'payrollDataAvailable');
    ctx.users.ensure(identifier);
    const tasks = ctx.tasks
      .forUser(identifier)
      .filter((t) => status === undefined || t.status === status)
      .filter((t) => available === undefined || String(t.payrollDataAvailable ?? false) === available);
    return { data: { tasks: tasks.map(userTask) } };
  });

  app.put<UserParams>('/user/:identifier/end-monitoring', async (request) => {
    backendCaller(ctx, request);
    const user = ctx.users.ensure(request.params.identifier);
    user.monitoringEndedAt ??= ctx.now().toISOString();
    ctx.store.save();
    return { success: true };
  });
}
