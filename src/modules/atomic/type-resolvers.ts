/**
 * Object-type resolvers of the Atomic domain (schema/atomic.graphql, paylink.graphql,
 * payroll.graphql): they read Atomic's wire objects (src/upstreams/atomic/atomic-wire.ts, wired
 * in through codegen mappers) and shape them for GraphQL: `_id` → `id`, dollars → cents (Money),
 * wire enum strings → GraphQL enums, and SSNs / account numbers masked to their last four.
 *
 * Root fields (Query, Mutation, User, Payroll, Transaction.company) and Task.fileUrl need
 * upstream calls and live with the Atomic services, not here. The few joins an object needs
 * (a company or PayLink account known only by id) go through the per-request `AtomicLoaders`.
 */
import type DataLoader from 'dataloader';
import type {
  AtomicProduct as GqlAtomicProduct,
  AutopayStatus,
  BillingCycle,
  CardBrand,
  CompanyStatus,
  DepositAccountType,
  DistributionType,
  PayLinkAccountCategory,
  PayLinkActionType,
  PayLinkConnectionStatus,
  PaymentMethodType,
  PlanStatus,
  PrescreenConfidence,
  RecurringTransactionType,
  Resolvers,
  SuggestionRating,
  TaskStatus,
  TaskWorkflowStepAction,
  UsageUnit,
} from '../../generated/graphql.js';
import type { GraphQLContext } from '../../graphql/context.js';
import type {
  AtomicAccountCategory,
  AtomicAccountType,
  AtomicActionType,
  AtomicAutopayStatus,
  AtomicBill,
  AtomicBillingCycle,
  AtomicCardBrand,
  AtomicCompany,
  AtomicCompanyStatus,
  AtomicConnectionStatus,
  AtomicDepositAccount,
  AtomicDepositAccountsRecord,
  AtomicDistributionType,
  AtomicEmployment,
  AtomicEmploymentRecord,
  AtomicIdentity,
  AtomicIdentityRecord,
  AtomicIncome,
  AtomicIncomeRecord,
  AtomicPayLinkAccount,
  AtomicPaymentMethodType,
  AtomicPayrollSource,
  AtomicPlanStatus,
  AtomicPrescreenResult,
  AtomicProduct,
  AtomicStatement,
  AtomicStatementsRecord,
  AtomicTask,
  AtomicTaskDetails,
  AtomicTaskStatus,
  AtomicTax,
  AtomicTaxesRecord,
  AtomicTimesheet,
  AtomicTimesheetsRecord,
  AtomicUsageUnit,
} from '../../upstreams/atomic/atomic-wire.js';
import { accountLastFour, dollarsToCents, lastFour, maskAccountNumber, maskSsn } from './masking.js';

// ───────────────────────────── loaders (implemented with the Atomic services) ─────────────────────────────

/** Per-request joins the object types need; the context carries them as `ctx.atomicLoaders`. */
export interface AtomicLoaders {
  /** Company by Atomic `_id` (for objects that carry only the id). */
  companyById: DataLoader<string, AtomicCompany | null>;
  /** Company matched to a bank transaction description (find-company). */
  companyForDescription: DataLoader<string, AtomicCompany | null>;
  /** PayLink account by Atomic `_id`. */
  paylinkAccountById: DataLoader<string, AtomicPayLinkAccount | null>;
}

function atomicLoaders(ctx: GraphQLContext): AtomicLoaders {
  return (ctx as GraphQLContext & { atomicLoaders: AtomicLoaders }).atomicLoaders;
}

// ───────────────────────────── models the mappers point at ─────────────────────────────

/**
 * A bill as GraphQL reads it: Atomic's bill plus, gateway-side, the account it was read from
 * (Atomic's bill carries no account id). billsOf sets both; a bare AtomicBill is a valid BillModel.
 */
export interface BillModel extends AtomicBill {
  parentAccount?: AtomicPayLinkAccount;
  /** Resolved through `paylinkAccountById` when `parentAccount` is absent. */
  parentAccountId?: string;
}

/** The bills of an account, each knowing its account (for Bill.account and Bill.managedBy). */
export function billsOf(account: AtomicPayLinkAccount): BillModel[] {
  return (account.bills ?? []).map((bill) => ({ ...bill, parentAccount: account, parentAccountId: account._id }));
}

