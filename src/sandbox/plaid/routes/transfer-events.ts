import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { invalidField, missingFields } from '../errors.js';
import { defaultFailure, isSimulatedEvent, SIMULATED_EVENTS, transitionProblem } from '../transfer/lifecycle.js';
import { failureField } from '../transfer/requests.js';
import { TRANSFER_TYPES, type StoredTransfer, type StoredTransferEvent, type TransferFailure } from '../transfer/types.js';
import { toWireEvent } from '../transfer/wire.js';
import { transferEventsUpdate } from '../webhooks/payloads.js';
import {
  asBody,
  optionalDateTime,
  optionalEnum,
  optionalInteger,
  optionalString,
  optionalStringArray,
  optionalWebhookUrl,
  requiredString,
  requireFields,
  type Body,
} from '../validation.js';
import { findTransfer } from './transfers.js';

/** Plaid's page sizes: /transfer/event/sync up to 500 (default 100), /transfer/event/list up to 25. */
const MAX_SYNC_COUNT = 500;
const DEFAULT_SYNC_COUNT = 100;
const MAX_LIST_COUNT = 25;

/** The /transfer/event/list filters, as one predicate. */
function eventFilter(body: Body): (event: StoredTransferEvent) => boolean {
  const start = optionalDateTime(body, 'start_date');
  const end = optionalDateTime(body, 'end_date');
  const transferId = optionalString(body, 'transfer_id');
  const accountId = optionalString(body, 'account_id');
  const transferType = optionalEnum(body, 'transfer_type', TRANSFER_TYPES);
  const eventTypes = optionalStringArray(body, 'event_types');
  // No sweeps, originators or Ledger funding accounts are emulated, so these filters match nothing.
  const scoped = ['sweep_id', 'originator_client_id', 'funding_account_id'].some((f) => optionalString(body, f) !== undefined);
  return (e) =>
    !scoped &&
    (start === undefined || e.timestamp >= start) &&
    (end === undefined || e.timestamp <= end) &&
    (transferId === undefined || e.transfer_id === transferId) &&
    (accountId === undefined || e.account_id === accountId) &&
    (transferType === undefined || e.transfer_type === transferType) &&
    (eventTypes === undefined || eventTypes.length === 0 || eventTypes.includes(e.event_type));
}

/** The failure_reason the event records: the caller's for failed and returned events, none otherwise. */
function simulatedFailure(body: Body, transfer: StoredTransfer, event: string): TransferFailure | null {
  if (event === 'failed' || event === 'returned') {
    const fallback = defaultFailure(transfer, event);
    return failureField(body, fallback) ?? fallback;
  }
  if (body.failure_reason !== undefined && body.failure_reason !== null) {
    throw invalidField('failure_reason applies only to failed and returned events');
  }
  return null;
}

export async function transferEventRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  const book = ctx.store.transfers;

  app.post('/transfer/event/sync', async (request) => {
    const body = asBody(request.body);
    if (body.after_id === undefined || body.after_id === null) throw missingFields(['after_id']);
    const afterId = optionalInteger(body, 'after_id', { min: 0 }, 0);
    const count = optionalInteger(body, 'count', { min: 1, max: MAX_SYNC_COUNT }, DEFAULT_SYNC_COUNT);
    // Event ids are sequential, so everything after `after_id` is one slice of the log, oldest first.
    const newer = book.events().filter((e) => e.event_id > afterId);
    return { transfer_events: newer.slice(0, count).map(toWireEvent), has_more: newer.length > count, request_id: request.id };
  });

  app.post('/transfer/event/list', async (request) => {
    const body = asBody(request.body);
    const matches = eventFilter(body);
    const count = optionalInteger(body, 'count', { min: 1, max: MAX_LIST_COUNT }, MAX_LIST_COUNT);
    const offset = optionalInteger(body, 'offset', { min: 0 }, 0);
    // Newest first: Plaid returns "the most recent events" when more match than `count`.
    const matching = book.events().filter(matches).reverse();
    return {
      transfer_events: matching.slice(offset, offset + count).map(toWireEvent),
      has_more: offset + count < matching.length,
      request_id: request.id,
    };
  });

  app.post('/sandbox/transfer/simulate', async (request) => {
    const body = asBody(request.body);
    requireFields(body, ['transfer_id', 'event_type']);
    const transfer = findTransfer(book, requiredString(body, 'transfer_id'));
    const event = requiredString(body, 'event_type');
    if (!isSimulatedEvent(event)) throw invalidField(`event_type must be one of ${SIMULATED_EVENTS.join(', ')}`);
    if (optionalString(body, 'test_clock_id') !== undefined) throw invalidField('test clocks are not emulated; omit test_clock_id');
    const webhook = optionalWebhookUrl(body, 'webhook');
    const problem = transitionProblem(transfer, event);
    if (problem) throw invalidField(problem);
    const failure = simulatedFailure(body, transfer, event);

    const now = ctx.now().getTime();
    book.record(transfer, event, now, failure);
    ctx.store.save(now);
    // To the URL the call names, else to the Item's (if it has one and still exists), in the background.
    const item = ctx.store.items.get(transfer.item_id);
    const url = webhook ?? (item && item.removed_at === null ? item.webhook : null);
    if (url) void ctx.dispatcher.send(url, transferEventsUpdate());
    return { request_id: request.id };
  });

  app.post('/sandbox/transfer/fire_webhook', async (request) => {
    const body = asBody(request.body);
    const webhook = optionalWebhookUrl(body, 'webhook');
    if (!webhook) throw missingFields(['webhook']);
    void ctx.dispatcher.send(webhook, transferEventsUpdate());
    return { request_id: request.id };
  });
}
