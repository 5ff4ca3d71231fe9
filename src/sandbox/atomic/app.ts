import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { EmulatorContext } from './context.js';
import { CallCounter } from './control/calls.js';
import { FaultRegistry } from './control/faults.js';
import { controlRoutes } from './control/routes.js';
import { StalledRequests } from '../shared/stalls.js';
import { AtomicApiError, errorBody } from './errors.js';
import { continueWorkflow } from './payroll/workflows.js';
import { recordLinkedAccountResult } from './payroll/service.js';
import { atomicApi } from './routes/index.js';
import { fileRoutes } from './routes/files.js';
import { StateStore } from './state/store.js';
import { TaskLifecycle } from './tasks/lifecycle.js';
import { TaskRegistry } from './tasks/registry.js';
import { UserDirectory } from './users/directory.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';

export interface AtomicEmulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (a random free port). */
  port?: number;
  /** The x-api-key the emulator accepts. */
  apiKey: string;
  /** The x-api-secret the emulator accepts (also the webhook signing key). */
  apiSecret: string;
  /** JSON state that survives restarts (atomic write: temp + rename); undefined = memory only. */
  stateFile?: string;
  /** Default false (silent). */
  logger?: Logger | false;
  /** The emulator's clock; tests may pin it. Default () => new Date(). */
  now?: () => Date;
  /** Where task-status-updated webhooks are POSTed; can also be set at run time via the control API. */
  webhookUrl?: string;
}

/** Any error becomes `{message, statusCode}`; only AtomicApiError chooses its own status. */
function toAtomicError(error: FastifyError): AtomicApiError {
  if (error instanceof AtomicApiError) return error;
  // Fastify's content-type parser: malformed JSON, empty JSON body, wrong content type, too large.
  if (error.code?.startsWith('FST_ERR_CTP_') || (error instanceof SyntaxError && error.statusCode === 400)) {
    const message =
      error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Request content-type must be application/json.' : 'Request body is not valid JSON.';
    return new AtomicApiError(400, message);
  }
  return new AtomicApiError(500);
}

export async function buildAtomicEmulator(opts: AtomicEmulatorOptions): Promise<FastifyInstance> {
  if (!opts.apiKey || !opts.apiSecret) throw new Error('atomic emulator: apiKey and apiSecret are required');
  const now = opts.now ?? (() => new Date());
  const app = (
    opts.logger
      ? // One debug line per Atomic call (routes/index.ts) instead of Fastify's two info lines per request.
        Fastify({ loggerInstance: opts.logger, logController: new LogController({ disableRequestLogging: true }) })
      : Fastify({ logger: false })
  ) as FastifyInstance;

  const store = StateStore.open(opts.stateFile);
  // The option wins over a URL remembered from an earlier run.
  if (opts.webhookUrl !== undefined) store.webhookUrl = opts.webhookUrl;
  const users = new UserDirectory(store, now);
  const tasks = new TaskRegistry(store, users);
  const dispatcher = new WebhookDispatcher({ secret: opts.apiSecret, now, log: app.log });
  const lifecycle = new TaskLifecycle(tasks, store, dispatcher, now, app.log);
  const ctx: EmulatorContext = {
    apiKey: opts.apiKey,
    apiSecret: opts.apiSecret,
    now,
    log: app.log,
    store,
    users,
    tasks,
    lifecycle,
    dispatcher,
    faults: new FaultRegistry(),
    calls: new CallCounter(),
    stalls: new StalledRequests(),
  };
  lifecycle.onFinished((task) => {
    recordLinkedAccountResult(ctx, task);
    continueWorkflow(ctx, task);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const atomicError = toAtomicError(error);
    if (!(error instanceof AtomicApiError) && atomicError.statusCode >= 500) {
      request.log.error({ err: error }, 'atomic emulator: unexpected error');
    }
    return reply.code(atomicError.statusCode).headers(atomicError.headers).send(errorBody(atomicError));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(new AtomicApiError(404, `Route ${request.method}:${request.url.split('?')[0]} not found.`))),
  );
  // Hung and delayed requests would hold close() open; drop their connections first.
  app.addHook('preClose', async () => {
    lifecycle.stop();
    ctx.stalls.releaseAll();
    ctx.dispatcher.close();
  });

  await app.register(controlRoutes, { prefix: '/__control', ctx });
  await app.register(fileRoutes, { ctx });
  await app.register(atomicApi, { ctx });
  lifecycle.start();
  return app;
}
