import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { invalidField, missingFields, PlaidApiError } from '../errors.js';
import { usedOnDay } from '../transfer/balances.js';
import type { TransferBook } from '../transfer/book.js';
import { isCancellable } from '../transfer/lifecycle.js';
import { formatAmount } from '../transfer/money.js';
import { amountField, metadataField, requireUsd } from '../transfer/requests.js';
import { limitProblem } from '../transfer/rules.js';
import { isAchNetwork, type StoredTransfer, type StoredTransferAuthorization } from '../transfer/types.js';
import { toWireTransfer, type WireTransfer } from '../transfer/wire.js';
import { asBody, optionalDateTime, optionalInteger, optionalString, requiredString, requireFields, type Body } from '../validation.js';
import { requireAccount, resolveItem } from './common.js';

/** Plaid's description limits: 15 characters on the wire, 10 of them for ACH (what fits a NACHA entry). */
const MAX_DESCRIPTION = 15;
const MAX_ACH_DESCRIPTION = 10;
const MAX_LIST_COUNT = 25;

type TransferResponse = { transfer: WireTransfer; request_id: string };

export function findTransfer(book: TransferBook, transferId: string): StoredTransfer {
  const transfer = book.transfers.get(transferId);
  if (!transfer) throw invalidField('transfer_id does not match any transfer');
  return transfer;
}

function findAuthorization(book: TransferBook, authorizationId: string): StoredTransferAuthorization {
  const authorization = book.authorizations.get(authorizationId);
  if (!authorization) throw invalidField('authorization_id does not match any authorization');
  return authorization;
}

/** Why this approved, unused authorization cannot make this transfer now; undefined when it can. */
function authorizationProblem(
  authorization: StoredTransferAuthorization,
  amountCents: number,
  description: string,
  nowMs: number,
): string | undefined {
  if (authorization.decision !== 'approved') return 'authorization_id refers to a declined authorization; a transfer needs an approved one';
  if (nowMs >= authorization.expires_at) return 'authorization has expired (authorizations are valid for one hour); create a new one';
  if (amountCents > authorization.amount_cents) {
    return `amount must not exceed the authorized amount of ${formatAmount(authorization.amount_cents)}`;
  }
  if (isAchNetwork(authorization.network) && description.length > MAX_ACH_DESCRIPTION) {
    return `description must be at most ${MAX_ACH_DESCRIPTION} characters for ACH transfers`;
  }
  return undefined;
}

function descriptionField(body: Body): string {
  const description = requiredString(body, 'description');
  if (description.length > MAX_DESCRIPTION) throw invalidField(`description must be at most ${MAX_DESCRIPTION} characters`);
  return description;
}

/** Newest first, as Plaid lists (a Map keeps creation order, so reversing it first breaks `created` ties). */
function newestFirst(transfers: Iterable<StoredTransfer>): StoredTransfer[] {
  return [...transfers].reverse().sort((a, b) => b.created_at - a.created_at);
}

