import { balanceEffect, type BalanceEffect } from './balances.js';
import type {
  PersistedTransferState,
  StoredTransfer,
  StoredTransferAuthorization,
  StoredTransferEvent,
  TransferEventType,
  TransferFailure,
} from './types.js';

/**
 * Every authorization, transfer and transfer event of the emulator's one Plaid client. Transfers
 * belong to the client, not to an Item (Plaid lists them without an access token), so this is one
 * book for the whole emulator. Events are append-only with sequential ids, as /transfer/event/sync needs.
 */
export class TransferBook {
  readonly authorizations = new Map<string, StoredTransferAuthorization>();
  readonly transfers = new Map<string, StoredTransfer>();
  private readonly eventLog: StoredTransferEvent[] = [];

  load(state: PersistedTransferState | undefined): void {
    if (!state) return;
    for (const a of state.authorizations) this.authorizations.set(a.id, a);
    for (const t of state.transfers) this.transfers.set(t.id, t);
    this.eventLog.push(...[...state.events].sort((a, b) => a.event_id - b.event_id));
  }

  snapshot(): PersistedTransferState {
    return { authorizations: [...this.authorizations.values()], transfers: [...this.transfers.values()], events: [...this.eventLog] };
  }

  /** Oldest first. */
  events(): readonly StoredTransferEvent[] {
    return this.eventLog;
  }

  /** Moves the transfer to the status the event names and records the event. */
  record(transfer: StoredTransfer, type: TransferEventType, timestamp: number, failure: TransferFailure | null = null): StoredTransferEvent {
    transfer.status = type;
    if (failure) transfer.failure_reason = failure;
    const event: StoredTransferEvent = {
      event_id: (this.eventLog.at(-1)?.event_id ?? 0) + 1,
      timestamp,
      event_type: type,
      transfer_id: transfer.id,
      account_id: transfer.account_id,
      transfer_type: transfer.type,
      amount_cents: transfer.amount_cents,
      failure_reason: failure,
    };
    this.eventLog.push(event);
    return event;
  }

  /** A live authorization made with this idempotency key (Plaid honours a key for 48 hours). */
  authorizationByIdempotencyKey(key: string, nowMs: number, windowMs: number): StoredTransferAuthorization | undefined {
    for (const a of this.authorizations.values()) {
      if (a.idempotency_key === key && nowMs - a.created_at < windowMs) return a;
    }
    return undefined;
  }

  transfersOfAccount(accountId: string): StoredTransfer[] {
    return [...this.transfers.values()].filter((t) => t.account_id === accountId);
  }

  /** What this account's transfers did to its balances. */
  effectOn(accountId: string): BalanceEffect {
    return balanceEffect(this.transfersOfAccount(accountId));
  }

  /** Forgets unused authorizations older than `retentionMs`; used ones stay, their transfers point at them. */
  prune(nowMs: number, retentionMs: number): void {
    for (const [id, a] of this.authorizations) {
      if (a.transfer_id === null && nowMs - a.created_at > retentionMs) this.authorizations.delete(id);
    }
  }
}
