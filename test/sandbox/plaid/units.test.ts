import { decodeCursor, encodeCursor } from '../../../src/sandbox/plaid/transactions/cursor.js';
import { Ledger } from '../../../src/sandbox/plaid/transactions/ledger.js';
import { buildTransaction, type LedgerEvent, type LedgerRecord } from '../../../src/sandbox/plaid/transactions/records.js';
import { PlaidSpec } from './helpers/spec.js';

const record = (id: string, name = id): LedgerRecord => ({
  transaction: buildTransaction({
    transaction_id: id,
    account_id: 'acc',
    amount: 1,
    iso_currency_code: 'USD',
    date: '2025-01-01',
    authorized_date: '2025-01-01',
    name,
    merchant_name: null,
    category: { primary: 'GENERAL_MERCHANDISE', detailed: 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE' },
    payment_channel: 'other',
    pending: false,
    pending_transaction_id: null,
  }),
  originalDescription: name,
  stream: null,
});

describe('Plaid emulator: sync cursor codec', () => {
  it('round-trips positions and runs, bound to one Item', () => {
    const cursors = [
      { position: 0 },
      { position: 17 },
      { position: 3, run: { head: 9, offset: 4 } },
      { position: 3, run: { head: 9, offset: 4, accountId: 'a' } },
    ];
    for (const cursor of cursors) {
      expect(decodeCursor('item-1', encodeCursor('item-1', cursor))).toEqual(cursor);
    }
    expect(decodeCursor('item-2', encodeCursor('item-1', { position: 1 }))).toBeUndefined();
    for (const garbled of ['', 'x', '!!!!', Buffer.from('{"v":1}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      expect(decodeCursor('item-1', garbled)).toBeUndefined();
    }
  });
});

describe('Plaid emulator: change log', () => {
  it('reports net changes between two positions', () => {
    const events: LedgerEvent[] = [
      { op: 'add', record: record('a') },
      { op: 'add', record: record('b') },
      { op: 'add', record: record('c') },
      { op: 'modify', record: record('a', 'a2') },
      { op: 'remove', transaction_id: 'b', account_id: 'acc' },
      { op: 'add', record: record('d') },
      { op: 'remove', transaction_id: 'd', account_id: 'acc' },
    ];
    const ledger = new Ledger(events);
    const summary = (from: number, to: number) =>
      ledger.changesBetween(from, to).map((c) => (c.kind === 'removed' ? `-${c.transaction_id}` : `${c.kind === 'added' ? '+' : '~'}${c.record.transaction.name}`));
    expect(summary(0, 7)).toEqual(['+a2', '+c']);
    expect(summary(3, 7)).toEqual(['~a2', '-b']);
    expect(summary(5, 7)).toEqual([]);
    expect([...ledger.snapshot(3).keys()]).toEqual(['a', 'b', 'c']);
  });
});

describe('Plaid emulator: the spec validator used by these tests', () => {
  const spec = new PlaidSpec();

  it('is not vacuous: it rejects bodies that break the spec and accepts nullable fields', () => {
    expect(spec.errors('PlaidError', { error_type: 'INVALID_INPUT', error_code: 'X', error_message: 'm', display_message: null })).toEqual([]);
    expect(spec.errors('PlaidError', { error_type: 'INVALID_INPUT', error_code: 'X', error_message: 'm' })).not.toEqual([]);
    expect(spec.errors('PlaidError', { error_type: 'NOT_A_TYPE', error_code: 'X', error_message: 'm', display_message: null })).not.toEqual([]);
    const transaction = record('a').transaction;
    const sync = { accounts: [], added: [transaction], modified: [], removed: [], next_cursor: 'c', has_more: false, request_id: 'r' };
    expect(spec.errors('TransactionsSyncResponse', { ...sync, transactions_update_status: 'HISTORICAL_UPDATE_COMPLETE' })).toEqual([]);
    expect(spec.errors('TransactionsSyncResponse', sync)).not.toEqual([]);
    const { location: _location, ...withoutLocation } = transaction;
    expect(spec.errors('Transaction', withoutLocation)).not.toEqual([]);
    expect(spec.responseSchemaName('/transactions/sync', 200)).toBe('TransactionsSyncResponse');
    expect(spec.responseSchemaName('/transactions/sync', 429)).toBe('PlaidError');
  });
});
