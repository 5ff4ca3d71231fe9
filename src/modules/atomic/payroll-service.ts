import type {
  AtomicDepositAccountsResponse,
  AtomicEmploymentResponse,
  AtomicIdentityResponse,
  AtomicIncomeResponse,
  AtomicLinkedAccount,
  AtomicLinkedAccountsResponse,
  AtomicStatementsResponse,
  AtomicTaxesResponse,
  AtomicTimesheetsResponse,
} from '../../upstreams/atomic/atomic-wire.js';
import { atomicUser, type AtomicDeps } from './atomic-deps.js';
import { payrollItems } from './type-resolvers.js';

type PayrollEndpoint = 'employment' | 'income' | 'identity' | 'statements' | 'timesheets' | 'taxes' | 'deposit-accounts';

/** UserLink payroll data for one request's partner: every read is addressed by the user's Atomic identifier. */
export class PayrollService {
  constructor(private readonly d: AtomicDeps) {}

  private async read<T extends { data: unknown[] }>(userId: string, endpoint: PayrollEndpoint, linkedAccount?: string | null): Promise<T['data']> {
    const ref = await atomicUser(this.d, userId);
    if (!ref) return [];
    const res = await this.d.atomic().get<T>(`${endpoint}/${encodeURIComponent(ref.identifier)}`, { linkedAccount: linkedAccount ?? undefined });
    return res.data;
  }

  employment = async (userId: string, linked?: string | null) =>
    payrollItems.employment(await this.read<AtomicEmploymentResponse>(userId, 'employment', linked));
  income = async (userId: string, linked?: string | null) => payrollItems.income(await this.read<AtomicIncomeResponse>(userId, 'income', linked));
  identity = async (userId: string, linked?: string | null) =>
    payrollItems.identity(await this.read<AtomicIdentityResponse>(userId, 'identity', linked));
  statements = async (userId: string, linked?: string | null) =>
    payrollItems.statements(await this.read<AtomicStatementsResponse>(userId, 'statements', linked));
  timesheets = async (userId: string, linked?: string | null) =>
    payrollItems.timesheets(await this.read<AtomicTimesheetsResponse>(userId, 'timesheets', linked));
  taxes = async (userId: string, linked?: string | null) => payrollItems.taxes(await this.read<AtomicTaxesResponse>(userId, 'taxes', linked));
  depositAccounts = async (userId: string, linked?: string | null) =>
    payrollItems.depositAccounts(await this.read<AtomicDepositAccountsResponse>(userId, 'deposit-accounts', linked));

  async linkedAccounts(userId: string): Promise<AtomicLinkedAccount[]> {
    const ref = await atomicUser(this.d, userId);
    if (!ref) return [];
    const res = await this.d.atomic().get<AtomicLinkedAccountsResponse>(`linked-account/list/${encodeURIComponent(ref.identifier)}`);
    return res.data;
  }
}
