/**
 * Atomic Financial's wire format: every request and response body of the three references the
 * gateway is built from, with Atomic's own field names (`_id`, camelCase) and optionality.
 *
 *   [001] PayLink API reference, newer edition  (/work/shared/seeds/001_49739b2143182650.txt)
 *   [002] PayLink API reference, older edition  (/work/shared/seeds/002_290fdfcfc747a843.txt)
 *   [003] UserLink API reference (payroll)       (/work/shared/seeds/003_135da32bf7d5d7a9.txt)
 *
 * Each type names the section it comes from. Where the references disagree or say nothing, the
 * comment says so and which shape is typed (usually a union of both, so readers must cope with either).
 * Amounts are dollars (JSON numbers) here; the GraphQL layer turns them into integer cents.
 * Types only (plus three header constants): no runtime behaviour lives in this file.
 */

// ───────────────────────────── common ─────────────────────────────

/** Header names and the version the gateway pins ([002] "Versioning": CalVer, current 2022-12-02). */
export const ATOMIC_VERSION_HEADER = 'x-atomic-version';
export const ATOMIC_API_VERSION = '2022-12-02';
/** [001]/[002]/[003] "Authentication": backend calls use key + secret, end-user calls a public token. */
export const ATOMIC_AUTH_HEADERS = { apiKey: 'x-api-key', apiSecret: 'x-api-secret', publicToken: 'x-public-token' } as const;

/** `{ "data": … }`: the envelope of every endpoint whose example shows one (the others are typed bare). */
export interface AtomicEnvelope<T> {
  data: T;
}

/**
 * Error bodies: the references list the statuses (400/401/404/422/429/5xx) but show no body. Typed
 * loosely; the gateway reads `message` (or `error`) only.
 */
export interface AtomicErrorBody {
  message?: string;
  error?: string;
  statusCode?: number;
  [key: string]: unknown;
}

/** Answer of the endpoints that only acknowledge: [001]/[002]/[003] "End Monitoring" example `{ "success": true }`. */
export interface AtomicSuccessResponse {
  success: boolean;
}

/**
 * [001] "Delete Accounts" / "Delete Account": "a JSON object with a result object containing success
 * equal to true", but no example. Both readings are typed.
 */
export type AtomicDeleteResponse = AtomicSuccessResponse | { result: AtomicSuccessResponse };

/** Every task status of both products: [001]/[002] queued…completed; [003] "Get Task Status" adds the rest. */
export type AtomicTaskStatus =
  | 'invited'
  | 'queued'
  | 'processing'
  | 'paused'
  | 'captcha'
  | 'mfa'
  | 'error'
  | 'failed'
  | 'retry'
  | 'completed'
  | 'manual';

/**
 * Products: [001] task product `present` | `switch` (PayLink); [002]/[003] `deposit` | `verify` | `tax`,
 * and [003] company search / task workflows add `earn`.
 */
export type AtomicProduct = 'deposit' | 'verify' | 'tax' | 'earn' | 'switch' | 'present';

/** [003] "Company Search" `status`. */
export type AtomicCompanyStatus = 'operational' | 'under-maintenance';

/** [003] "Company Search" tags (filters list three; the response adds `manual-deposits`). */
export type AtomicCompanyTag = 'gig-economy' | 'payroll-provider' | 'unemployment' | 'manual-deposits';

/** [002] depositData.distributionType, [003] deposit accounts and task-workflow distribution.type. */
export type AtomicDistributionType = 'total' | 'percent' | 'fixed';

/** [002] AccountDetails.type and depositData.accountType; [003] deposit account type. */
export type AtomicAccountType = 'checking' | 'savings' | 'paycard';

/** [002] CardDetails.brand. */
export type AtomicCardBrand = 'mastercard' | 'visa' | 'american-express' | 'discover';

// ───────────────────────────── companies and connectors ─────────────────────────────

/** Logo: [001] `{url, backgroundColor}`, [003] payroll records add the logo's own `_id`. */
export interface AtomicLogo {
  _id?: string;
  url?: string;
  backgroundColor?: string;
}

/** `branding` of companies and connectors ([001], [002], [003]); may be `{}` ([003] linked accounts). */
export interface AtomicBranding {
  logo?: AtomicLogo;
  color?: string;
}

/**
 * A connector (the payroll system behind a company): [003] "Company Search" `connector` carries
 * `_id`, `availableProducts`, `capabilities`; [002] task details and [003] payroll records carry
 * `_id`, `name`, `branding`.
 */
export interface AtomicConnector {
  _id: string;
  name?: string;
  branding?: AtomicBranding;
  availableProducts?: AtomicProduct[];
  capabilities?: { distributionTypes?: AtomicDistributionType[] };
}

