import type { FastifyBaseLogger } from 'fastify';
import type { CallCounter } from './control/calls.js';
import type { FaultRegistry } from './control/faults.js';
import type { StalledRequests } from '../shared/stalls.js';
import type { StateStore } from './state/store.js';
import type { LedgerCache } from './transactions/item-ledger.js';
import type { WebhookDispatcher } from './webhooks/dispatcher.js';
import type { WebhookSigner } from './webhooks/signer.js';

/** Everything the route handlers share; one per emulator instance, so several can run side by side. */
export interface EmulatorContext {
  clientId: string;
  secret: string;
  now: () => Date;
  log: FastifyBaseLogger;
  store: StateStore;
  ledgers: LedgerCache;
  signer: WebhookSigner;
  dispatcher: WebhookDispatcher;
  faults: FaultRegistry;
  calls: CallCounter;
  stalls: StalledRequests;
}

/** The Plaid endpoints this emulator serves (fault injection and call counting are keyed by these). */
export const PLAID_ENDPOINTS = [
  '/link/token/create',
  '/sandbox/public_token/create',
  '/item/public_token/exchange',
  '/item/get',
  '/item/remove',
  '/accounts/get',
  '/accounts/balance/get',
  '/transactions/sync',
  '/transactions/recurring/get',
  '/sandbox/item/fire_webhook',
  '/sandbox/transactions/create',
  '/webhook_verification_key/get',
  '/transfer/capabilities/get',
  '/transfer/authorization/create',
  '/transfer/create',
  '/transfer/get',
  '/transfer/list',
  '/transfer/cancel',
  '/transfer/event/list',
  '/transfer/event/sync',
  '/sandbox/transfer/simulate',
  '/sandbox/transfer/fire_webhook',
] as const;
