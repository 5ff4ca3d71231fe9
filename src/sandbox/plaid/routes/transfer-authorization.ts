import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { availableCents, type StoredAccount } from '../accounts.js';
import type { EmulatorContext } from '../context.js';
import { invalidField, missingFields, PlaidApiError } from '../errors.js';
import type { StoredItem } from '../state/types.js';
import { balanceEffect, usedOnDay } from '../transfer/balances.js';
import { amountField, requireUsd, userField } from '../transfer/requests.js';
import { AUTHORIZATION_TTL_MS, declineRationale, IDEMPOTENCY_WINDOW_MS, isTransferable, rtpEligible } from '../transfer/rules.js';
import { ACH_CLASSES, isAchNetwork, TRANSFER_TYPES, type StoredTransferAuthorization, type TransferNetwork } from '../transfer/types.js';
import { toWireAuthorization, type WireAuthorization } from '../transfer/wire.js';
import { asBody, optionalEnum, optionalString, requiredEnum, requiredString, requireFields, type Body } from '../validation.js';
import { requireAccount, resolveItem } from './common.js';

const NETWORKS = ['ach', 'same-day-ach', 'rtp', 'wire'] as const;

/** The Item and the account a Transfer request names: `access_token` and `account_id`. */
function resolveAccount(ctx: EmulatorContext, body: Body): { item: StoredItem; account: StoredAccount } {
  requireFields(body, ['access_token', 'account_id']);
  const item = resolveItem(ctx, body);
  return { item, account: requireAccount(item, requiredString(body, 'account_id')) };
}

function networkField(body: Body): TransferNetwork {
  const network = requiredEnum(body, 'network', NETWORKS);
  if (network === 'wire') throw invalidField('network wire is not enabled for this client');
  return network;
}

/** What the caller asks for; the emulator adds the id, times and decision. */
type NewAuthorization = Omit<StoredTransferAuthorization, 'id' | 'created_at' | 'expires_at' | 'decision' | 'decision_rationale' | 'transfer_id'>;

/** What makes two authorization requests the same one, for idempotent retries. */
const sameRequest = (a: NewAuthorization, b: NewAuthorization): boolean =>
  a.access_token === b.access_token &&
  a.account_id === b.account_id &&
  a.type === b.type &&
  a.network === b.network &&
  a.amount_cents === b.amount_cents &&
  a.ach_class === b.ach_class &&
  a.user.legal_name === b.user.legal_name;

/**
 * The transfer an authorization request proposes, checked field by field as Plaid checks it, then
 * against what the account and its institution support.
 */
function readProposal(ctx: EmulatorContext, body: Body): { account: StoredAccount; proposal: NewAuthorization } {
  requireFields(body, ['access_token', 'account_id', 'type', 'network', 'amount', 'user']);
  const { item, account } = resolveAccount(ctx, body);
  const type = requiredEnum(body, 'type', TRANSFER_TYPES);
  const network = networkField(body);
  const amountCents = amountField(body);
  if (isAchNetwork(network) && (body.ach_class === undefined || body.ach_class === null)) throw missingFields(['ach_class']);
  // ach_class is an ACH (NACHA) notion; an RTP authorization does not carry one.
  const achClass = isAchNetwork(network) ? (optionalEnum(body, 'ach_class', ACH_CLASSES) ?? null) : null;
  const user = userField(body);
  requireUsd(body);
  const idempotencyKey = optionalString(body, 'idempotency_key') ?? null;
  if (idempotencyKey !== null && idempotencyKey.length > 50) throw invalidField('idempotency_key must be at most 50 characters');

  if (!isTransferable(account.kind)) throw new PlaidApiError('TRANSFER_UNSUPPORTED_ACCOUNT_TYPE');
  if (network === 'rtp') {
    if (type !== 'credit') throw invalidField('rtp transfers must be credits (RTP debits are Request for Payment, which is not enabled)');
    if (!rtpEligible(item.institution_id, account.kind)) {
      throw invalidField('the account is not eligible for RTP: see institution_supported_networks from /transfer/capabilities/get');
    }
  }
  const proposal: NewAuthorization = {
    item_id: item.item_id,
    access_token: item.access_token,
    account_id: account.account_id,
    type,
    network,
    ach_class: achClass,
    amount_cents: amountCents,
    user,
    idempotency_key: idempotencyKey,
  };
  return { account, proposal };
}

export async function transferAuthorizationRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.post('/transfer/capabilities/get', async (request) => {
    const body = asBody(request.body);
    const { item, account } = resolveAccount(ctx, body);
    return {
      institution_supported_networks: {
        rtp: { credit: rtpEligible(item.institution_id, account.kind) },
        // Request for Payment (RTP debits) is not emulated.
        rfp: { debit: false, max_amount: null, iso_currency_code: null },
      },
      request_id: request.id,
    };
  });

  app.post('/transfer/authorization/create', async (request): Promise<{ authorization: WireAuthorization; request_id: string }> => {
    const body = asBody(request.body);
    const { account, proposal } = readProposal(ctx, body);
    const nowDate = ctx.now();
    const now = nowDate.getTime();
    const book = ctx.store.transfers;
    if (proposal.idempotency_key !== null) {
      const earlier = book.authorizationByIdempotencyKey(proposal.idempotency_key, now, IDEMPOTENCY_WINDOW_MS);
      if (earlier && !sameRequest(earlier, proposal)) throw invalidField('idempotency_key was already used for a different authorization');
      if (earlier) return { authorization: toWireAuthorization(earlier), request_id: request.id };
    }

    const transfers = book.transfersOfAccount(account.account_id);
    const rationale = declineRationale({
      type: proposal.type,
      amountCents: proposal.amount_cents,
      // Only checking and savings get this far, and they always report an available balance.
      availableCents: availableCents(account, balanceEffect(transfers)) ?? 0,
      usedTodayCents: usedOnDay(transfers, proposal.type, nowDate),
    });
    const authorization: StoredTransferAuthorization = {
      id: randomUUID(),
      created_at: now,
      expires_at: now + AUTHORIZATION_TTL_MS,
      ...proposal,
      decision: rationale ? 'declined' : 'approved',
      decision_rationale: rationale,
      transfer_id: null,
    };
    book.authorizations.set(authorization.id, authorization);
    ctx.store.save(now);
    return { authorization: toWireAuthorization(authorization), request_id: request.id };
  });
}
