import type { Transaction as PlaidTransaction } from 'plaid';
import { dollarsToCents } from './money.js';

/** The columns of bank_transactions that come from one Plaid transaction. */
export interface PlaidTransactionColumns {
  plaidTransactionId: string;
  plaidAccountId: string;
  amountCents: number;
  isoCurrencyCode: string | null;
  date: string;
  name: string;
  merchantName: string | null;
  pending: boolean;
  pendingTransactionId: string | null;
  pfcPrimary: string | null;
  pfcDetailed: string | null;
}

export function toTransactionColumns(t: PlaidTransaction): PlaidTransactionColumns {
  return {
    plaidTransactionId: t.transaction_id,
    plaidAccountId: t.account_id,
    amountCents: dollarsToCents(t.amount),
    isoCurrencyCode: t.iso_currency_code ?? t.unofficial_currency_code ?? null,
    date: t.date,
    name: t.name ?? t.merchant_name ?? '',
    merchantName: t.merchant_name ?? null,
    pending: t.pending,
    pendingTransactionId: t.pending_transaction_id ?? null,
    pfcPrimary: t.personal_finance_category?.primary ?? null,
    pfcDetailed: t.personal_finance_category?.detailed ?? null,
  };
}
