import type { PersonalFinanceCategory, Transaction } from 'plaid';
import { TransactionPaymentChannelEnum } from 'plaid';
import type { GeneratedTransaction, PaymentChannel } from '../generator/types.js';

/** One transaction as the emulator keeps it: Plaid's wire object plus what only the emulator needs. */
export interface LedgerRecord {
  transaction: Transaction;
  /** The raw bank descriptor, returned as `original_description` when the caller asks for it. */
  originalDescription: string;
  /** Recurring pattern key from the generator (`payroll`, `netflix`, ...); null for one-offs. */
  stream: string | null;
}

/** An Item's data is an append-only log of these; a sync cursor is a position in it. */
export type LedgerEvent =
  | { op: 'add'; record: LedgerRecord }
  | { op: 'modify'; record: LedgerRecord }
  | { op: 'remove'; transaction_id: string; account_id: string };

const CHANNELS: Record<PaymentChannel, TransactionPaymentChannelEnum> = {
  online: TransactionPaymentChannelEnum.Online,
  'in store': TransactionPaymentChannelEnum.InStore,
  other: TransactionPaymentChannelEnum.Other,
};

export interface TransactionFields {
  transaction_id: string;
  account_id: string;
  amount: number;
  iso_currency_code: string;
  date: string;
  authorized_date: string;
  name: string;
  merchant_name: string | null;
  category: PersonalFinanceCategory;
  payment_channel: PaymentChannel;
  pending: boolean;
  pending_transaction_id: string | null;
}

/** Plaid's Transaction with every field the spec requires (nulls where the sandbox has no data). */
export function buildTransaction(f: TransactionFields): Transaction {
  return {
    transaction_id: f.transaction_id,
    account_id: f.account_id,
    amount: f.amount,
    iso_currency_code: f.iso_currency_code,
    unofficial_currency_code: null,
    category: null,
    category_id: null,
    check_number: null,
    date: f.date,
    authorized_date: f.authorized_date,
    authorized_datetime: null,
    datetime: null,
    location: {
      address: null,
      city: null,
      region: null,
      postal_code: null,
      country: null,
      lat: null,
      lon: null,
      store_number: null,
    },
    name: f.name,
    merchant_name: f.merchant_name,
    merchant_entity_id: null,
    logo_url: null,
    website: null,
    original_description: null,
    payment_meta: {
      reference_number: null,
      ppd_id: null,
      payee: null,
      by_order_of: null,
      payer: null,
      payment_method: null,
      payment_processor: null,
      reason: null,
    },
    pending: f.pending,
    pending_transaction_id: f.pending_transaction_id,
    account_owner: null,
    payment_channel: CHANNELS[f.payment_channel],
    personal_finance_category: f.category,
    transaction_code: null,
  };
}

export function recordFromGenerated(g: GeneratedTransaction, accountId: string): LedgerRecord {
  return {
    transaction: buildTransaction({
      transaction_id: g.id,
      account_id: accountId,
      amount: g.amount,
      iso_currency_code: 'USD',
      date: g.date,
      authorized_date: g.authorizedDate,
      name: g.name,
      merchant_name: g.merchantName,
      category: { ...g.category },
      payment_channel: g.paymentChannel,
      pending: g.pending,
      pending_transaction_id: null,
    }),
    originalDescription: g.name,
    stream: g.stream,
  };
}

/** The wire copy for one response; `original_description` only when the caller opted in, as on Plaid. */
export function toWire(record: LedgerRecord, includeOriginalDescription: boolean): Transaction {
  return {
    ...record.transaction,
    original_description: includeOriginalDescription ? record.originalDescription : null,
  };
}
