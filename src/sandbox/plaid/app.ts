import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { EmulatorContext } from './context.js';
import { CallCounter } from './control/calls.js';
import { FaultRegistry } from './control/faults.js';
import { controlRoutes } from './control/routes.js';
import { StalledRequests } from '../shared/stalls.js';
import { errorBody, PlaidApiError } from './errors.js';
import { newRequestId } from './ids.js';
import { plaidApi } from './routes/index.js';
import { StateStore } from './state/store.js';
import { LedgerCache } from './transactions/item-ledger.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import { createSigningKey, WebhookSigner } from './webhooks/signer.js';

export interface PlaidEmulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (a random free port). */
  port?: number;
  /** The PLAID-CLIENT-ID the emulator accepts. */
  clientId: string;
  /** The PLAID-SECRET the emulator accepts. */
  secret: string;
  /** JSON file where runtime state persists (items, tokens, appended transactions, transfers, signing key); undefined = memory only. */
  stateFile?: string;
  /** Default false (silent). */
  logger?: Logger | false;
  /** The emulator's clock; tests may pin it. Default () => new Date(). */
  now?: () => Date;
}

/** Any error becomes Plaid's error object; only PlaidApiError carries a specific Plaid code. */
function toPlaidError(error: FastifyError): PlaidApiError {
  if (error instanceof PlaidApiError) return error;
  // Fastify's content-type parser: malformed JSON, empty JSON body, wrong content type, too large.
  if (error.code?.startsWith('FST_ERR_CTP_') || (error instanceof SyntaxError && error.statusCode === 400)) {
    const message = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'request content-type must be application/json' : undefined;
    return new PlaidApiError('INVALID_BODY', message);
  }
  return new PlaidApiError('INTERNAL_SERVER_ERROR');
}

export async function buildPlaidEmulator(opts: PlaidEmulatorOptions): Promise<FastifyInstance> {
  if (!opts.clientId || !opts.secret) throw new Error('plaid emulator: clientId and secret are required');
  const now = opts.now ?? (() => new Date());
  const app = (
    opts.logger
      ? // One debug line per Plaid call (routes/index.ts) instead of Fastify's two info lines per request.
        Fastify({ loggerInstance: opts.logger, genReqId: () => newRequestId(), logController: new LogController({ disableRequestLogging: true }) })
      : Fastify({ logger: false, genReqId: () => newRequestId() })
  ) as FastifyInstance;

  const store = StateStore.open(opts.stateFile);
  if (!store.signingKey) {
    store.signingKey = await createSigningKey(now());
    store.save(now().getTime());
  }
  const signer = new WebhookSigner(store.signingKey);
  const ctx: EmulatorContext = {
    clientId: opts.clientId,
    secret: opts.secret,
    now,
    log: app.log,
    store,
    ledgers: new LedgerCache(),
    signer,
    dispatcher: new WebhookDispatcher(signer, { now, log: app.log }),
    faults: new FaultRegistry(),
    calls: new CallCounter(),
    stalls: new StalledRequests(),
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const plaidError = toPlaidError(error);
    if (!(error instanceof PlaidApiError) && plaidError.status >= 500) {
      request.log.error({ err: error }, 'plaid emulator: unexpected error');
    }
    return reply.code(plaidError.status).headers(plaidError.headers).send(errorBody(plaidError, request.id));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(new PlaidApiError('NOT_FOUND'), request.id)),
  );
  // Hung and delayed requests would hold close() open; drop their connections first.
  app.addHook('preClose', async () => {
    ctx.stalls.releaseAll();
    ctx.dispatcher.close();
  });

  await app.register(controlRoutes, { prefix: '/__control', ctx });
  await app.register(plaidApi, { ctx });
  return app;
}
