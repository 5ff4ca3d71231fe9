import { LockMode, raw } from '@mikro-orm/core';
import { CoalescedRuns } from '../../background/coalesced-runs.js';
import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyBaseLogger } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { AccountBase, RemovedTransaction, Transaction as PlaidTransaction } from 'plaid';
import type { TokenCipher } from '../../crypto/token-cipher.js';
import { BankTransaction, EndUser, PlaidItem, type PlaidItemEntity } from '../../db/entities/index.js';
import type { Orm } from '../../db/orm.js';
import type { Dialect } from '../../db/orm-options.js';
import { plaidErrorCode } from '../../upstreams/plaid/plaid-errors.js';
import type { PlaidRegistry } from '../../upstreams/plaid/plaid-registry.js';
import { upsertAccounts } from './account-rows.js';
import { toTransactionColumns } from './transaction-rows.js';

export interface SyncResult {
  itemId: string;
  added: number;
  modified: number;
  removed: number;
  /** True when another sync applied first and this one stood down (its data is already there). */
  superseded: boolean;
}

interface FetchedChanges {
  startCursor: string | undefined;
  nextCursor: string;
  added: PlaidTransaction[];
  modified: PlaidTransaction[];
  removed: RemovedTransaction[];
  accounts: AccountBase[];
}

const PAGE_SIZE = 500;
const MAX_PAGINATION_RESTARTS = 5;

/**
 * Keeps the local copy of an item's transactions in step with Plaid's /transactions/sync.
 *
 * 1. Page from the saved cursor until has_more is false, holding no database lock (network time).
 *    TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION restarts the run from the saved cursor.
 * 2. Apply everything in ONE transaction that first locks the user row (PostgreSQL: FOR UPDATE;
 *    SQLite: its single writer) and re-reads the item's cursor. If another process has moved the
 *    cursor meanwhile, it applied the same changes, so this run stands down: no duplicates, and
 *    the cursor is stored only together with the rows it covers.
 * Within one process, requests for an item coalesce (CoalescedRuns): a read that finds the data
 * stale shares the run under way; a SYNC_UPDATES_AVAILABLE webhook waits for the run queued after
 * it, since the run under way may already have read Plaid (and be writing, or waiting for the
 * user's lock).
 */
export class SyncEngine {
  private readonly runs = new CoalescedRuns<string, SyncResult>();

  constructor(
    private readonly orm: Orm,
    private readonly cipher: TokenCipher,
    private readonly plaid: PlaidRegistry,
    private readonly log: FastifyBaseLogger,
    private readonly dialect: Dialect,
  ) {}

  syncItem(itemRowId: string, log: FastifyBaseLogger = this.log, opts: { newChanges?: boolean } = {}): Promise<SyncResult> {
    return this.runs.run(itemRowId, () => this.run(itemRowId, log), opts.newChanges ? 'after' : 'join');
  }

  /** Waits for whatever syncs are running or queued (shutdown, tests). */
  idle(): Promise<void> {
    return this.runs.idle();
  }

  private async run(itemRowId: string, log: FastifyBaseLogger): Promise<SyncResult> {
    const em = this.orm.em.fork();
    const item = await em.findOneOrFail(PlaidItem, { id: itemRowId });
    const changes = await this.fetch(item, log);
    const result = await em.transactional((tx) => this.apply(tx, item.id, item.endUser.id, changes));
    log.info({ plaidItemId: item.plaidItemId, ...result }, 'transactions sync finished');
    return result;
  }

  private async fetch(item: PlaidItemEntity, log: FastifyBaseLogger): Promise<FetchedChanges> {
    const accessToken = this.cipher.open({ keyId: item.accessTokenKeyId, ciphertext: item.accessTokenCiphertext }, item.id);
    const adapter = this.plaid.adapter(item.keyMode, log);
    const startCursor = item.syncCursor ?? undefined;
    for (let attempt = 0; ; attempt++) {
      const changes: FetchedChanges = { startCursor, nextCursor: '', added: [], modified: [], removed: [], accounts: [] };
      let cursor = startCursor;
      try {
        for (;;) {
          const page = await adapter.syncTransactions(accessToken, cursor, PAGE_SIZE);
          changes.added.push(...page.added);
          changes.modified.push(...page.modified);
          changes.removed.push(...page.removed);
          if (page.accounts?.length) changes.accounts = page.accounts;
          cursor = page.next_cursor;
          if (!page.has_more) break;
        }
        changes.nextCursor = cursor ?? '';
        return changes;
      } catch (err) {
        if (plaidErrorCode(err) !== 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION' || attempt >= MAX_PAGINATION_RESTARTS) throw err;
        log.info({ plaidItemId: item.plaidItemId, attempt }, 'Plaid data changed during pagination; restarting from the saved cursor');
      }
    }
  }

  private async apply(tx: EntityManager, itemRowId: string, endUserId: string, changes: FetchedChanges): Promise<SyncResult> {
    if (this.dialect === 'postgresql') await tx.findOneOrFail(EndUser, { id: endUserId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const item = await tx.findOneOrFail(PlaidItem, { id: itemRowId }, { refresh: true });
    const counts = { added: changes.added.length, modified: changes.modified.length, removed: changes.removed.length };
    if ((item.syncCursor ?? undefined) !== changes.startCursor) {
      return { itemId: item.plaidItemId, ...counts, superseded: true };
    }

    const seq = await nextChangeSeq(tx, endUserId);
    const now = new Date();
    const upserts = [...changes.added, ...changes.modified].map((t) => ({
      id: randomUUID(),
      item: itemRowId,
      endUser: endUserId,
      ...toTransactionColumns(t),
      changeSeq: seq,
      addedSeq: seq,
      removedAt: null,
      surfacedAt: null,
      createdAt: now,
      updatedAt: now,
    }));
    for (let i = 0; i < upserts.length; i += 500) {
      await tx
        .createQueryBuilder(BankTransaction)
        .insert(upserts.slice(i, i + 500))
        .onConflict(['item', 'plaidTransactionId'])
        .merge(['plaidAccountId', 'amountCents', 'isoCurrencyCode', 'date', 'name', 'merchantName', 'pending', 'pendingTransactionId', 'pfcPrimary', 'pfcDetailed', 'changeSeq', 'removedAt', 'updatedAt'])
        .execute('run');
    }
    const removedIds = changes.removed.map((r) => r.transaction_id).filter((id): id is string => Boolean(id));
    if (removedIds.length > 0) {
      await tx.nativeUpdate(
        BankTransaction,
        { item: itemRowId, plaidTransactionId: { $in: removedIds }, removedAt: null },
        { removedAt: now, changeSeq: seq, updatedAt: now },
      );
    }
    await upsertAccounts(tx, itemRowId, endUserId, changes.accounts);
    item.syncCursor = changes.nextCursor;
    item.lastSyncedAt = now;
    await tx.flush();
    return { itemId: item.plaidItemId, ...counts, superseded: false };
  }
}

/**
 * The user's next delta-feed position. Safe because the caller holds the user's lock (PostgreSQL)
 * or the only write connection (SQLite), so two syncs of one user never pick the same value.
 */
async function nextChangeSeq(tx: EntityManager, endUserId: string): Promise<number> {
  const row = await tx
    .createQueryBuilder(BankTransaction)
    .select(raw('coalesce(max(change_seq), 0) as max_seq'))
    .where({ endUser: endUserId })
    .execute('get');
  return Number((row as unknown as { max_seq: number | string }).max_seq) + 1;
}
