import { isoDateTime } from '../generator/dates.js';
import { formatAmount } from './money.js';
import { isCancellable } from './lifecycle.js';
import { transferDates } from './schedule.js';
import type {
  AchClass,
  StoredTransfer,
  StoredTransferAuthorization,
  StoredTransferEvent,
  TransferFailure,
  TransferNetwork,
  TransferStatus,
  TransferType,
  TransferUser,
} from './types.js';

/*
 * Transfer objects as Plaid's spec (2020-09-14) shapes them. Typed here rather than with the SDK's
 * interfaces because the SDK spells a nullable enum's null as the string "null"; the wire carries
 * a real null. The emulated client is neither a Ledger, Guarantee nor Platform customer, so the
 * fields for those are null, and `origination_account_id` is the empty string Plaid sends.
 */

const NO_ORIGINATION_ACCOUNT = '';

export interface WireProposedTransfer {
  ach_class?: AchClass;
  account_id: string;
  funding_account_id: null;
  type: TransferType;
  user: TransferUser;
  amount: string;
  /** Declared by the plaid SDK (v47) though newer than the spec; the emulator never reduces an amount, so it is `amount`. */
  requested_amount: string;
  network: TransferNetwork;
  origination_account_id: string;
  iso_currency_code: 'USD';
  originator_client_id: null;
  credit_funds_source: 'sweep' | null;
}

export interface WireAuthorization {
  id: string;
  created: string;
  decision: 'approved' | 'declined';
  decision_rationale: { code: string; description: string } | null;
  guarantee_decision: null;
  guarantee_decision_rationale: null;
  payment_risk: null;
  proposed_transfer: WireProposedTransfer;
}

export interface WireTransfer {
  id: string;
  authorization_id: string;
  ach_class?: AchClass;
  account_id: string;
  funding_account_id: null;
  type: TransferType;
  user: TransferUser;
  amount: string;
  description: string;
  created: string;
  status: TransferStatus;
  sweep_status: null;
  network: TransferNetwork;
  cancellable: boolean;
  failure_reason: TransferFailure | null;
  metadata: Record<string, string> | null;
  origination_account_id: string;
  guarantee_decision: null;
  guarantee_decision_rationale: null;
  iso_currency_code: 'USD';
  standard_return_window: string | null;
  unauthorized_return_window: string | null;
  expected_settlement_date: string | null;
  originator_client_id: null;
  refunds: [];
  recurring_transfer_id: null;
  credit_funds_source: 'sweep' | null;
  network_trace_id: null;
}

export interface WireTransferEvent {
  event_id: number;
  timestamp: string;
  event_type: TransferStatus;
  account_id: string;
  funding_account_id: null;
  transfer_id: string;
  origination_account_id: string;
  transfer_type: TransferType;
  transfer_amount: string;
  failure_reason: TransferFailure | null;
  sweep_id: null;
  sweep_amount: null;
  refund_id: null;
  originator_client_id: null;
}

/** Credits are funded by a sweep from the client's business account (Plaid's default); debits fund nothing. */
const fundsSource = (type: TransferType): 'sweep' | null => (type === 'credit' ? 'sweep' : null);

const achClass = (value: AchClass | null): { ach_class?: AchClass } => (value === null ? {} : { ach_class: value });

export function toWireAuthorization(a: StoredTransferAuthorization): WireAuthorization {
  const amount = formatAmount(a.amount_cents);
  return {
    id: a.id,
    created: isoDateTime(new Date(a.created_at)),
    decision: a.decision,
    decision_rationale: a.decision_rationale,
    guarantee_decision: null,
    guarantee_decision_rationale: null,
    payment_risk: null,
    proposed_transfer: {
      ...achClass(a.ach_class),
      account_id: a.account_id,
      funding_account_id: null,
      type: a.type,
      user: a.user,
      amount,
      requested_amount: amount,
      network: a.network,
      origination_account_id: NO_ORIGINATION_ACCOUNT,
      iso_currency_code: 'USD',
      originator_client_id: null,
      credit_funds_source: fundsSource(a.type),
    },
  };
}

export function toWireTransfer(t: StoredTransfer): WireTransfer {
  return {
    id: t.id,
    authorization_id: t.authorization_id,
    ...achClass(t.ach_class),
    account_id: t.account_id,
    funding_account_id: null,
    type: t.type,
    user: t.user,
    amount: formatAmount(t.amount_cents),
    description: t.description,
    created: isoDateTime(new Date(t.created_at)),
    status: t.status,
    sweep_status: null,
    network: t.network,
    cancellable: isCancellable(t),
    failure_reason: t.failure_reason,
    metadata: t.metadata,
    origination_account_id: NO_ORIGINATION_ACCOUNT,
    guarantee_decision: null,
    guarantee_decision_rationale: null,
    iso_currency_code: 'USD',
    ...transferDates(t.network, new Date(t.created_at)),
    originator_client_id: null,
    refunds: [],
    recurring_transfer_id: null,
    credit_funds_source: fundsSource(t.type),
    network_trace_id: null,
  };
}

export function toWireEvent(e: StoredTransferEvent): WireTransferEvent {
  return {
    event_id: e.event_id,
    timestamp: isoDateTime(new Date(e.timestamp)),
    event_type: e.event_type,
    account_id: e.account_id,
    funding_account_id: null,
    transfer_id: e.transfer_id,
    origination_account_id: NO_ORIGINATION_ACCOUNT,
    transfer_type: e.transfer_type,
    transfer_amount: formatAmount(e.amount_cents),
    failure_reason: e.failure_reason,
    sweep_id: null,
    sweep_amount: null,
    refund_id: null,
    originator_client_id: null,
  };
}