/**
 * One Company for both products and for transaction enrichment:
 * [001] PayLink account/bill company (all fields optional there), [001] "Find Company" (`_id`, `name`,
 * `branding` required), [002] task details, [003] "Company Search" (adds `status`, `connector`, `tags`),
 * [003] payroll records, linked accounts and task workflows.
 * `_id` and `name` are typed required: every example has them.
 */
export interface AtomicCompany {
  _id: string;
  name: string;
  status?: AtomicCompanyStatus;
  branding?: AtomicBranding;
  connector?: AtomicConnector;
  tags?: string[];
  /**
   * NOT in the references (they list products only as `connector.availableProducts`); tolerated
   * because the gateway's emulator puts it on find-company results. `connector.availableProducts` wins.
   */
  products?: AtomicProduct[];
}

/** [001]/[003] `POST /company/search` body (API key+secret or public token). */
export interface AtomicCompanySearchRequest {
  query?: string;
  product?: AtomicProduct;
  /** Only companies supporting ALL of these. */
  products?: AtomicProduct[];
  tags?: AtomicCompanyTag[];
  excludedTags?: AtomicCompanyTag[];
}

/** [003] `POST /company/search` answer: `{ data: Company[] }`. */
export type AtomicCompanySearchResponse = AtomicEnvelope<AtomicCompany[]>;

// ───────────────────────────── access tokens and users ─────────────────────────────

/** [001] identity (required fields for Switch) and [002] identity (adds `address2`, `email`). */
export interface AtomicIdentityDetails {
  firstName: string;
  lastName: string;
  postalCode: string;
  address: string;
  city: string;
  /** Two-letter state code. */
  state: string;
  /** Digits only: [001] says 10 digits, [002] says 9; the gateway sends what it was given. */
  phone: string;
  address2?: string;
  email?: string;
}

/** [002] "Create Access Token" CardDetails: full card data, only ever sent to the PCI host. */
export interface AtomicCardDetails {
  /** 15 to 19 digits. */
  number: string;
  /** MM/YY. */
  expiry: string;
  /** Optional so the user can type it in Transact ([001] "flexible integration options"). */
  cvv?: string;
  title?: string;
  brand?: AtomicCardBrand;
  subtitle?: string;
}

/** [002] "Create Access Token" AccountDetails (ACH). */
export interface AtomicAccountDetails {
  accountNumber: string;
  routingNumber: string;
  type: AtomicAccountType;
  title?: string;
}

/** [001]/[002] BaaS passthrough `cards[].paymentService.galileo`: Galileo web-service credentials. */
export interface AtomicGalileoPaymentService {
  apiLogin: string;
  apiTransKey: string;
  providerId: string;
  transactionId: string;
  /** PRN, PAN or CAD of the account (CAD preferred). */
  accountNo: string;
  apiUrl: string;
}

/** [001]/[002] "BaaS passthrough variation" CardDetails. */
export interface AtomicBaasCardDetails {
  lastFour: string;
  title: string;
  paymentService: { galileo: AtomicGalileoPaymentService };
  brand?: AtomicCardBrand;
  expiry?: string;
  subtitle?: string;
}

interface AtomicAccessTokenBase {
  /** The user's id in the caller's system; the gateway sends its own mapped identifier, never the partner's id. */
  identifier: string;
  /** Seconds; default 86 400. [001]: 30 minutes to 30 days. */
  tokenLifetime?: number;
}

/** [001] "PayLink Manage" and [003] "Create Access Token": the identifier alone (products may add fields). */
export type AtomicManageAccessTokenRequest = AtomicAccessTokenBase;

/** [001] "PayLink Switch" / [002] "Create Access Token": identity plus at least one card or account (PCI host). */
export interface AtomicSwitchAccessTokenRequest extends AtomicAccessTokenBase {
  identity: AtomicIdentityDetails;
  cards?: AtomicCardDetails[];
  accounts?: AtomicAccountDetails[];
}

/** [001]/[002] "BaaS passthrough variation": cards name a BaaS provider instead of carrying card numbers. */
export interface AtomicBaasAccessTokenRequest extends AtomicAccessTokenBase {
  identity: AtomicIdentityDetails;
  cards: AtomicBaasCardDetails[];
  accounts?: AtomicAccountDetails[];
}

/**
 * [001] "CDE Bypass Variation": the identifier only; card, account and identity data go from the
 * device straight to Transact. Identical on the wire to Manage.
 */
export type AtomicCdeBypassAccessTokenRequest = AtomicAccessTokenBase;

/** `POST /access-token` body, every variation. */
export type AtomicAccessTokenRequest =
  | AtomicManageAccessTokenRequest
  | AtomicSwitchAccessTokenRequest
  | AtomicBaasAccessTokenRequest
  | AtomicCdeBypassAccessTokenRequest;

/** [001]/[002]/[003] access-token answer payload. */
export interface AtomicPublicToken {
  publicToken: string;
}

