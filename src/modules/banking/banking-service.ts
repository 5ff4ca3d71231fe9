import type { EntityManager } from '@mikro-orm/knex';
import type { Dialect } from '../../db/orm-options.js';
import type { FastifyBaseLogger } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedPartner } from '../partners/partner-types.js';
import type { TokenCipher } from '../../crypto/token-cipher.js';
import { BankAccount, BankTransaction, EndUser, PlaidItem, TransactionFeedCursor, type BankTransactionEntity, type EndUserEntity } from '../../db/entities/index.js';
import { upsertAccounts } from './account-rows.js';
import { AppError, badUserInput, type UpstreamErrorInfo } from '../../errors/app-error.js';
import type { PlaidAdapter } from '../../upstreams/plaid/plaid-adapter.js';
import { plaidErrorCode } from '../../upstreams/plaid/plaid-errors.js';
import { assertUserId, type TenantScope } from '../users/tenant-scope.js';
import type { IngestService } from '../usage/ingest-service.js';
import { institutionOf, toAccountView, toTransactionView, type AccountView, type InstitutionView, type TransactionView } from './banking-views.js';
import { decodeFeedCursor, decodeListCursor, encodeFeedCursor, encodeListCursor, FEED_START, type FeedPosition } from './feed-cursor.js';
import type { SyncEngine } from './sync-engine.js';
import { markSurfaced } from './surfacing.js';
import { isoSeconds } from '../wire-time.js';
import { RequestMemo } from '../request-memo.js';
import { isCalendarDate } from '../../validation/calendar.js';

export const MAX_PAGE = 500;

export interface BankingDeps {
  em: EntityManager;
  partner: AuthenticatedPartner;
  tenant: TenantScope;
  plaid: () => PlaidAdapter;
  cipher: TokenCipher;
  sync: SyncEngine;
  webhookUrl: string | undefined;
  staleAfterMs: number;
  usage: IngestService;
  log: FastifyBaseLogger;
  /** PostgreSQL takes row locks that SQLite (one writer at a time) does not need. */
  dialect: Dialect;
}

export interface LinkResult {
  itemId: string;
  institution: InstitutionView;
  accounts: AccountView[];
}

export interface TransactionPage {
  transactions: TransactionView[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface FeedPage {
  added: TransactionView[];
  modified: TransactionView[];
  removed: string[];
  nextCursor: string;
  hasMore: boolean;
}

export function assertPageSize(value: number | null | undefined, field: string, fallback = 100): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw badUserInput(`${field} must be an integer from 1 to ${MAX_PAGE}.`, { field });
  }
  return size;
}

export function assertDate(value: string | null | undefined, field: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isCalendarDate(value)) {
    throw badUserInput(`${field} must be a real calendar date in YYYY-MM-DD form.`, { field });
  }
  return value;
}

/**
 * Exchanges a public token. One that Plaid does not know, has expired or was already used is the
 * caller's mistake, not an upstream failure: BAD_USER_INPUT (REST 400, not 502), with Plaid's code.
 */
async function exchangeOrRefuse(plaid: PlaidAdapter, publicToken: string) {
  try {
    return await plaid.exchangePublicToken(publicToken);
  } catch (err) {
    if (plaidErrorCode(err) !== 'INVALID_PUBLIC_TOKEN') throw err;
    throw new AppError('BAD_USER_INPUT', `publicToken was not accepted by Plaid: ${(err as Error).message}`, {
      upstream: (err as AppError).extensions.upstream as UpstreamErrorInfo,
      extensions: { field: 'publicToken' },
    });
  }
}

export interface DepositoryHistory {
  accounts: AccountView[];
  /** Posted transactions on or after `since`, oldest first. */
  transactions: BankTransactionEntity[];
  /** Transactions still pending (already out of the available balance), oldest first. */
  pending: BankTransactionEntity[];
}

/** Plaid-backed banking for one request's partner: linking, accounts, transactions, the delta feed. */
export class BankingService {
  constructor(private readonly d: BankingDeps) {}

