import type { PlaidError } from 'plaid';
import { PlaidErrorType } from 'plaid';

/**
 * The Plaid errors this emulator can produce, with Plaid's error_type, HTTP status and message
 * (taken from Plaid's error reference). Fault injection may name any of these codes too.
 */
interface CatalogEntry {
  type: PlaidErrorType;
  status: number;
  message: string;
}

const T = PlaidErrorType;
const RATE_LIMIT_MESSAGE = 'rate limit exceeded for attempts to access this item. please try again later';
const INSTITUTION_DOWN_MESSAGE = 'this institution is not currently responding to this request. please try again soon';

export const ERROR_CATALOG = {
  // INVALID_REQUEST
  MISSING_FIELDS: { type: T.InvalidRequest, status: 400, message: 'the following required fields are missing' },
  INVALID_FIELD: { type: T.InvalidRequest, status: 400, message: 'one or more fields in the request are invalid' },
  INVALID_BODY: { type: T.InvalidRequest, status: 400, message: 'body could not be parsed as JSON' },
  NOT_FOUND: { type: T.InvalidRequest, status: 404, message: 'not found' },
  // INVALID_INPUT
  INVALID_API_KEYS: { type: T.InvalidInput, status: 400, message: 'invalid client_id or secret provided' },
  INVALID_ACCESS_TOKEN: { type: T.InvalidInput, status: 400, message: 'could not find matching access token' },
  INVALID_PUBLIC_TOKEN: { type: T.InvalidInput, status: 400, message: 'could not find matching public token' },
  INVALID_INSTITUTION: { type: T.InvalidInput, status: 400, message: 'invalid institution_id provided' },
  INVALID_PRODUCT: { type: T.InvalidInput, status: 400, message: 'client is not authorized to access the following products' },
  INVALID_ACCOUNT_ID: { type: T.InvalidInput, status: 400, message: 'failed to find requested account ID for requested item' },
  INVALID_WEBHOOK_VERIFICATION_KEY_ID: {
    type: T.InvalidInput,
    status: 400,
    message:
      'invalid key_id provided. note that key_ids are specific to Plaid environments, and verification requests must be made to the same environment that the webhook was sent from',
  },
  // ITEM_ERROR
  ITEM_NOT_FOUND: {
    type: T.ItemError,
    status: 400,
    message:
      'The Item you requested cannot be found. This Item does not exist, has been previously removed via /item/remove, or has had access removed by the user.',
  },
  ITEM_LOGIN_REQUIRED: {
    type: T.ItemError,
    status: 400,
    message:
      "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
  },
  PRODUCT_NOT_READY: {
    type: T.ItemError,
    status: 400,
    message: 'the requested product is not yet ready. please provide a webhook or try the request again later',
  },
  // INSTITUTION_ERROR
  INSTITUTION_DOWN: { type: T.InstitutionError, status: 400, message: INSTITUTION_DOWN_MESSAGE },
  INSTITUTION_NOT_RESPONDING: { type: T.InstitutionError, status: 400, message: INSTITUTION_DOWN_MESSAGE },
  // TRANSACTIONS_ERROR
  TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION: {
    type: T.TransactionsError,
    status: 400,
    message: 'Underlying transaction data changed since last page was fetched. Please restart pagination from last update.',
  },
  // SANDBOX_ERROR
  SANDBOX_WEBHOOK_INVALID: {
    type: T.SandboxError,
    status: 400,
    message: "Webhook for this item is either not set up, or invalid. Please update the item's webhook and try again.",
  },
  // TRANSFER_ERROR
  TRANSFER_LIMIT_REACHED: { type: T.TransferError, status: 400, message: 'transfer limit exceeded' },
  TRANSFER_UNSUPPORTED_ACCOUNT_TYPE: {
    type: T.TransferError,
    status: 400,
    message: 'transfers are only supported to and from checking and savings accounts',
  },
  TRANSFER_NOT_CANCELLABLE: { type: T.TransferError, status: 400, message: 'transfer is not cancellable' },
  // RATE_LIMIT_EXCEEDED: Plaid names the limit after the endpoint family.
  RATE_LIMIT: { type: T.RateLimitExceeded, status: 429, message: RATE_LIMIT_MESSAGE },
  ACCOUNTS_LIMIT: { type: T.RateLimitExceeded, status: 429, message: RATE_LIMIT_MESSAGE },
  BALANCE_LIMIT: { type: T.RateLimitExceeded, status: 429, message: RATE_LIMIT_MESSAGE },
  ITEM_GET_LIMIT: { type: T.RateLimitExceeded, status: 429, message: RATE_LIMIT_MESSAGE },
  TRANSACTIONS_LIMIT: { type: T.RateLimitExceeded, status: 429, message: RATE_LIMIT_MESSAGE },
  TRANSACTIONS_SYNC_LIMIT: { type: T.RateLimitExceeded, status: 429, message: RATE_LIMIT_MESSAGE },
  // API_ERROR
  INTERNAL_SERVER_ERROR: { type: T.ApiError, status: 500, message: 'an unexpected error occurred' },
  PLANNED_MAINTENANCE: {
    type: T.ApiError,
    status: 503,
    message: 'the Plaid API is temporarily unavailable due to planned maintenance. visit https://status.plaid.com/ for more information',
  },
} satisfies Record<string, CatalogEntry>;

