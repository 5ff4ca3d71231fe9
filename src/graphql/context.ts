import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config/config.js';
import type { TokenCipher } from '../crypto/token-cipher.js';
import type { BankingService } from '../modules/banking/banking-service.js';
import type { BankingLoaders } from '../modules/banking/loaders.js';
import type { SyncEngine } from '../modules/banking/sync-engine.js';
import type { HealthService } from '../modules/health/health-service.js';
import type { CashflowService } from '../modules/insights/cashflow-service.js';
import type { SafeToSpendService } from '../modules/insights/safe-to-spend-service.js';
import type { RecipientService } from '../modules/transfers/recipient-service.js';
import type { TransferEventSync } from '../modules/transfers/transfer-event-sync.js';
import type { TransferService } from '../modules/transfers/transfer-service.js';
import type { AuthenticatedPartner } from '../modules/partners/partner-types.js';
import type { TenantScope } from '../modules/users/tenant-scope.js';
import type { AtomicAccessService } from '../modules/atomic/atomic-access-service.js';
import type { CompanyMatchCache } from '../modules/atomic/company-cache.js';
import type { PayLinkService } from '../modules/atomic/paylink-service.js';
import type { PayrollService } from '../modules/atomic/payroll-service.js';
import type { AtomicLoaders } from '../modules/atomic/type-resolvers.js';
import type { AtomicRegistry } from '../upstreams/atomic/atomic-registry.js';
import type { AtomicCompany } from '../upstreams/atomic/atomic-wire.js';
import type { IngestService } from '../modules/usage/ingest-service.js';
import type { UsageBus } from '../modules/usage/usage-bus.js';
import type { RetentionSweeper } from '../modules/retention/retention-sweeper.js';
import type { WebhookRuntime } from '../modules/webhooks/webhook-runtime.js';
import type { WebhookService } from '../modules/webhooks/webhook-service.js';
import type { PlaidRegistry } from '../upstreams/plaid/plaid-registry.js';

/** Process-wide services shared by every request (stateless or internally synchronised). */
export interface SharedServices {
  config: AppConfig;
  health: HealthService;
  cipher: TokenCipher;
  plaid: PlaidRegistry;
  sync: SyncEngine;
  atomic: AtomicRegistry;
  ingest: IngestService;
  /** Applies Plaid transfer events (webhook-triggered) to transfer statuses. */
  transferEvents: TransferEventSync;
  usageBus: UsageBus;
  /** Outgoing webhooks: the SSRF guard and the delivery scheduler (started and stopped with the server). */
  webhooks: WebhookRuntime;
  /** Purges expired idempotency keys and old webhook events (started with delivery, stopped at close). */
  retention: RetentionSweeper;
  /** find-company answers per merchant, across requests (TTL from COMPANY_CACHE_TTL_SECONDS). */
  companyCache: CompanyMatchCache<AtomicCompany>;
  /** Where providers should send webhooks for this gateway (known once it listens). */
  publicUrl: () => string | undefined;
}

/** Per-request services, built after authentication; the REST routes use the same ones. */
export interface RequestServices {
  tenant: TenantScope;
  banking: BankingService;
  loaders: BankingLoaders;
  atomic: { access: AtomicAccessService; paylink: PayLinkService; payroll: PayrollService };
  atomicLoaders: AtomicLoaders;
  insights: { safeToSpend: SafeToSpendService; cashflow: CashflowService };
  webhooks: WebhookService;
  transfers: { transfers: TransferService; recipients: RecipientService };
}

/**
 * What every resolver receives. The partner is always present (no anonymous GraphQL), `em` is a
 * fork private to this request, and loaders never outlive the request.
 */
export interface GraphQLContext extends RequestServices {
  requestId: string;
  log: FastifyBaseLogger;
  /**
   * Absent only for the ingest principal, which principal-guard.ts confines to fields that never
   * read it (ingest mutations, adminUsage, health).
   */
  partner: AuthenticatedPartner;
  ingestPrincipal: boolean;
  em: EntityManager;
  services: SharedServices;
}