  async createLinkToken(userId: string): Promise<{ linkToken: string; expiration: string; requestId: string }> {
    const user = await this.d.tenant.ensureUser(userId);
    // Plaid's client_user_id: our row id for the user, stable, partner-scoped, and revealing nothing.
    const res = await this.d.plaid().createLinkToken(user.id, this.d.webhookUrl);
    return { linkToken: res.link_token, expiration: isoSeconds(res.expiration), requestId: res.request_id };
  }

  async sandboxPublicToken(institutionId: string): Promise<string> {
    if (this.d.partner.keyMode !== 'test') {
      throw new AppError('FORBIDDEN', 'sandboxPublicToken is only available with a test key.');
    }
    if (!institutionId.trim()) throw badUserInput('institutionId must not be empty.', { field: 'institutionId' });
    return this.d.plaid().sandboxPublicToken(institutionId, this.d.webhookUrl);
  }

  async linkAccounts(input: { publicToken: string; userId: string; institution?: { institutionId: string; name?: string | null } | null }): Promise<LinkResult> {
    if (typeof input.publicToken !== 'string' || !input.publicToken.trim()) {
      throw badUserInput('publicToken must not be empty.', { field: 'publicToken' });
    }
    // Nothing is written (not even the user) until Plaid has accepted the token.
    assertUserId(input.userId);
    const plaid = this.d.plaid();
    const exchanged = await exchangeOrRefuse(plaid, input.publicToken);
    const { accounts, item: plaidItem } = await plaid.getAccounts(exchanged.accessToken);
    // The partner's institution details win; otherwise Plaid's own, so the answer always names the bank.
    const institution: InstitutionView = {
      institutionId: input.institution?.institutionId ?? plaidItem.institution_id ?? null,
      name: input.institution?.name ?? plaidItem.institution_name ?? null,
    };
    const itemRowId = await this.d.em.transactional(async (tx) => {
      const user = await this.d.tenant.ensureUser(input.userId, tx);
      let item = await tx.findOne(PlaidItem, { partner: this.d.partner.id, keyMode: this.d.partner.keyMode, plaidItemId: exchanged.itemId });
      const id = item?.id ?? randomUUID();
      const sealed = this.d.cipher.seal(exchanged.accessToken, id);
      if (item) {
        // Relinking the same item (e.g. after ITEM_LOGIN_REQUIRED): new token, same history.
        item.endUser = tx.getReference(EndUser, user.id, { wrapped: true });
        item.accessTokenCiphertext = sealed.ciphertext;
        item.accessTokenKeyId = sealed.keyId;
        item.status = 'active';
        if (institution.institutionId) item.institutionId = institution.institutionId;
        if (institution.name) item.institutionName = institution.name;
      } else {
        item = tx.create(PlaidItem, {
          id,
          partner: this.d.partner.id,
          endUser: user.id,
          plaidItemId: exchanged.itemId,
          keyMode: this.d.partner.keyMode,
          institutionId: institution.institutionId,
          institutionName: institution.name,
          accessTokenCiphertext: sealed.ciphertext,
          accessTokenKeyId: sealed.keyId,
          syncCursor: null,
          lastSyncedAt: null,
          status: 'active',
        });
      }
      await tx.flush();
      await upsertAccounts(tx, id, user.id, accounts);
      await this.d.usage.recordInternal(tx, [
        {
          partnerId: this.d.partner.id,
          eventType: 'account_link',
          userId: input.userId,
          institution: institution.name ?? institution.institutionId,
          occurredAt: new Date(),
        },
      ]);
      return id;
    });
    // The first transactions sync starts now; reads wait for it if it is still running (the new
    // item is in none of this request's earlier reads).
    this.refreshes.clear();
    this.accountReads.clear();
    this.histories.clear();
    this.d.sync.syncItem(itemRowId, this.d.log).catch((err) => this.d.log.warn({ err }, 'initial sync failed'));
    const item = await this.d.em.findOneOrFail(PlaidItem, { id: itemRowId });
    const view = institutionOf(item);
    const rows = await this.d.em.find(BankAccount, { item: itemRowId }, { orderBy: { plaidAccountId: 'asc' } });
    return { itemId: exchanged.itemId, institution: view, accounts: rows.map((a) => toAccountView(a, view)) };
  }

