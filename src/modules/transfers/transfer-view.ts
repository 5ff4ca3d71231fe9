import type { TransferEntity, TransferRail, TransferStatus } from '../../db/entities/index.js';
import { isoSeconds } from '../wire-time.js';

/**
 * What GraphQL and REST serialise for a transfer, and what an idempotent replay stores: a plain
 * JSON snapshot, so "the first response again" is exactly that, even after the status moved on.
 */
export interface TransferView {
  id: string;
  status: TransferStatus;
  rail: TransferRail;
  amountCents: number;
  currency: string;
  memo: string | null;
  fromAccountId: string;
  toAccountId: string | null;
  recipientId: string | null;
  estimatedSettlement: string;
  failureReason: string | null;
  createdAt: string;
}

export interface TransferDeclinedView {
  reason: 'INSUFFICIENT_FUNDS' | 'LIMIT_EXCEEDED' | 'RISK' | 'OTHER';
  message: string;
}

export type CreateTransferOutcome = { transfer: TransferView } | { declined: TransferDeclinedView };

export function toTransferView(t: TransferEntity, recipientPublicId: string | null): TransferView {
  return {
    id: t.publicId,
    status: t.status,
    rail: t.rail,
    amountCents: t.amountCents,
    currency: t.currency,
    memo: t.memo ?? null,
    fromAccountId: t.fromAccountId,
    toAccountId: t.toAccountId ?? null,
    recipientId: recipientPublicId,
    estimatedSettlement: t.estimatedSettlement.toISOString(),
    failureReason: t.failureReason ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

/** The reference's POST /v1/transfers answer. Its initial status is "submitted": Plaid's `pending`. */
export function transferJson(t: TransferView) {
  return {
    id: t.id,
    status: t.status === 'pending' ? 'submitted' : t.status,
    rail: t.rail,
    estimated_settlement: isoSeconds(t.estimatedSettlement),
  };
}

/**
 * The `data` of every `transfer.*` webhook: the reference's `transfer_id`, the partner's user id, and
 * the transfer as it now stands, spelt like the REST reference and the other events (snake_case,
 * dollars as JSON numbers, instants to the second). `status` is the lifecycle state the event is
 * named after (`pending`, `posted`, `settled`, …).
 */
export function transferEventData(t: TransferView, externalUserId: string) {
  return {
    transfer_id: t.id,
    user_id: externalUserId,
    transfer: {
      id: t.id,
      status: t.status,
      rail: t.rail,
      amount: t.amountCents / 100,
      currency: t.currency,
      memo: t.memo,
      from_account_id: t.fromAccountId,
      to_account_id: t.toAccountId,
      recipient_id: t.recipientId,
      estimated_settlement: isoSeconds(t.estimatedSettlement),
      failure_reason: t.failureReason,
      created_at: isoSeconds(t.createdAt),
    },
  };
}

/** Plaid's decline codes → ours. */
export function declineReason(code: string | null): TransferDeclinedView['reason'] {
  if (code === 'NSF') return 'INSUFFICIENT_FUNDS';
  if (code && /LIMIT/.test(code)) return 'LIMIT_EXCEEDED';
  if (code && /RISK/.test(code)) return 'RISK';
  return 'OTHER';
}
