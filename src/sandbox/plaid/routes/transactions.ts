import type { FastifyInstance } from 'fastify';
import type { SandboxTransactionsCreateResponse, TransactionsRecurringGetResponse, TransactionsSyncResponse } from 'plaid';
import { TransactionsUpdateStatus } from 'plaid';
import type { EmulatorContext } from '../context.js';
import { invalidField, missingFields, PlaidApiError } from '../errors.js';
import { isoDateTime, parseIsoDate } from '../generator/dates.js';
import type { StoredItem } from '../state/types.js';
import { decodeCursor, encodeCursor, type SyncCursor } from '../transactions/cursor.js';
import type { Ledger } from '../transactions/ledger.js';
import { toWire } from '../transactions/records.js';
import { buildStreams } from '../transactions/recurring.js';
import { sandboxCreateEvents, type CustomTransaction } from '../transactions/sandbox-create.js';
import { notifyItem } from '../webhooks/notify.js';
import { syncUpdatesAvailable } from '../webhooks/payloads.js';
import {
  asBody,
  optionalBoolean,
  optionalObject,
  optionalString,
  optionalStringArray,
  requireFields,
  type Body,
} from '../validation.js';
import { requireAccount, resolveItem, selectAccounts } from './common.js';

/** Plaid's limits for /sandbox/transactions/create and /transactions/sync `count`. */
const MAX_CUSTOM_TRANSACTIONS = 10;
const MAX_SYNC_COUNT = 500;

function syncCount(body: Body): number {
  const count = body.count;
  if (count === undefined || count === null) return 100;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_SYNC_COUNT) {
    throw invalidField(`count must be an integer between 1 and ${MAX_SYNC_COUNT}`);
  }
  return count;
}

/** Where this call starts: the log position of `cursor` and, mid-run, the run it continues. */
function startingPoint(item: StoredItem, ledger: Ledger, rawCursor: string | undefined, accountId: string | undefined): SyncCursor {
  if (!rawCursor) return { position: 0 };
  const cursor = decodeCursor(item.item_id, rawCursor);
  if (!cursor || cursor.position > ledger.head || (cursor.run && cursor.run.head > ledger.head)) {
    throw invalidField('cursor is invalid: pass a next_cursor returned by /transactions/sync for this access_token, or omit it');
  }
  if (cursor.run && cursor.run.accountId !== accountId) {
    throw invalidField('cursor was returned for a different options.account_id');
  }
  // Plaid's rule: a pagination run must see one consistent snapshot; new data means start the run over.
  if (cursor.run && cursor.run.head !== ledger.head) throw new PlaidApiError('TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION');
  return cursor;
}

function customTransactions(body: Body): CustomTransaction[] {
  const list = body.transactions;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_CUSTOM_TRANSACTIONS) {
    throw invalidField(`transactions must be an array of 1 to ${MAX_CUSTOM_TRANSACTIONS} transactions`);
  }
  return list.map((entry, i): CustomTransaction => {
    const label = (field: string) => `transactions[${i}].${field}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw invalidField(`transactions[${i}] must be an object`);
    const t = entry as Body;
    const missing = ['date_transacted', 'date_posted', 'amount', 'description'].filter((f) => t[f] === undefined || t[f] === null || t[f] === '');
    if (missing.length > 0) throw missingFields(missing.map(label));
    for (const field of ['date_transacted', 'date_posted']) {
      if (typeof t[field] !== 'string' || !parseIsoDate(t[field])) throw invalidField(`${label(field)} must be a date in YYYY-MM-DD format`);
    }
    if (typeof t.amount !== 'number' || !Number.isFinite(t.amount)) throw invalidField(`${label('amount')} must be a number`);
    if (typeof t.description !== 'string') throw invalidField(`${label('description')} must be a string`);
    const currency = optionalString(t, 'iso_currency_code', label('iso_currency_code')) ?? 'USD';
    return {
      amount: t.amount,
      date_transacted: t.date_transacted as string,
      date_posted: t.date_posted as string,
      description: t.description,
      iso_currency_code: currency,
    };
  });
}

export async function transactionRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.post('/transactions/sync', async (request): Promise<TransactionsSyncResponse> => {
    const body = asBody(request.body);
    const item = resolveItem(ctx, body);
    const count = syncCount(body);
    const rawCursor = optionalString(body, 'cursor');
    const options = optionalObject(body, 'options') ?? {};
    const includeOriginal = optionalBoolean(options, 'include_original_description', 'options.include_original_description') ?? false;
    const accountId = optionalString(options, 'account_id', 'options.account_id');
    if (accountId !== undefined) requireAccount(item, accountId);
    const days = options.days_requested;
    if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 730)) {
      throw invalidField('options.days_requested must be an integer between 1 and 730');
    }

    const ledger = ctx.ledgers.ledgerFor(item);
    const start = startingPoint(item, ledger, rawCursor, accountId);
    const head = start.run?.head ?? ledger.head;
    const changes = ledger.changesBetween(start.position, head, accountId);
    const offset = start.run?.offset ?? 0;
    const page = changes.slice(offset, offset + count);
    const hasMore = offset + page.length < changes.length;
    const next: SyncCursor = hasMore
      ? { position: start.position, run: { head, offset: offset + page.length, ...(accountId === undefined ? {} : { accountId }) } }
      : { position: head };

    const response: TransactionsSyncResponse = {
      added: [],
      modified: [],
      removed: [],
      accounts: selectAccounts(item, undefined, new Date(item.updated_at), ctx.store.transfers).filter((a) => accountId === undefined || a.account_id === accountId),
      next_cursor: encodeCursor(item.item_id, next),
      has_more: hasMore,
      transactions_update_status: TransactionsUpdateStatus.HistoricalUpdateComplete,
      request_id: request.id,
    };
    for (const change of page) {
      if (change.kind === 'removed') response.removed.push({ transaction_id: change.transaction_id, account_id: change.account_id });
      else response[change.kind].push(toWire(change.record, includeOriginal));
    }
    return response;
  });

  app.post('/transactions/recurring/get', async (request): Promise<TransactionsRecurringGetResponse> => {
    const body = asBody(request.body);
    const item = resolveItem(ctx, body);
    const accountIds = optionalStringArray(body, 'account_ids');
    for (const id of accountIds ?? []) requireAccount(item, id);
    const ledger = ctx.ledgers.ledgerFor(item);
    const streams = buildStreams(item.item_id, ledger.snapshot().values(), ctx.now(), accountIds?.length ? accountIds : undefined);
    return { ...streams, updated_datetime: isoDateTime(new Date(item.updated_at)), request_id: request.id };
  });

  app.post('/sandbox/transactions/create', async (request): Promise<SandboxTransactionsCreateResponse> => {
    const body = asBody(request.body);
    requireFields(body, ['access_token', 'transactions']);
    const item = resolveItem(ctx, body);
    const custom = customTransactions(body);
    const now = ctx.now();
    const events = sandboxCreateEvents(item, ctx.ledgers.ledgerFor(item), custom, now);
    item.appended.push(...events);
    item.updated_at = now.toISOString();
    ctx.store.save(now.getTime());
    void notifyItem(ctx, item, syncUpdatesAvailable(item.item_id));
    return { request_id: request.id };
  });
}