  /** The user's accounts, read once per request (user.accounts and the insights both ask). */
  accounts(user: EndUserEntity | null): Promise<AccountView[]> {
    if (!user) return Promise.resolve([]);
    return this.accountReads.get(user.id, () => this.loadAccounts(user));
  }

  private async loadAccounts(user: EndUserEntity): Promise<AccountView[]> {
    await this.refreshIfStale(user);
    const items = await this.d.em.find(PlaidItem, { endUser: user.id, status: { $ne: 'removed' } });
    const byItem = new Map(items.map((i) => [i.id, institutionOf(i)]));
    const rows = await this.d.em.find(BankAccount, { endUser: user.id, item: { $in: [...byItem.keys()] } }, { orderBy: { item: 'asc', plaidAccountId: 'asc' } });
    return rows.map((a) => toAccountView(a, byItem.get(a.item.id)!));
  }

  // Reads kept for the rest of the request (see each method); a link in the request clears them.
  private readonly refreshes = new RequestMemo<string, void>();
  private readonly accountReads = new RequestMemo<string, AccountView[]>();
  private readonly histories = new RequestMemo<string, DepositoryHistory>();

  /**
   * The user's depository (checking, savings) accounts, their posted transactions on or after
   * `since` and their pending ones, oldest first: the inputs of safe-to-spend and the cash-flow
   * forecast. Reading this does not count as surfacing transactions to the partner (no usage
   * events). Read once per request:
   * a query asking for safe-to-spend and the forecast, or either under several aliases, loaded the
   * same year of transactions for each (8 forecasts and 2 safe-to-spends: 10 reads instead of 1).
   */
  depositoryHistory(user: EndUserEntity | null, since: string): Promise<DepositoryHistory> {
    return this.histories.get(`${user?.id ?? ''}|${since}`, () => this.loadDepositoryHistory(user, since));
  }

  private async loadDepositoryHistory(user: EndUserEntity | null, since: string): Promise<DepositoryHistory> {
    const accounts = (await this.accounts(user)).filter((a) => a.type === 'depository');
    if (!user || accounts.length === 0) return { accounts, transactions: [], pending: [] };
    const rows = await this.d.em.find(
      BankTransaction,
      {
        endUser: user.id,
        removedAt: null,
        plaidAccountId: { $in: accounts.map((a) => a.accountId) },
        $or: [{ pending: false, date: { $gte: since } }, { pending: true }],
      },
      { orderBy: { date: 'asc', plaidTransactionId: 'asc' } },
    );
    return { accounts, transactions: rows.filter((t) => !t.pending), pending: rows.filter((t) => t.pending) };
  }

  async transactions(user: EndUserEntity | null, args: { since?: string | null; first?: number | null; after?: string | null }): Promise<TransactionPage> {
    const first = assertPageSize(args.first, 'first');
    const since = assertDate(args.since, 'since');
    const after = args.after ? decodeListCursor(args.after) : undefined;
    if (!user) return { transactions: [], endCursor: null, hasNextPage: false };
    await this.refreshIfStale(user);
    const where: Record<string, unknown> = { endUser: user.id, removedAt: null };
    if (since) where.date = { $gte: since };
    if (after) {
      where.$or = [
        { date: { $lt: after.date } },
        { date: after.date, plaidTransactionId: { $lt: after.transactionId } },
      ];
    }
    const rows = await this.d.em.find(BankTransaction, where, {
      orderBy: { date: 'desc', plaidTransactionId: 'desc' },
      limit: first + 1,
    });
    const page = rows.slice(0, first);
    await markSurfaced(this.d.em, this.d.dialect, this.d.partner.id, user, page, this.d.usage);
    const last = page.at(-1);
    return {
      transactions: page.map(toTransactionView),
      endCursor: last ? encodeListCursor(last.date, last.plaidTransactionId) : null,
      hasNextPage: rows.length > first,
    };
  }

