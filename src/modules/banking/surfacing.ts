import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { BankTransaction, EndUser, type BankTransactionEntity, type EndUserEntity } from '../../db/entities/index.js';
import type { Dialect } from '../../db/orm-options.js';
import type { IngestService } from '../usage/ingest-service.js';

/**
 * Rows this request already surfaced (or found surfaced), so a second field or alias showing them
 * skips the UPDATE. Kept beside the entities rather than on them: setting `surfacedAt` on a managed
 * entity made the next flush of the request write it again, overwriting the time a concurrent
 * request had recorded with this one's. Entities live as long as their request, so a WeakSet.
 */
const handled = new WeakSet<BankTransactionEntity>();

/**
 * The first time a transaction is shown to its partner, one `transaction` usage event is recorded.
 * "First" is decided by the database: only the request whose UPDATE flips surfaced_at from NULL
 * gets the row back (RETURNING), so concurrent reads never record it twice.
 */
export async function markSurfaced(
  em: EntityManager,
  dialect: Dialect,
  partnerId: string,
  user: EndUserEntity,
  shown: BankTransactionEntity[],
  usage: IngestService,
): Promise<void> {
  const fresh = shown.filter((t) => !t.surfacedAt && !handled.has(t));
  if (fresh.length === 0) return;
  const now = new Date();
  await em.transactional(async (tx) => {
    // On PostgreSQL, the user's row lock first, as the sync engine takes it: concurrent surfacing of
    // one user's rows (one query asking for them under several aliases, or parallel requests) and a
    // sync then lock in one order (user → transactions → usage rollups) and cannot deadlock.
    if (dialect === 'postgresql') await tx.findOneOrFail(EndUser, { id: user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // Built on the transaction's own query builder: a bare knex query would take another
    // connection, which SQLite's single connection cannot give while this transaction holds it.
    const flipped = (await tx
      .createQueryBuilder(BankTransaction)
      .update({ surfacedAt: now })
      .where({ id: { $in: fresh.map((t) => t.id) }, surfacedAt: null })
      .returning(['id'])
      .execute('all', false)) as { id: string }[];
    const ids = new Set(flipped.map((r) => r.id));
    const events = fresh.filter((t) => ids.has(t.id));
    await usage.recordInternal(
      tx,
      events.map((t) => ({
        partnerId,
        eventType: 'transaction' as const,
        userId: user.externalUserId,
        amountCents: t.amountCents,
        category: t.pfcPrimary ?? null,
        occurredAt: now,
      })),
    );
  });
  for (const t of fresh) handled.add(t);
}
