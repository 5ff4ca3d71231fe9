import { isoDate, utcDay } from '../generator/dates.js';
import { PFC } from '../generator/catalog.js';
import { hashBase62 } from '../generator/prng.js';
import type { StoredItem } from '../state/types.js';
import type { Ledger } from './ledger.js';
import { buildTransaction, type LedgerEvent, type LedgerRecord } from './records.js';
import { accountIdFor } from './item-ledger.js';

/** A validated entry of /sandbox/transactions/create's `transactions`. */
export interface CustomTransaction {
  amount: number;
  date_transacted: string;
  date_posted: string;
  description: string;
  iso_currency_code: string;
}

/**
 * The events one /sandbox/transactions/create call appends, in the order a bank update would:
 * 1. the caller's transactions, posted to the checking account;
 * 2. every pending transaction posts: the pending one is removed and a posted copy, with its own id
 *    and `pending_transaction_id` pointing back, is added (Plaid's behaviour);
 * 3. one earlier posted transaction gets its name cleaned up to the merchant name, so that a sync
 *    also sees `modified`.
 */
export function sandboxCreateEvents(item: StoredItem, ledger: Ledger, custom: CustomTransaction[], now: Date): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  const serial = item.appended.length;
  const checking = accountIdFor(item, 'checking');

  custom.forEach((t, i) => {
    const record: LedgerRecord = {
      transaction: buildTransaction({
        transaction_id: hashBase62(`${item.item_id}:custom:${serial}:${i}`),
        account_id: checking,
        amount: t.amount,
        iso_currency_code: t.iso_currency_code,
        date: t.date_posted,
        authorized_date: t.date_transacted,
        name: t.description,
        merchant_name: null,
        category: { ...(t.amount < 0 ? PFC.otherIncome : PFC.otherMerchandise) },
        payment_channel: 'other',
        pending: false,
        pending_transaction_id: null,
      }),
      originalDescription: t.description,
      stream: null,
    };
    events.push({ op: 'add', record });
  });

  const current = [...ledger.snapshot().values()];
  const today = isoDate(utcDay(now));
  for (const pending of current.filter((r) => r.transaction.pending)) {
    const old = pending.transaction;
    // Posts today (the emulator's clock), never before the day it was authorised.
    const postedOn = today > old.date ? today : old.date;
    events.push({ op: 'remove', transaction_id: old.transaction_id, account_id: old.account_id });
    events.push({
      op: 'add',
      record: {
        ...pending,
        transaction: {
          ...old,
          transaction_id: hashBase62(`${item.item_id}:posted:${old.transaction_id}`),
          pending: false,
          pending_transaction_id: old.transaction_id,
          date: postedOn,
          authorized_date: old.date,
        },
      },
    });
  }

  const cleanup = current
    .filter((r) => !r.transaction.pending && r.transaction.merchant_name && r.transaction.name !== r.transaction.merchant_name)
    .sort((a, b) => (a.transaction.date < b.transaction.date ? 1 : a.transaction.date > b.transaction.date ? -1 : 0))[0];
  if (cleanup?.transaction.merchant_name) {
    events.push({ op: 'modify', record: { ...cleanup, transaction: { ...cleanup.transaction, name: cleanup.transaction.merchant_name } } });
  }
  return events;
}