  /**
   * The delta feed: changes after `cursor`, or after this partner's stored position for the user
   * when no cursor is given (and then the new position is stored).
   */
  async transactionUpdates(userId: string, args: { cursor?: string | null; limit?: number | null; since?: string | null }): Promise<FeedPage> {
    const limit = assertPageSize(args.limit, 'limit');
    const since = assertDate(args.since, 'since');
    const explicit = args.cursor ? decodeFeedCursor(args.cursor) : undefined;
    const user = await this.d.tenant.findUser(userId);
    if (!user) return { added: [], modified: [], removed: [], nextCursor: encodeFeedCursor(explicit ?? FEED_START), hasMore: false };
    await this.refreshIfStale(user);
    let from: FeedPosition = explicit ?? FEED_START;
    if (!explicit) {
      const stored = await this.d.em.findOne(TransactionFeedCursor, { endUser: user.id });
      if (stored) from = decodeFeedCursor(stored.cursor);
    }
    const rows = await this.d.em.find(
      BankTransaction,
      {
        endUser: user.id,
        $or: [{ changeSeq: { $gt: from.seq } }, { changeSeq: from.seq, id: { $gt: from.id } }],
      },
      { orderBy: { changeSeq: 'asc', id: 'asc' }, limit: limit + 1 },
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const next = last ? { seq: last.changeSeq, id: last.id } : from;
    const inWindow = page.filter((t) => !since || t.date >= since);
    const live = inWindow.filter((t) => !t.removedAt);
    await markSurfaced(this.d.em, this.d.dialect, this.d.partner.id, user, live, this.d.usage);
    const nextCursor = encodeFeedCursor(next);
    if (!explicit) await this.storeFeedPosition(user.id, nextCursor);
    // New to this reader when the row's first version lies after the reader's position in (seq, id)
    // order. Comparing batches alone made every page after the first of one large sync (a new
    // user's whole history is one batch) report its rows as modified.
    const isNew = (t: BankTransactionEntity) => t.addedSeq > from.seq || (t.addedSeq === from.seq && t.id > from.id);
    return {
      added: live.filter(isNew).map(toTransactionView),
      modified: live.filter((t) => !isNew(t)).map(toTransactionView),
      removed: inWindow.filter((t) => t.removedAt).map((t) => t.plaidTransactionId),
      nextCursor,
      hasMore: rows.length > limit,
    };
  }

  async accountsById(itemRowId: string, plaidAccountIds: readonly string[]): Promise<Map<string, AccountView>> {
    const item = await this.d.em.findOne(PlaidItem, { id: itemRowId, partner: this.d.partner.id, keyMode: this.d.partner.keyMode });
    if (!item) return new Map();
    const rows = await this.d.em.find(BankAccount, { item: itemRowId, plaidAccountId: { $in: [...plaidAccountIds] } });
    const inst = institutionOf(item);
    return new Map(rows.map((a) => [a.plaidAccountId, toAccountView(a, inst)]));
  }

  private async storeFeedPosition(endUserId: string, cursor: string): Promise<void> {
    await this.d.em
      .createQueryBuilder(TransactionFeedCursor)
      .insert({ id: randomUUID(), endUser: endUserId, cursor, updatedAt: new Date() })
      .onConflict(['endUser'])
      .merge(['cursor', 'updatedAt'])
      .execute('run');
  }

  /**
   * Once per user per request (each field reading bank data asks; a link in the request starts
   * over): syncs the user's items whose data is older than the staleness window. A never-synced item
   * must sync (its failure fails the read); a merely stale one is served from the local copy if
   * Plaid is unavailable, with the failure logged.
   */
  private refreshIfStale(user: EndUserEntity): Promise<void> {
    return this.refreshes.get(user.id, () => this.refreshStaleItems(user));
  }

  private async refreshStaleItems(user: EndUserEntity): Promise<void> {
    const items = await this.d.em.find(PlaidItem, { endUser: user.id, status: 'active' });
    const threshold = Date.now() - this.d.staleAfterMs;
    await Promise.all(
      items
        .filter((i) => !i.lastSyncedAt || i.lastSyncedAt.getTime() < threshold)
        .map(async (i) => {
          try {
            await this.d.sync.syncItem(i.id, this.d.log);
          } catch (err) {
            if (!i.lastSyncedAt) throw err;
            this.d.log.warn({ err, plaidItemId: i.plaidItemId }, 'serving stale transactions: refresh failed');
          }
        }),
    );
  }
}
