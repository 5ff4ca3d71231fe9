import type { FastifyInstance } from 'fastify';
import type { SharedServices } from '../graphql/context.js';
import { requireApiKey } from './auth.js';
import { registerBankingRoutes } from './rest/banking-routes.js';
import { registerInsightsRoutes } from './rest/insights-routes.js';
import { acceptUnlabelledJson } from './rest/json-body.js';
import { registerTransferRoutes } from './rest/transfer-routes.js';

/**
 * The AtlasForge REST reference's routes under /v1 and /api, registered in one encapsulated
 * context so the API-key check covers every one of them. Each domain adds its route module here;
 * routes that use another credential (ingest secret, provider webhooks) live outside this context.
 */
export async function registerRestRoutes(app: FastifyInstance, opts: { services: SharedServices }): Promise<void> {
  // onRequest: a request without a valid key is refused before its body is read or parsed.
  app.addHook('onRequest', requireApiKey);
  acceptUnlabelledJson(app);
  registerBankingRoutes(app, opts.services);
  registerInsightsRoutes(app, opts.services);
  registerTransferRoutes(app, opts.services);
}
