import type { BankAccountEntity, BankTransactionEntity, PlaidItemEntity } from '../../db/entities/index.js';

/** What the banking module hands to GraphQL resolvers and REST serialisers (money in cents). */
export interface InstitutionView {
  institutionId: string | null;
  name: string | null;
}

export interface AccountView {
  accountId: string;
  name: string;
  mask: string | null;
  type: string;
  subtype: string | null;
  currentBalanceCents: number | null;
  availableBalanceCents: number | null;
  isoCurrencyCode: string | null;
  institution: InstitutionView;
}

export interface TransactionView {
  transactionId: string;
  accountId: string;
  itemRowId: string;
  merchantName: string | null;
  name: string;
  amountCents: number;
  isoCurrencyCode: string | null;
  date: string;
  pending: boolean;
  personalFinanceCategoryPrimary: string | null;
}

export function institutionOf(item: Pick<PlaidItemEntity, 'institutionId' | 'institutionName'>): InstitutionView {
  return { institutionId: item.institutionId ?? null, name: item.institutionName ?? null };
}

export function toAccountView(account: BankAccountEntity, institution: InstitutionView): AccountView {
  return {
    accountId: account.plaidAccountId,
    name: account.name,
    mask: account.mask ?? null,
    type: account.type,
    subtype: account.subtype ?? null,
    currentBalanceCents: account.currentBalanceCents ?? null,
    availableBalanceCents: account.availableBalanceCents ?? null,
    isoCurrencyCode: account.isoCurrencyCode ?? null,
    institution,
  };
}

export function toTransactionView(t: BankTransactionEntity): TransactionView {
  return {
    transactionId: t.plaidTransactionId,
    accountId: t.plaidAccountId,
    itemRowId: t.item.id,
    merchantName: t.merchantName ?? null,
    name: t.name,
    amountCents: t.amountCents,
    isoCurrencyCode: t.isoCurrencyCode ?? null,
    date: t.date,
    pending: t.pending,
    personalFinanceCategoryPrimary: t.pfcPrimary ?? null,
  };
}