export type PlaidErrorCode = keyof typeof ERROR_CATALOG;

export function isPlaidErrorCode(code: string): code is PlaidErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOG, code);
}

/** The per-endpoint RATE_LIMIT_EXCEEDED code Plaid uses; RATE_LIMIT for everything else. */
export function rateLimitCodeFor(endpoint: string): PlaidErrorCode {
  const codes: Record<string, PlaidErrorCode> = {
    '/accounts/get': 'ACCOUNTS_LIMIT',
    '/accounts/balance/get': 'BALANCE_LIMIT',
    '/item/get': 'ITEM_GET_LIMIT',
    '/transactions/sync': 'TRANSACTIONS_SYNC_LIMIT',
    '/transactions/recurring/get': 'TRANSACTIONS_LIMIT',
  };
  return codes[endpoint] ?? 'RATE_LIMIT';
}

/** Thrown by handlers; the app's error handler turns it into Plaid's error body. */
export class PlaidApiError extends Error {
  readonly code: PlaidErrorCode;
  readonly type: PlaidErrorType;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(code: PlaidErrorCode, message?: string, options: { status?: number; headers?: Record<string, string> } = {}) {
    const entry: CatalogEntry = ERROR_CATALOG[code];
    super(message ?? entry.message);
    this.name = 'PlaidApiError';
    this.code = code;
    this.type = entry.type;
    this.status = options.status ?? entry.status;
    this.headers = options.headers ?? {};
  }
}

export const missingFields = (fields: string[]): PlaidApiError =>
  new PlaidApiError('MISSING_FIELDS', `the following required fields are missing: ${fields.join(', ')}`);

export const invalidField = (message: string): PlaidApiError => new PlaidApiError('INVALID_FIELD', message);

const DOC_SECTIONS: Partial<Record<PlaidErrorType, string>> = {
  [T.InvalidRequest]: 'invalid-request',
  [T.InvalidInput]: 'invalid-input',
  [T.ItemError]: 'item',
  [T.InstitutionError]: 'institution',
  [T.TransactionsError]: 'transactions',
  [T.SandboxError]: 'sandbox',
  [T.TransferError]: 'transfer',
  [T.RateLimitExceeded]: 'rate-limit-exceeded',
  [T.ApiError]: 'api',
};

/** Plaid's error object, exactly the fields Plaid sends. */
export function errorBody(error: PlaidApiError, requestId: string): PlaidError {
  const section = DOC_SECTIONS[error.type] ?? 'errors';
  return {
    error_type: error.type,
    error_code: error.code,
    error_code_reason: null,
    error_message: error.message,
    display_message: null,
    request_id: requestId,
    causes: [],
    status: error.status,
    documentation_url: `https://plaid.com/docs/errors/${section}/#${error.code.toLowerCase()}`,
    suggested_action: null,
  };
}
