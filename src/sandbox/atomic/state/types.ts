import type { PayLinkAccount, RecurringFinancialTransaction, TaskRecord } from '../types.js';

/**
 * What survives a restart. Generated users are not stored (they are re-derived from their
 * identifier); only the identifiers seen, and what changed at run time, are.
 */
export interface StoredToken {
  publicToken: string;
  identifier: string;
  /** ISO timestamps. */
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** Which flow the token was created for (decided by the fields sent). */
  flow: 'manage' | 'switch';
}

/** Card, bank account and identity details sent with an access token or PUT /user (upserted). */
export interface StoredUserData {
  identity?: Record<string, unknown>;
  cards?: Array<Record<string, unknown>>;
  accounts?: Array<Record<string, unknown>>;
}

export interface StoredUser {
  identifier: string;
  firstSeenAt: string;
  data: StoredUserData;
  deletedAccountIds: string[];
  /** Accounts created by Detect Accounts (connection status `initial`). */
  detectedAccounts: PayLinkAccount[];
  /** Recurring expenses Detect Accounts attached to accounts the user already had, by account id. */
  recurring: Record<string, RecurringFinancialTransaction>;
  monitoringEndedAt: string | null;
}

/** The task list of a workflow started from a linked account. */
export interface TaskConfig {
  operation: 'deposit' | 'verify' | 'earn' | 'tax';
  onComplete: 'continue' | 'finish';
  onFail: 'continue' | 'finish';
  distribution?: { type: 'total' | 'fixed' | 'percent'; amount?: number };
}

export interface StoredWorkflow {
  _id: string;
  identifier: string;
  linkedAccount: string;
  tasks: TaskConfig[];
  /** Ids of the tasks created so far, in order. */
  taskIds: string[];
  finished: boolean;
}

export interface StoredSuggestionReview {
  _id: string;
  suggestionId: string;
  rating: string;
  identifier?: string;
  createdAt: string;
}

export interface LinkedAccountUpdate {
  lastSuccess?: string;
  lastFailure?: string;
}

export interface PersistedState {
  version: 1;
  kind: 'atomic-emulator';
  tokens: StoredToken[];
  users: StoredUser[];
  /** Every task created at run time, and every seeded/generated task whose status changed. */
  tasks: TaskRecord[];
  workflows: StoredWorkflow[];
  linkedAccountUpdates: Record<string, LinkedAccountUpdate>;
  suggestionReviews: StoredSuggestionReview[];
  webhookUrl: string | null;
  taskStepMs: number;
}