/** `POST /access-token` answer: `{ data: { publicToken } }`. */
export type AtomicAccessTokenResponse = AtomicEnvelope<AtomicPublicToken>;

/** [001] `PUT /access-token/:publicToken/revoke`: no body documented, no answer shown (typed as the acknowledgement). */
export type AtomicRevokeAccessTokenResponse = AtomicSuccessResponse;

/**
 * [001]/[002] `PUT /user` (PCI host): "similar to the access token body, data nested under `data`,
 * `identifier` at the top level". No answer shown (typed as the acknowledgement).
 */
export interface AtomicUpdateUserRequest {
  identifier: string;
  data: {
    identity?: Partial<AtomicIdentityDetails>;
    cards?: Array<AtomicCardDetails | AtomicBaasCardDetails>;
    accounts?: AtomicAccountDetails[];
  };
}
export type AtomicUpdateUserResponse = AtomicSuccessResponse;

/** [001]/[002]/[003] `PUT /user/:identifier/end-monitoring` answer. */
export type AtomicEndMonitoringResponse = AtomicSuccessResponse;

// ───────────────────────────── PayLink accounts and bills ─────────────────────────────

/** [001] Account `connectionStatus`. */
export type AtomicConnectionStatus = 'initial' | 'connected' | 'disconnected';

/** [001] AccountData `category` and RecurringFinancialTransaction `category`. */
export type AtomicAccountCategory = 'subscription' | 'loan' | 'policy' | 'telecom';

/** [001] account actions (`view-account`, `refresh`) and bill actions (`change-plan`, `cancel-plan`, `pause-plan`). */
export type AtomicActionType = 'view-account' | 'refresh' | 'change-plan' | 'cancel-plan' | 'pause-plan';

/** [001] Bill `autopayStatus`. */
export type AtomicAutopayStatus = 'enabled' | 'disabled' | 'paused';

/** [001] Bill `billingCycle` (typed "string", but the reference lists the values). */
export type AtomicBillingCycle = 'monthly' | 'bi-monthly' | 'every-three-months' | 'every-six-months' | 'annually';

/** [001] PaymentMethod `type`. */
export type AtomicPaymentMethodType = 'bank' | 'card' | 'paypal';

/** [001] Usage `unit`. */
export type AtomicUsageUnit = 'gigabytes' | 'megabytes' | 'minutes' | 'kilowatts-per-hour' | 'users';

/** [001] pendingChange `status` (Plan `status` itself is a plain string; `active` in the example). */
export type AtomicPlanStatus = 'active' | 'inactive' | 'paused' | 'cancelled';

/**
 * [001] Actions of an account or a bill. The field table says `actionId`; every example sends `id`.
 * Both are typed; readers take `actionId ?? id`.
 */
export interface AtomicAction {
  actionId?: string;
  id?: string;
  type?: AtomicActionType;
  automated?: boolean;
}

/** [001] PaymentMethod (account `data.paymentMethods[]` and a bill's own `paymentMethod`). */
export interface AtomicPaymentMethod {
  type?: AtomicPaymentMethodType;
  lastFour?: string;
  brand?: string;
  isPrimary?: boolean;
  description?: string;
  /** "date"; format not shown. */
  expiry?: string;
  /** Full account number, `bank` only: the gateway masks it. */
  accountNumber?: string;
  routingNumber?: string;
}