/** One payroll item (an employment, a statement, …) with the connection it came from. */
export type PayrollItem<T> = T & { source: AtomicPayrollSource };
export type EmploymentItem = PayrollItem<AtomicEmployment>;
export type IncomeItem = PayrollItem<AtomicIncome>;
export type IdentityItem = PayrollItem<AtomicIdentity>;
export type StatementItem = PayrollItem<AtomicStatement>;
export type TimesheetItem = PayrollItem<AtomicTimesheet>;
export type TaxItem = PayrollItem<AtomicTax>;
export type DepositAccountItem = PayrollItem<AtomicDepositAccount>;

function sourceOf(record: AtomicPayrollSource): AtomicPayrollSource {
  return { company: record.company, connector: record.connector, linkedAccount: record.linkedAccount, task: record.task };
}

function withSource<T extends object>(item: T, source: AtomicPayrollSource): PayrollItem<T> {
  return { ...item, source };
}

/**
 * Atomic's payroll answers (`data` of /employment, /statements, …: one record per connection) as
 * the flat lists Payroll's fields return. Records without the item are skipped; deposit accounts
 * are flattened whether Atomic nests them once or twice (the reference's example nests twice).
 */
export const payrollItems = {
  employment: (records: AtomicEmploymentRecord[]): EmploymentItem[] =>
    records.filter((r) => r.employment).map((r) => withSource(r.employment, sourceOf(r))),
  income: (records: AtomicIncomeRecord[]): IncomeItem[] => records.filter((r) => r.income).map((r) => withSource(r.income, sourceOf(r))),
  identity: (records: AtomicIdentityRecord[]): IdentityItem[] =>
    records.filter((r) => r.identity).map((r) => withSource(r.identity, sourceOf(r))),
  statements: (records: AtomicStatementsRecord[]): StatementItem[] =>
    records.flatMap((r) => (r.statements ?? []).map((s) => withSource(s, sourceOf(r)))),
  timesheets: (records: AtomicTimesheetsRecord[]): TimesheetItem[] =>
    records.flatMap((r) => (r.timesheets ?? []).map((t) => withSource(t, sourceOf(r)))),
  taxes: (records: AtomicTaxesRecord[]): TaxItem[] => records.flatMap((r) => (r.taxes ?? []).map((t) => withSource(t, sourceOf(r)))),
  depositAccounts: (records: AtomicDepositAccountsRecord[]): DepositAccountItem[] =>
    records.flatMap((r) => (r.depositAccounts ?? []).flat().map((a) => withSource(a, sourceOf(r)))),
};

// ───────────────────────────── enums: Atomic's strings ↔ GraphQL values ─────────────────────────────

export interface EnumMapping<W extends string, G extends string> {
  /** Atomic → GraphQL; null for an absent or unknown value (matched case-insensitively). */
  toGraphQL(value: string | null | undefined): G | null;
  /** GraphQL argument → Atomic. */
  toWire(value: G): W;
  readonly pairs: Readonly<Record<W, G>>;
}

function enumMapping<W extends string, G extends string>(pairs: Record<W, G>): EnumMapping<W, G> {
  const byWire = new Map<string, G>(Object.entries(pairs) as Array<[string, G]>);
  const byGraphQL = new Map<G, W>((Object.entries(pairs) as Array<[W, G]>).map(([w, g]) => [g, w]));
  return {
    pairs,
    toGraphQL: (value) => (value === null || value === undefined ? null : (byWire.get(value) ?? byWire.get(value.toLowerCase()) ?? null)),
    toWire: (value) => {
      const wire = byGraphQL.get(value);
      if (wire === undefined) throw new Error(`no Atomic value for ${value}`);
      return wire;
    },
  };
}

/**
 * Every enum of the Atomic schema with its Atomic spelling. Records keyed by the wire unions, so a
 * wire value without a GraphQL value fails to compile; a test checks the other direction.
 */