export async function transferRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  const book = ctx.store.transfers;

  app.post('/transfer/create', async (request): Promise<TransferResponse> => {
    const body = asBody(request.body);
    requireFields(body, ['access_token', 'account_id', 'authorization_id', 'description']);
    const item = resolveItem(ctx, body);
    const account = requireAccount(item, requiredString(body, 'account_id'));
    const authorization = findAuthorization(book, requiredString(body, 'authorization_id'));
    const description = descriptionField(body);
    const given = body.amount === undefined || body.amount === null ? undefined : amountField(body);
    const metadata = metadataField(body);
    requireUsd(body);
    if (authorization.access_token !== item.access_token || authorization.account_id !== account.account_id) {
      throw invalidField('access_token and account_id must be the ones the authorization was created for');
    }
    // Omitted, the amount is the authorized one (Plaid's rule).
    const amountCents = given ?? authorization.amount_cents;

    // authorization_id is the idempotency key: a retry of the same request gets the same transfer.
    if (authorization.transfer_id !== null) {
      const existing = book.transfers.get(authorization.transfer_id);
      if (existing && existing.amount_cents === amountCents && existing.description === description) {
        return { transfer: toWireTransfer(existing), request_id: request.id };
      }
      throw invalidField('authorization_id was already used to create a different transfer; each authorization makes one transfer');
    }
    const now = ctx.now();
    const problem = authorizationProblem(authorization, amountCents, description, now.getTime());
    if (problem) throw invalidField(problem);
    // Limits are re-checked: other transfers may have used today's allowance since the authorization.
    const limit = limitProblem(authorization.type, amountCents, usedOnDay(book.transfersOfAccount(account.account_id), authorization.type, now));
    if (limit) throw new PlaidApiError('TRANSFER_LIMIT_REACHED', limit);

    const transfer: StoredTransfer = {
      id: randomUUID(),
      authorization_id: authorization.id,
      item_id: item.item_id,
      account_id: account.account_id,
      type: authorization.type,
      network: authorization.network,
      ach_class: authorization.ach_class,
      amount_cents: amountCents,
      description,
      user: authorization.user,
      metadata,
      status: 'pending',
      failure_reason: null,
      created_at: now.getTime(),
    };
    book.transfers.set(transfer.id, transfer);
    authorization.transfer_id = transfer.id;
    book.record(transfer, 'pending', now.getTime());
    ctx.store.save(now.getTime());
    return { transfer: toWireTransfer(transfer), request_id: request.id };
  });

  app.post('/transfer/get', async (request): Promise<TransferResponse> => {
    const body = asBody(request.body);
    const transferId = optionalString(body, 'transfer_id');
    const authorizationId = optionalString(body, 'authorization_id');
    if (transferId && authorizationId) throw invalidField('provide either transfer_id or authorization_id, not both');
    if (transferId) return { transfer: toWireTransfer(findTransfer(book, transferId)), request_id: request.id };
    if (!authorizationId) throw missingFields(['transfer_id']);
    const authorization = findAuthorization(book, authorizationId);
    const transfer = authorization.transfer_id === null ? undefined : book.transfers.get(authorization.transfer_id);
    if (!transfer) throw invalidField('no transfer has been created with this authorization_id');
    return { transfer: toWireTransfer(transfer), request_id: request.id };
  });

  app.post('/transfer/list', async (request) => {
    const body = asBody(request.body);
    const start = optionalDateTime(body, 'start_date');
    const end = optionalDateTime(body, 'end_date');
    const count = optionalInteger(body, 'count', { min: 1, max: MAX_LIST_COUNT }, MAX_LIST_COUNT);
    const offset = optionalInteger(body, 'offset', { min: 0 }, 0);
    // Every transfer here is the client's own and unfunded by a Ledger, so these filters match none.
    const scoped = optionalString(body, 'originator_client_id') !== undefined || optionalString(body, 'funding_account_id') !== undefined;
    const inRange = (t: StoredTransfer) => (start === undefined || t.created_at >= start) && (end === undefined || t.created_at <= end);
    const matching = scoped ? [] : newestFirst(book.transfers.values()).filter(inRange);
    return { transfers: matching.slice(offset, offset + count).map(toWireTransfer), request_id: request.id };
  });

  app.post('/transfer/cancel', async (request) => {
    const body = asBody(request.body);
    const transfer = findTransfer(book, requiredString(body, 'transfer_id'));
    // reason_code (an ISO 20022 code) is for RTP/RfP cancellations; checked for shape, not recorded.
    optionalString(body, 'reason_code');
    if (!isCancellable(transfer)) throw new PlaidApiError('TRANSFER_NOT_CANCELLABLE');
    const now = ctx.now().getTime();
    book.record(transfer, 'cancelled', now);
    ctx.store.save(now);
    return { request_id: request.id };
  });
}
