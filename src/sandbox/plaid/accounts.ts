import type { AccountBase } from 'plaid';
import { AccountHolderCategory, AccountSubtype, AccountType } from 'plaid';
import { NO_EFFECT, type BalanceEffect } from './transfer/balances.js';
import { centsToDollars, dollarsToCents } from './transfer/money.js';

/** The five accounts of Plaid's sandbox user `user_good`, with its balances. */
export type AccountKind = 'checking' | 'savings' | 'cd' | 'credit' | 'money_market';

interface AccountTemplate {
  kind: AccountKind;
  name: string;
  official_name: string;
  mask: string;
  type: AccountType;
  subtype: AccountSubtype;
  available: number | null;
  current: number;
  limit: number | null;
}

export const ACCOUNT_TEMPLATES: readonly AccountTemplate[] = [
  {
    kind: 'checking',
    name: 'Plaid Checking',
    official_name: 'Plaid Gold Standard 0% Interest Checking',
    mask: '0000',
    type: AccountType.Depository,
    subtype: AccountSubtype.Checking,
    available: 100,
    current: 110,
    limit: null,
  },
  {
    kind: 'savings',
    name: 'Plaid Saving',
    official_name: 'Plaid Silver Standard 0.1% Interest Saving',
    mask: '1111',
    type: AccountType.Depository,
    subtype: AccountSubtype.Savings,
    available: 200,
    current: 210,
    limit: null,
  },
  {
    kind: 'cd',
    name: 'Plaid CD',
    official_name: 'Plaid Bronze Standard 0.2% Interest CD',
    mask: '2222',
    type: AccountType.Depository,
    subtype: AccountSubtype.Cd,
    available: null,
    current: 1000,
    limit: null,
  },
  {
    kind: 'credit',
    name: 'Plaid Credit Card',
    official_name: 'Plaid Diamond 12.5% APR Interest Credit Card',
    mask: '3333',
    type: AccountType.Credit,
    subtype: AccountSubtype.CreditCard,
    available: null,
    current: 410,
    limit: 2000,
  },
  {
    kind: 'money_market',
    name: 'Plaid Money Market',
    official_name: 'Plaid Platinum Standard 1.85% Interest Money Market',
    mask: '4444',
    type: AccountType.Depository,
    subtype: AccountSubtype.MoneyMarket,
    available: 43200,
    current: 43200,
    limit: null,
  },
];

export interface StoredAccount {
  account_id: string;
  kind: AccountKind;
}

function templateFor(kind: AccountKind): AccountTemplate {
  const t = ACCOUNT_TEMPLATES.find((a) => a.kind === kind);
  if (!t) throw new Error(`unknown account kind ${kind}`);
  return t;
}

/** The account's available balance in cents once its transfers count; null where the bank reports none. */
export function availableCents(account: StoredAccount, effect: BalanceEffect): number | null {
  const { available } = templateFor(account.kind);
  return available === null ? null : dollarsToCents(available) + effect.availableCents;
}

/**
 * An account on the wire. `lastUpdated` is when the balance was read: the Item's last refresh for
 * /accounts/get (cached), the time of the call for /accounts/balance/get (real-time). `effect` is
 * what the account's transfers did to the sandbox user's balances.
 */
export function toAccountBase(account: StoredAccount, lastUpdated: string, effect: BalanceEffect = NO_EFFECT): AccountBase {
  const t = templateFor(account.kind);
  const available = availableCents(account, effect);
  return {
    account_id: account.account_id,
    balances: {
      available: available === null ? null : centsToDollars(available),
      current: centsToDollars(dollarsToCents(t.current) + effect.currentCents),
      limit: t.limit,
      iso_currency_code: 'USD',
      unofficial_currency_code: null,
      last_updated_datetime: lastUpdated,
    },
    mask: t.mask,
    name: t.name,
    official_name: t.official_name,
    type: t.type,
    subtype: t.subtype,
    holder_category: AccountHolderCategory.Personal,
  };
}