export const atomicEnums = {
  taskStatus: enumMapping<AtomicTaskStatus, TaskStatus>({
    invited: 'INVITED',
    queued: 'QUEUED',
    processing: 'PROCESSING',
    paused: 'PAUSED',
    captcha: 'CAPTCHA',
    mfa: 'MFA',
    error: 'ERROR',
    failed: 'FAILED',
    retry: 'RETRY',
    completed: 'COMPLETED',
    manual: 'MANUAL',
  }),
  product: enumMapping<AtomicProduct, GqlAtomicProduct>({
    deposit: 'DEPOSIT',
    verify: 'VERIFY',
    tax: 'TAX',
    earn: 'EARN',
    switch: 'SWITCH',
    present: 'PRESENT',
  }),
  companyStatus: enumMapping<AtomicCompanyStatus, CompanyStatus>({ operational: 'OPERATIONAL', 'under-maintenance': 'UNDER_MAINTENANCE' }),
  distributionType: enumMapping<AtomicDistributionType, DistributionType>({ total: 'TOTAL', percent: 'PERCENT', fixed: 'FIXED' }),
  depositAccountType: enumMapping<AtomicAccountType, DepositAccountType>({ checking: 'CHECKING', savings: 'SAVINGS', paycard: 'PAYCARD' }),
  cardBrand: enumMapping<AtomicCardBrand, CardBrand>({
    visa: 'VISA',
    mastercard: 'MASTERCARD',
    'american-express': 'AMERICAN_EXPRESS',
    discover: 'DISCOVER',
  }),
  prescreenConfidence: enumMapping<AtomicPrescreenResult['confidence'], PrescreenConfidence>({ HIGH: 'HIGH', LOW: 'LOW' }),
  taskWorkflowStepAction: enumMapping<'continue' | 'finish', TaskWorkflowStepAction>({ continue: 'CONTINUE', finish: 'FINISH' }),
  connectionStatus: enumMapping<AtomicConnectionStatus, PayLinkConnectionStatus>({
    initial: 'INITIAL',
    connected: 'CONNECTED',
    disconnected: 'DISCONNECTED',
  }),
  accountCategory: enumMapping<AtomicAccountCategory, PayLinkAccountCategory>({
    subscription: 'SUBSCRIPTION',
    loan: 'LOAN',
    policy: 'POLICY',
    telecom: 'TELECOM',
  }),
  actionType: enumMapping<AtomicActionType, PayLinkActionType>({
    'view-account': 'VIEW_ACCOUNT',
    refresh: 'REFRESH',
    'change-plan': 'CHANGE_PLAN',
    'cancel-plan': 'CANCEL_PLAN',
    'pause-plan': 'PAUSE_PLAN',
  }),
  autopayStatus: enumMapping<AtomicAutopayStatus, AutopayStatus>({ enabled: 'ENABLED', disabled: 'DISABLED', paused: 'PAUSED' }),
  billingCycle: enumMapping<AtomicBillingCycle, BillingCycle>({
    monthly: 'MONTHLY',
    'bi-monthly': 'BI_MONTHLY',
    'every-three-months': 'EVERY_THREE_MONTHS',
    'every-six-months': 'EVERY_SIX_MONTHS',
    annually: 'ANNUALLY',
  }),
  paymentMethodType: enumMapping<AtomicPaymentMethodType, PaymentMethodType>({ bank: 'BANK', card: 'CARD', paypal: 'PAYPAL' }),
  usageUnit: enumMapping<AtomicUsageUnit, UsageUnit>({
    gigabytes: 'GIGABYTES',
    megabytes: 'MEGABYTES',
    minutes: 'MINUTES',
    'kilowatts-per-hour': 'KILOWATTS_PER_HOUR',
    users: 'USERS',
  }),
  planStatus: enumMapping<AtomicPlanStatus, PlanStatus>({ active: 'ACTIVE', inactive: 'INACTIVE', paused: 'PAUSED', cancelled: 'CANCELLED' }),
  recurringTransactionType: enumMapping<'incoming' | 'outgoing', RecurringTransactionType>({ incoming: 'INCOMING', outgoing: 'OUTGOING' }),
  suggestionRating: enumMapping<'not-interested', SuggestionRating>({ 'not-interested': 'NOT_INTERESTED' }),
};

function enumList<G extends string>(mapping: EnumMapping<string, G>, values: readonly string[] | null | undefined): G[] {
  return (values ?? []).map((v) => mapping.toGraphQL(v)).filter((g): g is G => g !== null);
}

/** For non-null enum fields: an unknown value is a contract break worth an error, not a silent null. */
function required<G>(value: G | null, what: string, raw: unknown): G {
  if (value === null) throw new Error(`Atomic sent an unknown ${what}: ${JSON.stringify(raw)}`);
  return value;
}

