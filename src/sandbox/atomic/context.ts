import type { FastifyBaseLogger } from 'fastify';
import type { CallCounter } from './control/calls.js';
import type { FaultRegistry } from './control/faults.js';
import type { StalledRequests } from '../shared/stalls.js';
import type { StateStore } from './state/store.js';
import type { TaskLifecycle } from './tasks/lifecycle.js';
import type { TaskRegistry } from './tasks/registry.js';
import type { UserDirectory } from './users/directory.js';
import type { WebhookDispatcher } from './webhooks/dispatcher.js';

/** Everything the route handlers share; one per emulator instance, so several can run side by side. */
export interface EmulatorContext {
  apiKey: string;
  apiSecret: string;
  now: () => Date;
  log: FastifyBaseLogger;
  store: StateStore;
  users: UserDirectory;
  tasks: TaskRegistry;
  lifecycle: TaskLifecycle;
  dispatcher: WebhookDispatcher;
  faults: FaultRegistry;
  calls: CallCounter;
  stalls: StalledRequests;
}

/** The Atomic route patterns this emulator serves (fault injection and call counting are keyed by these). */
export const ATOMIC_ENDPOINTS = [
  '/access-token',
  '/access-token/:publicToken/revoke',
  '/company/search',
  '/pay-link/accounts',
  '/pay-link/accounts/:id',
  '/pay-link/action-history',
  '/pay-link/financial-transactions/find-company',
  '/pay-link/suggestion-review',
  '/task/:taskId/details',
  '/task/:taskId/status',
  '/task/:taskId/file/:fileId/generate-url',
  '/task/prescreen',
  '/task-workflow/from-linked-account',
  '/user',
  '/user/:identifier/tasks',
  '/user/:identifier/end-monitoring',
  '/deposit-accounts/:identifier',
  '/employment/:identifier',
  '/identity/:identifier',
  '/income/:identifier',
  '/statements/:identifier',
  '/timesheets/:identifier',
  '/taxes/:identifier',
  '/linked-account/list/:identifier',
] as const;
