/**
 * The wire shapes this emulator serves, named after the objects in Atomic's references (field names
 * exactly as there: `_id`, camelCase). Kept local so the emulator stands alone.
 */

export interface Logo {
  _id?: string;
  url: string;
  backgroundColor?: string;
}

export interface Branding {
  logo?: Logo;
  color?: string;
}

/** PayLink task products (`present` = Manage, `switch`) and UserLink ones. */
export const PAYLINK_PRODUCTS = ['present', 'switch'] as const;
export const USERLINK_PRODUCTS = ['deposit', 'verify', 'earn', 'tax'] as const;
export const ALL_PRODUCTS = [...PAYLINK_PRODUCTS, ...USERLINK_PRODUCTS] as const;
export type Product = (typeof ALL_PRODUCTS)[number];

/** Every status the UserLink reference lists; the PayLink ones are a subset. */
export const TASK_STATUSES = [
  'invited',
  'queued',
  'processing',
  'paused',
  'captcha',
  'mfa',
  'error',
  'failed',
  'retry',
  'completed',
  'manual',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TERMINAL_STATUSES: readonly TaskStatus[] = ['completed', 'failed'];

export interface PaymentMethod {
  type: 'bank' | 'card' | 'paypal';
  lastFour?: string;
  brand?: string;
  isPrimary?: boolean;
  description?: string;
  expiry?: string;
  accountNumber?: string;
  routingNumber?: string;
}

export interface AccountIdentity {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  address?: string;
  address2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
}

export interface Action {
  type: string;
  /** The reference's example names it `id`, its field list `actionId`: both are served. */
  id: string;
  actionId: string;
  automated: boolean;
}

export interface Plan {
  sourceId?: string;
  typeId?: string;
  status?: string;
  description?: string;
  amount?: number;
  freeTrial?: boolean;
  pendingChange?: Record<string, unknown>;
}

export interface Bill {
  _id: string;
  sourceId: string;
  name?: string;
  amount?: number;
  amountDisclaimer?: string;
  autopayStatus?: 'enabled' | 'disabled' | 'paused';
  billingCycle?: 'monthly' | 'bi-monthly' | 'every-three-months' | 'every-six-months' | 'annually';
  dueDate?: string;
  paymentHistory?: Array<{ date: string; amount: number }>;
  items?: Array<{ description: string; amount: number }>;
  usage?: Array<{ description: string; limit: number; unit: string; used: number }>;
  profiles?: Array<{ name: string; lastUsed: string }>;
  paymentMethod?: PaymentMethod;
  plans?: Plan[];
  company?: PayLinkCompany;
  actions?: Action[];
}

export interface PayLinkCompany {
  _id: string;
  name: string;
  branding: Branding;
}

export interface FinancialTransactionIn {
  identifier: string;
  date: string;
  description: string;
  amount: number;
  currency?: string;
  merchantName?: string;
  type?: string;
  category?: string;
  subCategory?: string;
}

export interface RecurringFinancialTransaction {
  name: string;
  type: 'incoming' | 'outgoing';
  financialTransactions: FinancialTransactionIn[];
  category: string;
}

export interface PayLinkAccount {
  _id: string;
  processing: boolean;
  connectionStatus: 'initial' | 'connected' | 'disconnected';
  /** Spelled this way in every example response; `lastSyncedAt` is the documented name. Both are served. */
  lastSynedAt?: string;
  lastSyncedAt?: string;
  data?: {
    category: string;
    identities?: AccountIdentity[];
    paymentMethods?: PaymentMethod[];
  };
  company: PayLinkCompany;
  actions: Action[];
  bills: Bill[];
  recurringFinancialTransaction?: RecurringFinancialTransaction;
}

/** A company or connector as the payroll data endpoints embed it. */
export interface PayrollCompanyRef {
  _id: string;
  name: string;
  branding: Branding;
}

/** One entry of a payroll data response: `{<key>: value, company, connector, linkedAccount, task}`. */
export interface PayrollEntry<T> {
  value: T;
  company: PayrollCompanyRef;
  connector: PayrollCompanyRef;
  linkedAccount?: string;
  task: string;
}

export interface LinkedAccount {
  _id: string;
  valid: boolean;
  connector: PayrollCompanyRef;
  company: PayrollCompanyRef;
  lastSuccess?: string;
  lastFailure?: string;
  transactRequired: boolean;
}

export interface DepositData {
  accountType: string;
  distributionAmount?: number;
  distributionType: string;
  lastFour: string;
  routingNumber: string;
  title: string;
}

/** A task as stored: every field `GET /task/:id/details` can show, plus what the emulator needs. */
export interface TaskRecord {
  _id: string;
  authenticated: boolean;
  company: { _id: string; branding: Branding; name: string };
  connector: { _id: string; branding: Branding; name: string };
  createdAt: string;
  updatedAt: string;
  depositData?: DepositData;
  failReason?: string;
  linkedAccount?: string;
  metadata?: Record<string, unknown>;
  /** UserLink tasks only (the PayLink reference's task has none). */
  payrollDataAvailable?: boolean;
  product: Product;
  status: TaskStatus;
  taskWorkflow: { _id: string };
  user: { _id: string; identifier: string };
  /** Files the task retrieved (paystubs, tax forms), for generate-url. Not served in details. */
  files?: string[];
  /** Epoch ms of the next automatic status change; absent = moves only via the control API. */
  nextStepAt?: number;
}

/**
 * One automated action in `GET /pay-link/action-history` (the reference describes the endpoint but
 * shows no response; this shape is the emulator's, documented in its README).
 */
export interface ActionHistoryEntry {
  _id: string;
  type: string;
  status: 'completed' | 'failed' | 'processing';
  accountId: string;
  billId?: string;
  /** The account or bill action that ran (its id as in the account's `actions`). */
  actionId: string;
  automated: true;
  taskId: string;
  failReason?: string;
  createdAt: string;
  updatedAt: string;
}
