/** Transfer state as the emulator keeps it (and persists it): amounts in cents, times in epoch ms. */

export type TransferType = 'debit' | 'credit';
/** `wire` is in Plaid's enum but needs enablement this emulator never grants. */
export type TransferNetwork = 'ach' | 'same-day-ach' | 'rtp';
export type AchClass = 'ccd' | 'ppd' | 'tel' | 'web';
export type TransferStatus = 'pending' | 'posted' | 'settled' | 'funds_available' | 'cancelled' | 'failed' | 'returned';
/** The events a transfer (not a sweep or refund) goes through; each names the status it leads to. */
export type TransferEventType = TransferStatus;
export type DecisionCode = 'NSF' | 'RISK' | 'TRANSFER_LIMIT_REACHED';

export const TRANSFER_TYPES: readonly TransferType[] = ['debit', 'credit'];
export const ACH_CLASSES: readonly AchClass[] = ['ccd', 'ppd', 'tel', 'web'];

export const isAchNetwork = (network: TransferNetwork): boolean => network === 'ach' || network === 'same-day-ach';

export interface TransferUser {
  legal_name: string;
  phone_number: string | null;
  email_address: string | null;
  address: {
    street: string | null;
    city: string | null;
    region: string | null;
    postal_code: string | null;
    country: string | null;
  } | null;
}

export interface TransferFailure {
  failure_code: string | null;
  ach_return_code: string | null;
  description: string;
}

export interface StoredTransferAuthorization {
  id: string;
  /** Epoch milliseconds. */
  created_at: number;
  expires_at: number;
  item_id: string;
  access_token: string;
  account_id: string;
  type: TransferType;
  network: TransferNetwork;
  /** Only for ACH networks. */
  ach_class: AchClass | null;
  amount_cents: number;
  user: TransferUser;
  decision: 'approved' | 'declined';
  decision_rationale: { code: DecisionCode; description: string } | null;
  idempotency_key: string | null;
  /** Set once /transfer/create used it; an authorization makes at most one transfer. */
  transfer_id: string | null;
}

export interface StoredTransfer {
  id: string;
  authorization_id: string;
  item_id: string;
  account_id: string;
  type: TransferType;
  network: TransferNetwork;
  ach_class: AchClass | null;
  amount_cents: number;
  description: string;
  user: TransferUser;
  metadata: Record<string, string> | null;
  status: TransferStatus;
  failure_reason: TransferFailure | null;
  /** Epoch milliseconds. */
  created_at: number;
}

export interface StoredTransferEvent {
  /** Sequential from 1 across all transfers, as Plaid's event ids are. */
  event_id: number;
  /** Epoch milliseconds. */
  timestamp: number;
  event_type: TransferEventType;
  transfer_id: string;
  account_id: string;
  transfer_type: TransferType;
  amount_cents: number;
  failure_reason: TransferFailure | null;
}

export interface PersistedTransferState {
  authorizations: StoredTransferAuthorization[];
  transfers: StoredTransfer[];
  events: StoredTransferEvent[];
}
