import type { LedgerEvent, LedgerRecord } from './records.js';

export type LedgerChange =
  | { kind: 'added' | 'modified'; record: LedgerRecord }
  | { kind: 'removed'; transaction_id: string; account_id: string };

/**
 * Read-only view over an Item's change log. Position p means "the first p events applied";
 * position 0 is an empty Item, `head` is the current state.
 */
export class Ledger {
  constructor(private readonly events: readonly LedgerEvent[]) {}

  get head(): number {
    return this.events.length;
  }

  /** Every transaction that exists at `position`, keyed by id, in the order they were added. */
  snapshot(position: number = this.head): Map<string, LedgerRecord> {
    const state = new Map<string, LedgerRecord>();
    for (const event of this.events.slice(0, position)) {
      if (event.op === 'remove') state.delete(event.transaction_id);
      else state.set(event.record.transaction.transaction_id, event.record);
    }
    return state;
  }

  /**
   * The net difference between two positions, as /transactions/sync reports it: a transaction added
   * and removed in between does not appear at all, one added then modified is just "added" in its
   * latest form. Ordered by when each transaction was first touched, so pages are stable.
   */
  changesBetween(from: number, to: number, accountId?: string): LedgerChange[] {
    const before = this.snapshot(from);
    const after = this.snapshot(to);
    const touched = new Set<string>();
    for (const event of this.events.slice(from, to)) {
      touched.add(event.op === 'remove' ? event.transaction_id : event.record.transaction.transaction_id);
    }
    const changes: LedgerChange[] = [];
    for (const id of touched) {
      const old = before.get(id);
      const now = after.get(id);
      if (now && !old) changes.push({ kind: 'added', record: now });
      else if (now && old) changes.push({ kind: 'modified', record: now });
      else if (old) changes.push({ kind: 'removed', transaction_id: id, account_id: old.transaction.account_id });
    }
    if (accountId === undefined) return changes;
    return changes.filter((c) => (c.kind === 'removed' ? c.account_id : c.record.transaction.account_id) === accountId);
  }
}
