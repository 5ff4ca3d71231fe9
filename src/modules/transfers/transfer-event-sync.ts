import type { FastifyBaseLogger } from 'fastify';
import { CoalescedRuns } from '../../background/coalesced-runs.js';
import type { TransferEvent } from 'plaid';
import { Transfer, TransferEventCursor, type TransferStatus } from '../../db/entities/index.js';
import type { Orm } from '../../db/orm.js';
import type { PlaidRegistry } from '../../upstreams/plaid/plaid-registry.js';
import { emitEvent } from '../outbox/outbox.js';
import type { KeyMode } from '../../config/config.js';
import { toTransferView, transferEventData } from './transfer-view.js';

/** The statuses a transfer may move to from each status (Plaid's lifecycle). */
const NEXT: Record<TransferStatus, TransferStatus[]> = {
  pending: ['posted', 'settled', 'failed', 'cancelled'],
  posted: ['settled', 'returned', 'failed'],
  settled: ['returned'],
  failed: [],
  returned: [],
  cancelled: [],
};

const STATUS_OF_EVENT: Record<string, TransferStatus | undefined> = {
  posted: 'posted',
  settled: 'settled',
  failed: 'failed',
  returned: 'returned',
  cancelled: 'cancelled',
};

/**
 * Keeps transfer statuses current from Plaid's event stream (/transfer/event/sync), run when a
 * TRANSFER_EVENTS_UPDATE webhook arrives. Each status change and its `transfer.<status>` outbox
 * event commit together with the new cursor position; applying an event twice (two gateway
 * processes, a replayed webhook) changes nothing the second time, because the status already moved.
 */
export class TransferEventSync {
  private readonly runs = new CoalescedRuns<KeyMode, number>();

  constructor(
    private readonly orm: Orm,
    private readonly plaid: PlaidRegistry,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * Reads every new event for the environment. A webhook during a run gets the run queued after it
   * (shared by every webhook meanwhile): the run under way may have read its last page already.
   */
  sync(mode: KeyMode): Promise<number> {
    return this.runs.run(mode, () => this.run(mode), 'after');
  }

  idle(): Promise<void> {
    return this.runs.idle();
  }

  private async run(mode: KeyMode): Promise<number> {
    let applied = 0;
    for (let page = 0; page < 1000; page++) {
      const em = this.orm.em.fork();
      const cursor = await em.findOne(TransferEventCursor, { keyMode: mode });
      const afterId = cursor?.afterId ?? 0;
      const { events, hasMore } = await this.plaid.adapter(mode, this.log).syncTransferEvents(afterId);
      if (events.length === 0) break;
      await em.transactional(async (tx) => {
        for (const event of events) applied += (await this.apply(tx, event)) ? 1 : 0;
        const last = events[events.length - 1]!.event_id;
        await tx.upsert(TransferEventCursor, { keyMode: mode, afterId: Math.max(afterId, last), updatedAt: new Date() });
      });
      if (!hasMore) break;
    }
    return applied;
  }

  private async apply(em: Parameters<Parameters<Orm['em']['transactional']>[0]>[0], event: TransferEvent): Promise<boolean> {
    const next = STATUS_OF_EVENT[event.event_type];
    if (!next) return false;
    const transfer = await em.findOne(Transfer, { plaidTransferId: event.transfer_id }, { populate: ['recipient', 'endUser'] });
    if (!transfer) return false; // not created through this gateway
    if (!NEXT[transfer.status].includes(next)) return false;
    transfer.status = next;
    transfer.failureReason = event.failure_reason?.description ?? event.failure_reason?.failure_code ?? transfer.failureReason ?? null;
    await em.flush();
    const view = toTransferView(transfer, transfer.recipient?.getEntity().publicId ?? null);
    const user = transfer.endUser.getEntity();
    emitEvent(em, { partnerId: user.partner.id, keyMode: user.keyMode }, `transfer.${next}`, transferEventData(view, user.externalUserId));
    this.log.info({ transferId: transfer.publicId, status: next }, 'transfer status changed');
    return true;
  }
}