// ───────────────────────────── small readers ─────────────────────────────

/**
 * A company as far as the wire object goes: a whole one is used as is; one with only an `_id`
 * (PayLink marks every company field optional) is loaded; none at all is null.
 */
function companyOf(company: Partial<AtomicCompany> | null | undefined, ctx: GraphQLContext): AtomicCompany | null | Promise<AtomicCompany | null> {
  if (!company?._id) return null;
  if (company.name) return company as AtomicCompany;
  return atomicLoaders(ctx).companyById.load(company._id);
}

/** A task listed for a user lacks the detail fields: read them as optional. */
const detail = (task: AtomicTask): Partial<AtomicTaskDetails> => task;

/** Task metadata (free-form partner data) as typed key/value pairs. */
function metadataEntries(metadata: Record<string, unknown> | null | undefined): Array<{ key: string; value: string | null }> {
  if (!metadata || typeof metadata !== 'object') return [];
  return Object.entries(metadata).map(([key, value]) => ({
    key,
    value: value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value),
  }));
}

/** Atomic sends a tax year as a timestamp (`2020-01-01T00:00:00.000Z`); a bare year is accepted too. */
function yearOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (/^\d{4}$/.test(value)) return Number(value);
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).getUTCFullYear();
}

/** DepositData / DepositAccount: `distributionAmount` is dollars when fixed and a percentage when percent. */
function distribution(d: { distributionType?: string; distributionAmount?: number }) {
  return {
    amount: d.distributionType === 'fixed' ? dollarsToCents(d.distributionAmount) : null,
    percent: d.distributionType === 'percent' ? (d.distributionAmount ?? null) : null,
  };
}

function parentAccount(bill: BillModel, ctx: GraphQLContext): AtomicPayLinkAccount | null | Promise<AtomicPayLinkAccount | null> {
  if (bill.parentAccount) return bill.parentAccount;
  return bill.parentAccountId ? atomicLoaders(ctx).paylinkAccountById.load(bill.parentAccountId) : null;
}

// ───────────────────────────── resolvers ─────────────────────────────

