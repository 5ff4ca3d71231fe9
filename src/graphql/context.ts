import type { EntityManager } from '@mikro-orm/core';
import type { FastifyBaseLogger } from 'fastify';
import type { HealthService } from '../modules/health/health-service.js';
import type { AuthenticatedPartner } from '../modules/partners/partner-types.js';

/** Process-wide services shared by every request (stateless or internally synchronised). */
export interface SharedServices {
  health: HealthService;
}

/**
 * What every resolver receives. Built per request after authentication: the partner is always
 * present (no anonymous GraphQL), `em` is a fork private to this request.
 */
export interface GraphQLContext {
  requestId: string;
  log: FastifyBaseLogger;
  partner: AuthenticatedPartner;
  em: EntityManager;
  services: SharedServices;
}
