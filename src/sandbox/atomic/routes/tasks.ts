import type { FastifyInstance } from 'fastify';
import { companyById, COMPANIES } from '../catalog/companies.js';
import { matchScore } from '../catalog/search.js';
import type { EmulatorContext } from '../context.js';
import { notFound, validationError } from '../errors.js';
import { presignedUrl } from '../files/presign.js';
import { parseTaskConfigs, startWorkflow } from '../payroll/workflows.js';
import { taskDetails, taskStatus } from '../tasks/render.js';
import { asBody, optionalObject, optionalString, requiredString } from '../validation.js';
import { backendCaller } from './auth.js';
import { atomicVersion, baseUrl } from './common.js';

type TaskParams = { Params: { taskId: string } };

export async function taskRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.get<TaskParams>('/task/:taskId/details', async (request) => {
    backendCaller(ctx, request);
    return { data: { task: taskDetails(ctx.tasks.get(request.params.taskId)) } };
  });

  app.get<TaskParams>('/task/:taskId/status', async (request) => {
    backendCaller(ctx, request);
    return taskStatus(ctx.tasks.get(request.params.taskId), atomicVersion(request));
  });

  app.get<{ Params: { taskId: string; fileId: string } }>('/task/:taskId/file/:fileId/generate-url', async (request) => {
    backendCaller(ctx, request);
    const { taskId, fileId } = request.params;
    const task = ctx.tasks.get(taskId);
    if (!(task.files ?? []).includes(fileId)) throw notFound('File');
    return { url: presignedUrl(baseUrl(request), ctx.apiSecret, taskId, fileId, ctx.now()) };
  });

  /**
   * Prescreen (beta): HIGH when the employer is one the emulator can verify and it is operational,
   * LOW otherwise (unknown by name, under maintenance, or no verify support).
   */
  app.post('/task/prescreen', async (request) => {
    backendCaller(ctx, request);
    const body = asBody(request.body);
    const company = optionalObject(body, 'company');
    if (!company) throw validationError('company is required.');
    const product = requiredString(body, 'product');
    if (product.toLowerCase() !== 'verify') throw validationError('product must be verify (the only product prescreen supports).');
    const id = optionalString(company, 'id', 'company.id');
    const name = optionalString(company, 'name', 'company.name');
    if (!id && !name) throw validationError('company.name or company.id is required.');
    const found = id
      ? companyById(id)
      : COMPANIES.filter((c) => c.kind === 'payroll' && matchScore(c.name, name as string) >= 2)[0];
    if (id && !found) throw notFound('Company');
    const confident = found !== undefined && found.status === 'operational' && found.availableProducts.includes('verify');
    return { data: { confidence: confident ? 'HIGH' : 'LOW' } };
  });

  app.post('/task-workflow/from-linked-account', async (request) => {
    backendCaller(ctx, request);
    const body = asBody(request.body);
    const linkedAccount = requiredString(body, 'linkedAccount');
    const configs = parseTaskConfigs(body);
    return { data: startWorkflow(ctx, linkedAccount, configs) };
  });
}