/** [001] AccountData `identities[]`. */
export interface AtomicPayLinkIdentity {
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

/** [001] Account `data`. */
export interface AtomicPayLinkAccountData {
  category: AtomicAccountCategory;
  identities?: AtomicPayLinkIdentity[];
  paymentMethods?: AtomicPaymentMethod[];
  /** See AtomicPayLinkAccount.recurringFinancialTransaction: the reference's nesting is ambiguous. */
  recurringFinancialTransaction?: AtomicRecurringFinancialTransaction;
}

/** [001] Bill `paymentHistory[]` (BillingHistory). */
export interface AtomicBillingHistoryEntry {
  date?: string;
  amount?: number;
}

/** [001] Bill `items[]` (BillingItems; children not listed, example shows description + amount). */
export interface AtomicBillItem {
  description?: string;
  amount?: number;
}

/** [001] Bill `profiles[]` (Profiles; children not listed, example shows name + lastUsed). */
export interface AtomicBillProfile {
  name?: string;
  lastUsed?: string;
}

/** [001] Bill `usage[]`. */
export interface AtomicUsage {
  description?: string;
  limit?: number;
  unit?: AtomicUsageUnit;
  used?: number;
}

/** [001] Plan `pendingChange`: only the fields that change are present. */
export interface AtomicPendingChange {
  startDate?: string;
  endDate?: string;
  status?: AtomicPlanStatus;
  amount?: number;
  typeId?: string;
  description?: string;
  billingCycle?: AtomicBillingCycle;
}

/** [001] Bill `plans[]`. */
export interface AtomicPlan {
  sourceId?: string;
  typeId?: string;
  /** A plain string in the reference ("active" in the example). */
  status?: string;
  description?: string;
  amount?: number;
  freeTrial?: boolean;
  pendingChange?: AtomicPendingChange;
}

/** [001] Bills: the recurring expenses of an account. */
export interface AtomicBill {
  _id: string;
  /** Id of the bill in the connected system. */
  sourceId: string;
  name?: string;
  amount?: number;
  amountDisclaimer?: string;
  autopayStatus?: AtomicAutopayStatus;
  billingCycle?: AtomicBillingCycle;
  dueDate?: string;
  paymentHistory?: AtomicBillingHistoryEntry[];
  profiles?: AtomicBillProfile[];
  paymentMethod?: AtomicPaymentMethod;
  items?: AtomicBillItem[];
  usage?: AtomicUsage[];
  plans?: AtomicPlan[];
  /** Absent when the company is unknown to Atomic (e.g. a Prime Video add-on "managed by" Amazon, the account's company). */
  company?: AtomicCompany;
  actions?: AtomicAction[];
}

/** [001] "Detect Accounts" FinancialTransactions (request) and RecurringFinancialTransaction.financialTransactions. */
export interface AtomicFinancialTransaction {
  identifier: string;
  /** ISO 8601. */
  date: string;
  description: string;
  amount: number;
  currency?: 'usd' | 'eur' | 'cad';
  merchantName?: string;
  /** "An enum of the type of transaction. Options are:" (the list is empty in the reference). */
  type?: string;
  category?: string;
  subCategory?: string;
}

/** [001] RecurringFinancialTransaction: the recurring expense detected from the user's transactions. */
export interface AtomicRecurringFinancialTransaction {
  name: string;
  type: 'incoming' | 'outgoing';
  financialTransactions?: AtomicFinancialTransaction[];
  category?: AtomicAccountCategory;
}

/** [001] Account: a connection to a merchant/biller ("Get Accounts", "Get Account", "Detect Accounts"). */
export interface AtomicPayLinkAccount {
  _id: string;
  processing: boolean;
  connectionStatus: AtomicConnectionStatus;
  company: Partial<AtomicCompany>;
  actions: AtomicAction[];
  bills: AtomicBill[];
  lastSyncedAt?: string;
  /** The reference's examples spell it `lastSynedAt`; readers take either. */
  lastSynedAt?: string;
  data?: AtomicPayLinkAccountData;
  /**
   * Listed after `data`'s children in the flattened field table, so it may sit on the account or
   * inside `data`; typed on both, readers take either (Detect Accounts answers carry it).
   */
  recurringFinancialTransaction?: AtomicRecurringFinancialTransaction;
}

/**
 * [001] `GET /pay-link/accounts` answer `{ accounts }` (no data envelope). The reference does not say
 * how the user is named on this GET; the gateway passes `identifier` as a query parameter.
 */
export interface AtomicPayLinkAccountsQuery {
  identifier: string;
}
export interface AtomicPayLinkAccountsResponse {
  accounts: AtomicPayLinkAccount[];
}

/** [001] `GET /pay-link/accounts/:id` answer `{ account }`. */
export interface AtomicPayLinkAccountResponse {
  account: AtomicPayLinkAccount;
}

/**
 * [001] "Detect Accounts": `POST /pay-link/accounts` (the path is printed as `?accountId`, which the
 * body never uses). Documented body: `financialTransactions`; the user is named by `identifier`
 * (not in the field table, required to know whose accounts these are). Answer `{ accounts }`.
 */
export interface AtomicDetectAccountsRequest {
  identifier: string;
  financialTransactions: AtomicFinancialTransaction[];
}
export type AtomicDetectAccountsResponse = AtomicPayLinkAccountsResponse;

/** [001] `DELETE /pay-link/accounts` (all of a user's accounts; user named by `identifier`, undocumented) and `/:id`. */
export interface AtomicDeleteAccountsQuery {
  identifier: string;
}
export type AtomicDeleteAccountsResponse = AtomicDeleteResponse;
export type AtomicDeleteAccountResponse = AtomicDeleteResponse;

/**
 * [001] "Get Action History" (`GET /pay-link/action-history?accountId`): automated actions performed
 * on an account. The reference documents NO response fields; this is the gateway's reading (the
 * same field names as the gateway's emulator): one entry per automated action, with the task that
 * performed it.
 */
export interface AtomicActionHistoryEntry {
  _id: string;
  type: AtomicActionType;
  status: AtomicTaskStatus;
  /** PayLink account id. */
  accountId?: string;
  /** Bill id, for bill actions. */
  billId?: string;
  /** Id of the task that performed the action. */
  taskId?: string;
  actionId?: string;
  automated?: boolean;
  failReason?: string;
  createdAt: string;
  updatedAt?: string;
}
export interface AtomicActionHistoryQuery {
  accountId: string;
}
/** Undocumented envelope; typed like the other `data` answers. */
export type AtomicActionHistoryResponse = AtomicEnvelope<AtomicActionHistoryEntry[]>;

/**
 * [001] "Find Company" `POST /pay-link/financial-transactions/find-company`. Request fields are not
 * listed; the answer echoes `identifier` and `description`, so those are what is sent.
 */
export interface AtomicFindCompanyRequest {
  financialTransactions: Array<Pick<AtomicFinancialTransaction, 'identifier' | 'description'> & Partial<AtomicFinancialTransaction>>;
}
export interface AtomicFindCompanyResult {
  identifier: string;
  description: string;
  /** Absent when no company matched. */
  company?: AtomicCompany;
}
export type AtomicFindCompanyResponse = AtomicEnvelope<{ financialTransactions: AtomicFindCompanyResult[] }>;

/**
 * [001] "Review a Suggestion" `POST /pay-link/suggestion-review`. Only the rating value
 * `not-interested` is documented; the suggestion and user fields are the gateway's reading.
 */
export interface AtomicSuggestionReviewRequest {
  identifier: string;
  suggestionId: string;
  rating: 'not-interested';
}
export type AtomicSuggestionReviewResponse = AtomicSuccessResponse;

// ───────────────────────────── tasks ─────────────────────────────

/** [002] task details `depositData`: the deposit switch a deposit task performed. */
export interface AtomicDepositData {
  accountType?: AtomicAccountType;
  /** Percent when `distributionType` is percent, dollars when fixed, absent when total. */
  distributionAmount?: number;
  distributionType?: AtomicDistributionType;
  lastFour?: string;
  routingNumber?: string;
  title?: string;
}

/** [001]/[002] task `taskWorkflow` and [003] task-workflow answer `taskWorkflow`. */
export interface AtomicTaskWorkflowRef {
  _id: string;
}

/** [001]/[002] task `user`: Atomic's user id and the identifier the gateway created it with. */
export interface AtomicTaskUser {
  _id: string;
  identifier: string;
}

/** [001]/[002] "Get Task Details" `data.task`. [002] adds `depositData` and `payrollDataAvailable`. */
export interface AtomicTaskDetails {
  _id: string;
  authenticated: boolean;
  company: AtomicCompany;
  connector: AtomicConnector;
  createdAt: string;
  updatedAt: string;
  depositData?: AtomicDepositData;
  failReason?: string;
  linkedAccount?: string;
  metadata?: Record<string, unknown>;
  payrollDataAvailable?: boolean;
  product: AtomicProduct;
  status: AtomicTaskStatus;
  taskWorkflow: AtomicTaskWorkflowRef;
  user: AtomicTaskUser;
}
/** `GET /task/:taskId/details` answer: `{ data: { task } }`. */
export type AtomicTaskDetailsResponse = AtomicEnvelope<{ task: AtomicTaskDetails }>;

/** [001]/[002] "Get Tasks" `data.tasks[]`: the short form of a task. */
export interface AtomicTaskSummary {
  _id: string;
  authenticated: boolean;
  createdAt: string;
  failReason?: string;
  payrollDataAvailable: boolean;
  product: AtomicProduct;
  status: AtomicTaskStatus;
}

/** Either form of a task: what GraphQL's `Task` is read from. */
export type AtomicTask = AtomicTaskDetails | AtomicTaskSummary;

/** [001]/[002] `GET /user/:identifier/tasks?status&payrollDataAvailable` (query values are strings). */
export interface AtomicUserTasksQuery {
  status?: AtomicTaskStatus;
  payrollDataAvailable?: 'true' | 'false';
}
export type AtomicUserTasksResponse = AtomicEnvelope<{ tasks: AtomicTaskSummary[] }>;

/** "Get Task Status" body: `createdAt`, `status`, `failReason` when failed; [002] adds `payrollDataAvailable`. */
export interface AtomicTaskStatusInfo {
  createdAt: string;
  status: AtomicTaskStatus;
  failReason?: string;
  payrollDataAvailable?: boolean;
}
/**
 * `GET /task/:taskId/status`: [001] and [003] show the body bare, [002] wraps it in
 * `{ data: { task } }`. Both are typed; readers unwrap when `data` is present.
 */
export type AtomicTaskStatusResponse = AtomicTaskStatusInfo | AtomicEnvelope<{ task: AtomicTaskStatusInfo }>;

/** [002]/[003] `GET /task/:taskId/file/:fileId/generate-url` answer (no envelope); valid one hour. */
export interface AtomicFileUrlResponse {
  url: string;
}

/** [002]/[003] `POST /task/prescreen` body (beta). Note `company.id`, not `_id`. */
export interface AtomicPrescreenRequest {
  company: { name?: string; id?: string };
  /** "Currently Verify is the only product supported." */
  product: AtomicProduct;
}
/** [002]/[003] prescreen answer payload. */
export interface AtomicPrescreenResult {
  confidence: 'HIGH' | 'LOW';
}
export type AtomicPrescreenResponse = AtomicEnvelope<AtomicPrescreenResult>;

// ───────────────────────────── task workflows ─────────────────────────────

/** [003] TaskConfiguration `distribution`. */
export interface AtomicDistribution {
  type: AtomicDistributionType;
  /** Dollars when fixed, percent when percent, absent when total. */
  amount?: number;
  /** Lets the user change the amount ("cannot be updated by the user unless canUpdate is set to true"). */
  canUpdate?: boolean;
}

/** [003] "Create Task Workflow" `tasks[]` (TaskConfiguration). */
export interface AtomicTaskConfiguration {
  /** Deprecated in favour of `operation`. */
  product?: AtomicProduct;
  operation: 'deposit' | 'verify' | 'earn' | 'tax';
  /** Default `continue`. */
  onComplete?: 'continue' | 'finish';
  /** Default `continue`. */
  onFail?: 'continue' | 'finish';
  distribution?: AtomicDistribution;
}

/** [003] `POST /task-workflow/from-linked-account` body. */
export interface AtomicTaskWorkflowRequest {
  tasks: AtomicTaskConfiguration[];
  linkedAccount: string;
}

/** [003] task-workflow answer payload: the first task, the workflow and the company. */
export interface AtomicTaskWorkflowCreated {
  task: { _id: string };
  taskWorkflow: AtomicTaskWorkflowRef;
  company: AtomicCompany;
}
export type AtomicTaskWorkflowResponse = AtomicEnvelope<AtomicTaskWorkflowCreated>;

/** What GraphQL's `TaskWorkflow` is read from: a task's reference or a creation answer. */
export type AtomicTaskWorkflow = AtomicTaskWorkflowRef | AtomicTaskWorkflowCreated;

// ───────────────────────────── UserLink payroll data ─────────────────────────────

/** `?linkedAccount=` of every [003] payroll data endpoint. */
export interface AtomicPayrollQuery {
  linkedAccount?: string;
}

/** What every [003] payroll data record carries besides its data: where it came from. */
export interface AtomicPayrollSource {
  company: AtomicCompany;
  connector: AtomicConnector;
  /** "linkedAccount ID if enabled". */
  linkedAccount?: string;
  /** Task id. */
  task: string;
}

/** A stored file ([003] statement `paystub`, tax `form`): a presigned URL that expires. */
export interface AtomicFile {
  _id: string;
  url?: string;
}

/** Postal address of [003] employment `employer.address` and W-2 `employeeAddress`. */
export interface AtomicPostalAddress {
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

/** [003] employment `employer`. */
export interface AtomicEmployer {
  name?: string;
  address?: AtomicPostalAddress;
}

/** [003] "Employment" record `employment` (the reference gives only the example). */
export interface AtomicEmployment {
  employeeType?: string;
  employmentStatus?: string;
  jobTitle?: string;
  startDate?: string;
  endDate?: string;
  minimumMonthsOfEmployment?: number;
  weeklyHours?: number;
  employer?: AtomicEmployer;
}
export interface AtomicEmploymentRecord extends AtomicPayrollSource {
  employment: AtomicEmployment;
}
/** [003] `GET /employment/:identifier` answer. */
export type AtomicEmploymentResponse = AtomicEnvelope<AtomicEmploymentRecord[]>;

/** [003] "Income" record `income`. */
export interface AtomicIncome {
  income?: number;
  incomeType?: string;
  annualIncome?: number;
  hourlyIncome?: number;
  netHourlyRate?: number;
  payCycle?: string;
  nextExpectedPayDate?: string;
  currentPayPeriodStart?: string;
  currentPayPeriodEnd?: string;
  unpaidHoursInPayPeriod?: number;
}
export interface AtomicIncomeRecord extends AtomicPayrollSource {
  income: AtomicIncome;
}
/** [003] `GET /income/:identifier` answer. */
export type AtomicIncomeResponse = AtomicEnvelope<AtomicIncomeRecord[]>;

/** [003] "Identity" record `identity`. `ssn` is the full number: the gateway masks it. */
export interface AtomicIdentity {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  email?: string;
  phone?: string;
  ssn?: string;
  address?: string;
  address2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
}
export interface AtomicIdentityRecord extends AtomicPayrollSource {
  identity: AtomicIdentity;
}
/** [003] `GET /identity/:identifier` answer. */
export type AtomicIdentityResponse = AtomicEnvelope<AtomicIdentityRecord[]>;

/** [003] statement `deductions[]`. */
export interface AtomicStatementDeduction {
  category?: string;
  label?: string;
  rawLabel?: string;
  amount?: number;
  ytdAmount?: number;
}

/** [003] statement `earnings[]`. */
export interface AtomicStatementEarning {
  category?: string;
  label?: string;
  rawLabel?: string;
  amount?: number;
  ytdAmount?: number;
  hours?: number;
  /** Dollars per hour. */
  rate?: number;
}

/** [003] statement `netAmountAdjustments[]`. */
export interface AtomicNetAmountAdjustment {
  label?: string;
  amount?: number;
}

/** [003] one pay statement. */
export interface AtomicStatement {
  date?: string;
  payPeriodStartDate?: string;
  payPeriodEndDate?: string;
  grossAmount?: number;
  ytdGrossAmount?: number;
  netAmount?: number;
  ytdNetAmount?: number;
  paymentMethod?: string;
  hours?: number;
  deductions?: AtomicStatementDeduction[];
  earnings?: AtomicStatementEarning[];
  netAmountAdjustments?: AtomicNetAmountAdjustment[];
  paystub?: AtomicFile;
}
export interface AtomicStatementsRecord extends AtomicPayrollSource {
  statements: AtomicStatement[];
}
/** [003] `GET /statements/:identifier` answer. */
export type AtomicStatementsResponse = AtomicEnvelope<AtomicStatementsRecord[]>;

/** [003] one timesheet entry (`duration` in minutes). */
export interface AtomicTimesheet {
  duration?: number;
  date?: string;
  type?: string;
  clockedIn?: string;
  clockedOut?: string;
}
export interface AtomicTimesheetsRecord extends AtomicPayrollSource {
  timesheets: AtomicTimesheet[];
}
/** [003] `GET /timesheets/:identifier` answer. */
export type AtomicTimesheetsResponse = AtomicEnvelope<AtomicTimesheetsRecord[]>;

/** [003] W-2 `parsedData.employerNameAddress`. */
export interface AtomicTaxNameAddress {
  name1?: string;
  name2?: string;
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
}

/** [003] W-2 box 12 `codes[]` and box 14 `other[]`. */
export interface AtomicW2Code {
  code?: string;
  amount?: number;
}
export interface AtomicW2Other {
  description?: string;
  amount?: number;
}
/** [003] W-2 boxes 15–17 and 18–20. */
export interface AtomicW2StateTax {
  stateTaxWithheld?: number;
  state?: string;
  stateTaxId?: string;
  stateIncome?: number;
}
export interface AtomicW2LocalTax {
  localTaxWithheld?: number;
  localityName?: string;
  state?: string;
  localIncome?: number;
}

/** [003] W-2 `parsedData.employeeName` (the example shows first and last). */
export interface AtomicW2EmployeeName {
  first?: string;
  middle?: string;
  last?: string;
  suffix?: string;
}

/** [003] tax `parsedData`: the parsed W-2. `employeeTin` is the employee's SSN: the gateway masks it. */
export interface AtomicW2ParsedData {
  taxYear?: number;
  employeeTin?: string;
  employerTin?: string;
  employerNameAddress?: AtomicTaxNameAddress;
  controlNumber?: string;
  employeeName?: AtomicW2EmployeeName;
  employeeAddress?: AtomicPostalAddress;
  wages?: number;
  federalTaxWithheld?: number;
  socialSecurityWages?: number;
  socialSecurityTaxWithheld?: number;
  medicareWages?: number;
  medicareTaxWithheld?: number;
  socialSecurityTips?: number;
  allocatedTips?: number;
  dependentCareBenefit?: number;
  nonQualifiedPlan?: number;
  codes?: AtomicW2Code[];
  other?: AtomicW2Other[];
  statutory?: boolean;
  retirementPlan?: boolean;
  thirdPartySickPay?: boolean;
  stateTaxWithholding?: AtomicW2StateTax[];
  localTaxWithholding?: AtomicW2LocalTax[];
}

/** [003] one tax document (`w2`, `1099`, …); `parsedData` only when Atomic parsed it (W-2). */
export interface AtomicTax {
  type?: string;
  /** The tax year as a timestamp (`2020-01-01T00:00:00.000Z`). */
  year?: string;
  totalWages?: number;
  form?: AtomicFile;
  parsedData?: AtomicW2ParsedData;
}
export interface AtomicTaxesRecord extends AtomicPayrollSource {
  taxes: AtomicTax[];
}
/** [003] `GET /taxes/:identifier` answer. */
export type AtomicTaxesResponse = AtomicEnvelope<AtomicTaxesRecord[]>;

/** [003] one direct-deposit account on file. `accountNumber` is full (or Atomic's own `XXXX1111`): the gateway masks it. */
export interface AtomicDepositAccount {
  routingNumber?: string;
  accountNumber?: string;
  type?: AtomicAccountType;
  bankName?: string;
  distributionType?: AtomicDistributionType;
  /** Percent when percent, dollars when fixed. */
  distributionAmount?: number;
}
/**
 * [003] "Deposit Accounts" record. The text says "an array of deposit account objects"; the example
 * nests it one level deeper (`[[{…}, {…}]]`). Both are typed; readers flatten.
 */
export interface AtomicDepositAccountsRecord extends AtomicPayrollSource {
  depositAccounts: Array<AtomicDepositAccount | AtomicDepositAccount[]>;
}
/** [003] `GET /deposit-accounts/:identifier` answer. */
export type AtomicDepositAccountsResponse = AtomicEnvelope<AtomicDepositAccountsRecord[]>;

// ───────────────────────────── linked accounts ─────────────────────────────

/** [003] "List Linked Accounts" entry: a persistent, authenticated payroll connection. */
export interface AtomicLinkedAccount {
  _id: string;
  valid: boolean;
  transactRequired: boolean;
  lastSuccess?: string;
  lastFailure?: string;
  company: AtomicCompany;
  connector: AtomicConnector;
}
/** [003] `GET /linked-account/list/:identifier` answer. */
export type AtomicLinkedAccountsResponse = AtomicEnvelope<AtomicLinkedAccount[]>;

// ───────────────────────────── endpoint map ─────────────────────────────

/**
 * Every endpoint of the three references: request (body or query) and answer. `:identifier` is the
 * gateway's Atomic identifier for a user; `pci` marks the endpoints served by the PCI host.
 */
export interface AtomicEndpoints {
  'POST /access-token': { body: AtomicAccessTokenRequest; response: AtomicAccessTokenResponse; pci: 'when cards or accounts are sent' };
  'PUT /access-token/:publicToken/revoke': { body: undefined; response: AtomicRevokeAccessTokenResponse };
  'POST /company/search': { body: AtomicCompanySearchRequest; response: AtomicCompanySearchResponse };
  'GET /pay-link/accounts': { query: AtomicPayLinkAccountsQuery; response: AtomicPayLinkAccountsResponse };
  'GET /pay-link/accounts/:id': { response: AtomicPayLinkAccountResponse };
  'POST /pay-link/accounts': { body: AtomicDetectAccountsRequest; response: AtomicDetectAccountsResponse };
  'DELETE /pay-link/accounts': { query: AtomicDeleteAccountsQuery; response: AtomicDeleteAccountsResponse };
  'DELETE /pay-link/accounts/:id': { response: AtomicDeleteAccountResponse };
  'GET /pay-link/action-history': { query: AtomicActionHistoryQuery; response: AtomicActionHistoryResponse };
  'POST /pay-link/financial-transactions/find-company': { body: AtomicFindCompanyRequest; response: AtomicFindCompanyResponse };
  'POST /pay-link/suggestion-review': { body: AtomicSuggestionReviewRequest; response: AtomicSuggestionReviewResponse };
  'GET /task/:taskId/details': { response: AtomicTaskDetailsResponse };
  'GET /task/:taskId/status': { response: AtomicTaskStatusResponse };
  'GET /task/:taskId/file/:fileId/generate-url': { response: AtomicFileUrlResponse };
  'POST /task/prescreen': { body: AtomicPrescreenRequest; response: AtomicPrescreenResponse };
  'PUT /user': { body: AtomicUpdateUserRequest; response: AtomicUpdateUserResponse; pci: 'always' };
  'GET /user/:identifier/tasks': { query: AtomicUserTasksQuery; response: AtomicUserTasksResponse };
  'PUT /user/:identifier/end-monitoring': { body: undefined; response: AtomicEndMonitoringResponse };
  'GET /deposit-accounts/:identifier': { query: AtomicPayrollQuery; response: AtomicDepositAccountsResponse };
  'GET /employment/:identifier': { query: AtomicPayrollQuery; response: AtomicEmploymentResponse };
  'GET /identity/:identifier': { query: AtomicPayrollQuery; response: AtomicIdentityResponse };
  'GET /income/:identifier': { query: AtomicPayrollQuery; response: AtomicIncomeResponse };
  'GET /statements/:identifier': { query: AtomicPayrollQuery; response: AtomicStatementsResponse };
  'GET /timesheets/:identifier': { query: AtomicPayrollQuery; response: AtomicTimesheetsResponse };
  'GET /taxes/:identifier': { query: AtomicPayrollQuery; response: AtomicTaxesResponse };
  'GET /linked-account/list/:identifier': { response: AtomicLinkedAccountsResponse };
  'POST /task-workflow/from-linked-account': { body: AtomicTaskWorkflowRequest; response: AtomicTaskWorkflowResponse };
}
