import { generateHistory } from '../generator/history.js';
import type { StoredItem } from '../state/types.js';
import { Ledger } from './ledger.js';
import { recordFromGenerated, type LedgerEvent } from './records.js';

/** The generator seed of an Item: its id, so every Item has its own but reproducible history. */
export const itemSeed = (itemId: string): string => `item:${itemId}`;

export function accountIdFor(item: StoredItem, kind: 'checking' | 'credit'): string {
  const account = item.accounts.find((a) => a.kind === kind);
  if (!account) throw new Error(`item ${item.item_id} has no ${kind} account`);
  return account.account_id;
}

/**
 * Builds each Item's change log: the generated 24 months (derived once per Item and cached, never
 * stored) followed by the events appended at run time.
 */
export class LedgerCache {
  private readonly base = new Map<string, readonly LedgerEvent[]>();

  ledgerFor(item: StoredItem): Ledger {
    return new Ledger([...this.baseEvents(item), ...item.appended]);
  }

  forget(itemId: string): void {
    this.base.delete(itemId);
  }

  private baseEvents(item: StoredItem): readonly LedgerEvent[] {
    let events = this.base.get(item.item_id);
    if (!events) {
      const history = generateHistory(itemSeed(item.item_id), new Date(item.created_at));
      const accounts = { checking: accountIdFor(item, 'checking'), credit: accountIdFor(item, 'credit') };
      events = history.transactions.map((t) => ({ op: 'add', record: recordFromGenerated(t, accounts[t.account]) }));
      this.base.set(item.item_id, events);
    }
    return events;
  }
}
