import type { FastifyRequest } from 'fastify';
import type { RequestServices, SharedServices } from '../graphql/context.js';
import { BankingService } from '../modules/banking/banking-service.js';
import { createBankingLoaders } from '../modules/banking/loaders.js';
import { TenantScope } from '../modules/users/tenant-scope.js';
import { AtomicAccessService } from '../modules/atomic/atomic-access-service.js';
import type { AtomicDeps } from '../modules/atomic/atomic-deps.js';
import { AtomicIdentity } from '../modules/atomic/atomic-identity.js';
import { createAtomicLoaders } from '../modules/atomic/atomic-loaders.js';
import { PayLinkService } from '../modules/atomic/paylink-service.js';
import { PayrollService } from '../modules/atomic/payroll-service.js';
import { CashflowService } from '../modules/insights/cashflow-service.js';
import { SafeToSpendService } from '../modules/insights/safe-to-spend-service.js';
import { WebhookService } from '../modules/webhooks/webhook-service.js';
import type { AtomicAdapter } from '../upstreams/atomic/atomic-adapter.js';
import { RecipientService } from '../modules/transfers/recipient-service.js';
import { TransferService } from '../modules/transfers/transfer-service.js';

/** Builds the per-request services for an authenticated request (GraphQL context and REST alike). */
export function requestServices(request: FastifyRequest, shared: SharedServices): RequestServices {
  const partner = request.partner!;
  const tenant = new TenantScope(request.em, partner.id, partner.keyMode, shared.ingest);
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
    usage: shared.ingest,
    log: request.log,
    dialect: shared.config.database.kind,
  });
  // One Atomic adapter per request, so its in-flight GET de-duplication spans the whole query.
  let atomicAdapter: AtomicAdapter | undefined;
  const atomicDeps: AtomicDeps = {
    em: request.em,
    partnerId: partner.id,
    tenant,
    identity: new AtomicIdentity(request.em),
    atomic: () => (atomicAdapter ??= shared.atomic.adapter(partner.keyMode, request.log)),
    log: request.log,
  };
  const atomic = {
    access: new AtomicAccessService(atomicDeps),
    paylink: new PayLinkService(atomicDeps),
    payroll: new PayrollService(atomicDeps),
  };
  const atomicLoaders = createAtomicLoaders(
    atomicDeps.atomic,
    shared.companyCache,
    partner.keyMode,
    shared.config.atomic.findCompanyBatchLimit,
  );
  const insights = {
    safeToSpend: new SafeToSpendService({ em: request.em, partner, tenant, banking, paylink: atomic.paylink }),
    cashflow: new CashflowService({ banking, paylink: atomic.paylink, payroll: atomic.payroll }),
  };
  const transfers = {
    transfers: new TransferService({ em: request.em, partner, plaid: () => shared.plaid.adapter(partner.keyMode, request.log), cipher: shared.cipher, log: request.log }),
    recipients: new RecipientService(request.em, tenant, shared.cipher),
  };
  const webhooks = new WebhookService({ em: request.em, partnerId: partner.id, keyMode: partner.keyMode, cipher: shared.cipher, runtime: shared.webhooks });
  return { tenant, banking, loaders: createBankingLoaders(banking), atomic, atomicLoaders, insights, transfers, webhooks };
}