export const atomicTypeResolvers: Resolvers = {
  // ── atomic.graphql ──
  Company: {
    id: (c) => c._id,
    logoUrl: (c) => c.branding?.logo?.url ?? null,
    logoBackgroundColor: (c) => c.branding?.logo?.backgroundColor ?? null,
    brandColor: (c) => c.branding?.color ?? null,
    status: (c) => atomicEnums.companyStatus.toGraphQL(c.status),
    tags: (c) => c.tags ?? [],
    products: (c) => enumList(atomicEnums.product, c.connector?.availableProducts ?? c.products),
    connector: (c) => c.connector ?? null,
  },
  Connector: {
    id: (c) => c._id,
    name: (c) => c.name ?? null,
    logoUrl: (c) => c.branding?.logo?.url ?? null,
    availableProducts: (c) => enumList(atomicEnums.product, c.availableProducts),
    distributionTypes: (c) => enumList(atomicEnums.distributionType, c.capabilities?.distributionTypes),
  },
  Task: {
    id: (t) => t._id,
    status: (t) => required(atomicEnums.taskStatus.toGraphQL(t.status), 'task status', t.status),
    failReason: (t) => t.failReason ?? null,
    product: (t) => atomicEnums.product.toGraphQL(t.product),
    authenticated: (t) => t.authenticated ?? null,
    company: (t, _args, ctx) => companyOf(detail(t).company, ctx),
    connector: (t) => detail(t).connector ?? null,
    createdAt: (t) => t.createdAt,
    updatedAt: (t) => detail(t).updatedAt ?? null,
    depositData: (t) => detail(t).depositData ?? null,
    metadata: (t) => metadataEntries(detail(t).metadata),
    taskWorkflow: (t) => detail(t).taskWorkflow ?? null,
    linkedAccountId: (t) => detail(t).linkedAccount ?? null,
    payrollDataAvailable: (t) => t.payrollDataAvailable ?? null,
  },
  DepositData: {
    accountType: (d) => atomicEnums.depositAccountType.toGraphQL(d.accountType),
    distributionType: (d) => atomicEnums.distributionType.toGraphQL(d.distributionType),
    distributionAmount: (d) => distribution(d).amount,
    distributionPercent: (d) => distribution(d).percent,
    lastFour: (d) => lastFour(d.lastFour),
  },
  TaskWorkflow: {
    id: (w) => ('taskWorkflow' in w ? w.taskWorkflow._id : w._id),
    firstTaskId: (w) => ('task' in w ? w.task._id : null),
    company: (w, _args, ctx) => ('company' in w ? companyOf(w.company, ctx) : null),
  },
  PrescreenResult: {
    confidence: (p) => required(atomicEnums.prescreenConfidence.toGraphQL(p.confidence), 'prescreen confidence', p.confidence),
  },

  // ── paylink.graphql ──
  PayLinkAccount: {
    id: (a) => a._id,
    connectionStatus: (a) => required(atomicEnums.connectionStatus.toGraphQL(a.connectionStatus), 'connection status', a.connectionStatus),
    processing: (a) => a.processing ?? false,
    lastSyncedAt: (a) => a.lastSyncedAt ?? a.lastSynedAt ?? null,
    company: (a, _args, ctx) => companyOf(a.company, ctx),
    actions: (a) => a.actions ?? [],
    data: (a) => a.data ?? null,
    bills: (a) => billsOf(a),
    recurringFinancialTransaction: (a) => a.recurringFinancialTransaction ?? a.data?.recurringFinancialTransaction ?? null,
  },
  PayLinkAccountData: {
    category: (d) => atomicEnums.accountCategory.toGraphQL(d.category),
    identities: (d) => d.identities ?? [],
    paymentMethods: (d) => d.paymentMethods ?? [],
  },
  PayLinkAction: {
    id: (a) => a.actionId ?? a.id ?? null,
    type: (a) => atomicEnums.actionType.toGraphQL(a.type),
  },
  PaymentMethod: {
    type: (p) => atomicEnums.paymentMethodType.toGraphQL(p.type),
    lastFour: (p) => (p.lastFour ? lastFour(p.lastFour) : accountLastFour(p.accountNumber)),
    accountNumber: (p) => maskAccountNumber(p.accountNumber),
  },
  DetectedFinancialTransaction: {
    amount: (t) => dollarsToCents(t.amount),
    currency: (t) => t.currency?.toUpperCase() ?? null,
  },
  RecurringFinancialTransaction: {
    type: (r) => atomicEnums.recurringTransactionType.toGraphQL(r.type),
    category: (r) => atomicEnums.accountCategory.toGraphQL(r.category),
    financialTransactions: (r) => r.financialTransactions ?? [],
  },
  Bill: {
    id: (b) => b._id,
    amount: (b) => dollarsToCents(b.amount),
    autopayStatus: (b) => atomicEnums.autopayStatus.toGraphQL(b.autopayStatus),
    billingCycle: (b) => atomicEnums.billingCycle.toGraphQL(b.billingCycle),
    paymentHistory: (b) => b.paymentHistory ?? [],
    items: (b) => b.items ?? [],
    usage: (b) => b.usage ?? [],
    profiles: (b) => b.profiles ?? [],
    plans: (b) => b.plans ?? [],
    paymentMethod: (b) => b.paymentMethod ?? null,
    company: (b, _args, ctx) => companyOf(b.company, ctx),
    managedBy: async (b, _args, ctx) => companyOf((await parentAccount(b, ctx))?.company, ctx),
    actions: (b) => b.actions ?? [],
    account: (b, _args, ctx) => parentAccount(b, ctx),
  },
  BillPayment: { amount: (p) => dollarsToCents(p.amount) },
  BillItem: { amount: (i) => dollarsToCents(i.amount) },
  BillUsage: { unit: (u) => atomicEnums.usageUnit.toGraphQL(u.unit) },
  Plan: {
    status: (p) => atomicEnums.planStatus.toGraphQL(p.status),
    amount: (p) => dollarsToCents(p.amount),
  },
  PlanPendingChange: {
    status: (c) => atomicEnums.planStatus.toGraphQL(c.status),
    amount: (c) => dollarsToCents(c.amount),
    billingCycle: (c) => atomicEnums.billingCycle.toGraphQL(c.billingCycle),
  },
  ActionHistoryEntry: {
    id: (e) => e._id,
    type: (e) => atomicEnums.actionType.toGraphQL(e.type),
    status: (e) => atomicEnums.taskStatus.toGraphQL(e.status),
    account: (e, _args, ctx) => (e.accountId ? atomicLoaders(ctx).paylinkAccountById.load(e.accountId) : null),
  },

  // ── payroll.graphql ──
  PayrollSource: {
    company: (s, _args, ctx) => companyOf(s.company, ctx),
    connector: (s) => s.connector ?? null,
    linkedAccountId: (s) => s.linkedAccount ?? null,
    taskId: (s) => s.task ?? null,
  },
  PayrollFile: { id: (f) => f._id },
  Income: {
    income: (i) => dollarsToCents(i.income),
    annualIncome: (i) => dollarsToCents(i.annualIncome),
    hourlyIncome: (i) => dollarsToCents(i.hourlyIncome),
    netHourlyRate: (i) => dollarsToCents(i.netHourlyRate),
  },
  PayrollIdentity: { ssn: (i) => maskSsn(i.ssn) },
  Statement: {
    grossAmount: (s) => dollarsToCents(s.grossAmount),
    ytdGrossAmount: (s) => dollarsToCents(s.ytdGrossAmount),
    netAmount: (s) => dollarsToCents(s.netAmount),
    ytdNetAmount: (s) => dollarsToCents(s.ytdNetAmount),
    earnings: (s) => s.earnings ?? [],
    deductions: (s) => s.deductions ?? [],
    netAmountAdjustments: (s) => s.netAmountAdjustments ?? [],
  },
  StatementEarning: {
    amount: (e) => dollarsToCents(e.amount),
    ytdAmount: (e) => dollarsToCents(e.ytdAmount),
    rate: (e) => dollarsToCents(e.rate),
  },
  StatementDeduction: {
    amount: (d) => dollarsToCents(d.amount),
    ytdAmount: (d) => dollarsToCents(d.ytdAmount),
  },
  NetAmountAdjustment: { amount: (a) => dollarsToCents(a.amount) },
  TaxDocument: {
    year: (t) => yearOf(t.year),
    totalWages: (t) => dollarsToCents(t.totalWages),
  },
  W2ParsedData: {
    employeeTin: (w) => maskSsn(w.employeeTin),
    wages: (w) => dollarsToCents(w.wages),
    federalTaxWithheld: (w) => dollarsToCents(w.federalTaxWithheld),
    socialSecurityWages: (w) => dollarsToCents(w.socialSecurityWages),
    socialSecurityTaxWithheld: (w) => dollarsToCents(w.socialSecurityTaxWithheld),
    medicareWages: (w) => dollarsToCents(w.medicareWages),
    medicareTaxWithheld: (w) => dollarsToCents(w.medicareTaxWithheld),
    socialSecurityTips: (w) => dollarsToCents(w.socialSecurityTips),
    allocatedTips: (w) => dollarsToCents(w.allocatedTips),
    dependentCareBenefit: (w) => dollarsToCents(w.dependentCareBenefit),
    nonQualifiedPlan: (w) => dollarsToCents(w.nonQualifiedPlan),
    codes: (w) => w.codes ?? [],
    other: (w) => w.other ?? [],
    stateTaxWithholding: (w) => w.stateTaxWithholding ?? [],
    localTaxWithholding: (w) => w.localTaxWithholding ?? [],
  },
  W2Code: { amount: (c) => dollarsToCents(c.amount) },
  W2OtherItem: { amount: (o) => dollarsToCents(o.amount) },
  W2StateTax: {
    stateIncome: (s) => dollarsToCents(s.stateIncome),
    stateTaxWithheld: (s) => dollarsToCents(s.stateTaxWithheld),
  },
  W2LocalTax: {
    localIncome: (l) => dollarsToCents(l.localIncome),
    localTaxWithheld: (l) => dollarsToCents(l.localTaxWithheld),
  },
  DepositAccount: {
    accountNumber: (a) => maskAccountNumber(a.accountNumber),
    lastFour: (a) => accountLastFour(a.accountNumber),
    type: (a) => atomicEnums.depositAccountType.toGraphQL(a.type),
    distributionType: (a) => atomicEnums.distributionType.toGraphQL(a.distributionType),
    distributionAmount: (a) => distribution(a).amount,
    distributionPercent: (a) => distribution(a).percent,
  },
  LinkedAccount: {
    id: (l) => l._id,
    company: (l, _args, ctx) => companyOf(l.company, ctx),
    connector: (l) => l.connector ?? null,
  },
};
