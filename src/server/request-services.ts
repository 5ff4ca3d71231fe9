import type { FastifyRequest } from 'fastify';
import type { RequestServices, SharedServices } from '../graphql/context.js';
import { BankingService } from '../modules/banking/banking-service.js';
import { createBankingLoaders } from '../modules/banking/loaders.js';
import { TenantScope } from '../modules/users/tenant-scope.js';

/** Builds the per-request services for an authenticated request (GraphQL context and REST alike). */
export function requestServices(request: FastifyRequest, shared: SharedServices): RequestServices {
  const partner = request.partner!;
  const tenant = new TenantScope(request.em, partner.id);
  const base = shared.publicUrl();
  const banking = new BankingService({
    em: request.em,
    partner,
    tenant,
    plaid: () => shared.plaid.adapter(partner.keyMode, request.log),
    cipher: shared.cipher,
    sync: shared.sync,
    webhookUrl: base ? `${base}/webhooks/plaid` : undefined,
    staleAfterMs: shared.config.transactionsStaleAfterMs,
    log: request.log,
  });
  return { tenant, banking, loaders: createBankingLoaders(banking) };
}
