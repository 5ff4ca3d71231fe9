import type { TransferEntity, TransferRail, TransferStatus } from '../../db/entities/index.js';

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
    estimated_settlement: t.estimatedSettlement.replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** Plaid's decline codes → ours. */
export function declineReason(code: string | null): TransferDeclinedView['reason'] {
  if (code === 'NSF') return 'INSUFFICIENT_FUNDS';
  if (code && /LIMIT/.test(code)) return 'LIMIT_EXCEEDED';
  if (code && /RISK/.test(code)) return 'RISK';
  return 'OTHER';
}
