import { BankTransaction } from '../../db/entities/index.js';
import { notFound } from '../../errors/app-error.js';
import type {
  AtomicActionHistoryEntry,
  AtomicActionHistoryResponse,
  AtomicDeleteResponse,
  AtomicDetectAccountsRequest,
  AtomicPayLinkAccount,
  AtomicPayLinkAccountResponse,
  AtomicPayLinkAccountsResponse,
  AtomicSuggestionReviewRequest,
} from '../../upstreams/atomic/atomic-wire.js';
import { atomicUser, requireAtomicUser, type AtomicDeps } from './atomic-deps.js';
import type { BillOrder } from '../../generated/graphql.js';
import { billsOf, type BillModel } from './type-resolvers.js';

const DETECT_WINDOW_DAYS = 90;

/** PayLink for one request: a partner's user's accounts and bills, always checked against that user. */
export class PayLinkService {
  constructor(private readonly d: AtomicDeps) {}

  async accounts(userId: string): Promise<AtomicPayLinkAccount[]> {
    const ref = await atomicUser(this.d, userId);
    if (!ref) return [];
    const res = await this.d.atomic().get<AtomicPayLinkAccountsResponse>('pay-link/accounts', { identifier: ref.identifier });
    return res.accounts;
  }

  async bills(userId: string, order: BillOrder): Promise<BillModel[]> {
    const bills = (await this.accounts(userId)).flatMap(billsOf);
    const field = order.startsWith('DUE_DATE') ? 'dueDate' : 'amount';
    const direction = order.endsWith('DESC') ? -1 : 1;
    const key = (b: BillModel) => (field === 'dueDate' ? (b.dueDate ? Date.parse(b.dueDate) : NaN) : (b.amount ?? NaN));
    // Bills without the sort key go last in either direction.
    return bills.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (Number.isNaN(ka) || Number.isNaN(kb)) return Number.isNaN(ka) ? (Number.isNaN(kb) ? 0 : 1) : -1;
      return (ka - kb) * direction;
    });
  }

  /** The account, only if it is one of this user's (Atomic account ids are global). */
  async account(userId: string, accountId: string): Promise<AtomicPayLinkAccount | null> {
    if (!(await this.owns(userId, accountId))) return null;
    const res = await this.d.atomic().get<AtomicPayLinkAccountResponse>(`pay-link/accounts/${encodeURIComponent(accountId)}`);
    return res.account;
  }

  async actionHistory(userId: string, accountId: string): Promise<AtomicActionHistoryEntry[]> {
    if (!(await this.owns(userId, accountId))) throw notFound(`No PayLink account ${accountId} for user ${userId}.`);
    const res = await this.d.atomic().get<AtomicActionHistoryResponse>('pay-link/action-history', { accountId });
    return res.data;
  }

  async deleteAccount(userId: string, accountId: string): Promise<boolean> {
    if (!(await this.owns(userId, accountId))) throw notFound(`No PayLink account ${accountId} for user ${userId}.`);
    await this.d.atomic().delete<AtomicDeleteResponse>(`pay-link/accounts/${encodeURIComponent(accountId)}`);
    return true;
  }

  async deleteAccounts(userId: string): Promise<boolean> {
    const ref = await requireAtomicUser(this.d, userId);
    await this.d.atomic().delete<AtomicDeleteResponse>('pay-link/accounts', { identifier: ref.identifier });
    return true;
  }

  /** Sends the user's last 90 days of bank transactions to Atomic's detection and returns what it found. */
  async detectBills(userId: string): Promise<AtomicPayLinkAccount[]> {
    const ref = await requireAtomicUser(this.d, userId);
    const since = new Date(Date.now() - DETECT_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.d.em.find(
      BankTransaction,
      { endUser: ref.user.id, removedAt: null, date: { $gte: since } },
      { orderBy: { date: 'desc' } },
    );
    // Atomic requires a non-empty list: with no recent bank transactions there is nothing to detect.
    if (rows.length === 0) return [];
    const body: AtomicDetectAccountsRequest = {
      identifier: ref.identifier,
      financialTransactions: rows.map((t) => ({
        identifier: t.plaidTransactionId,
        date: t.date,
        description: t.name,
        amount: t.amountCents / 100,
        ...(t.merchantName ? { merchantName: t.merchantName } : {}),
        ...(t.pfcPrimary ? { category: t.pfcPrimary } : {}),
      })),
    };
    const res = await this.d.atomic().post<AtomicPayLinkAccountsResponse>('pay-link/accounts', body);
    return res.accounts;
  }

  async reviewSuggestion(userId: string, suggestionId: string, rating: 'not-interested'): Promise<boolean> {
    const ref = await requireAtomicUser(this.d, userId);
    const body: AtomicSuggestionReviewRequest = { identifier: ref.identifier, suggestionId, rating };
    await this.d.atomic().post('pay-link/suggestion-review', body);
    return true;
  }

  private async owns(userId: string, accountId: string): Promise<boolean> {
    return (await this.accounts(userId)).some((a) => a._id === accountId);
  }
}
