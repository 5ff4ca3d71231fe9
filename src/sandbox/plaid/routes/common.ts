import type { AccountBase, Item, ItemWithConsentFields } from 'plaid';
import { ItemUpdateTypeEnum, ItemWithConsentFieldsUpdateTypeEnum, type Products } from 'plaid';
import { toAccountBase, type StoredAccount } from '../accounts.js';
import type { EmulatorContext } from '../context.js';
import { invalidField, PlaidApiError } from '../errors.js';
import { isoDateTime } from '../generator/dates.js';
import { ACCESS_TOKEN_FORMAT } from '../ids.js';
import { findInstitution, SUPPORTED_PRODUCTS } from '../institutions.js';
import type { StoredItem } from '../state/types.js';
import type { TransferBook } from '../transfer/book.js';
import { optionalStringArray, requiredString, type Body } from '../validation.js';

/** The live Item behind `access_token`, or Plaid's INVALID_ACCESS_TOKEN. */
export function resolveItem(ctx: EmulatorContext, body: Body): StoredItem {
  const token = requiredString(body, 'access_token');
  if (!ACCESS_TOKEN_FORMAT.test(token)) {
    throw new PlaidApiError(
      'INVALID_ACCESS_TOKEN',
      'provided access token is in an invalid format. expected format: access-<environment>-<identifier>',
    );
  }
  // A removed Item's token is simply unknown from then on.
  const item = ctx.store.itemByAccessToken(token);
  if (!item) throw new PlaidApiError('INVALID_ACCESS_TOKEN');
  return item;
}

function availableProducts(item: StoredItem): Products[] {
  return SUPPORTED_PRODUCTS.filter((p) => !item.products.includes(p));
}

export function toItem(item: StoredItem): Item {
  return {
    item_id: item.item_id,
    institution_id: item.institution_id,
    institution_name: findInstitution(item.institution_id)?.name ?? null,
    webhook: item.webhook,
    auth_method: null,
    error: null,
    available_products: availableProducts(item),
    billed_products: [...item.products],
    products: [...item.products],
    consented_products: [...item.products],
    consent_expiration_time: null,
    update_type: ItemUpdateTypeEnum.Background,
  };
}

export function toItemWithConsent(item: StoredItem): ItemWithConsentFields {
  return {
    ...toItem(item),
    update_type: ItemWithConsentFieldsUpdateTypeEnum.Background,
    created_at: isoDateTime(new Date(item.created_at)),
  };
}

/** The Item's account with this id, or Plaid's INVALID_ACCOUNT_ID. */
export function requireAccount(item: StoredItem, accountId: string): StoredAccount {
  const account = item.accounts.find((a) => a.account_id === accountId);
  if (!account) throw new PlaidApiError('INVALID_ACCOUNT_ID');
  return account;
}

/**
 * The Item's accounts, optionally narrowed to `options.account_ids` (an unknown id is Plaid's
 * INVALID_ACCOUNT_ID). `lastUpdated` is when the balances were read; the balances include what
 * the accounts' transfers moved.
 */
export function selectAccounts(item: StoredItem, options: Body | undefined, lastUpdated: Date, transfers: TransferBook): AccountBase[] {
  const ids = options ? optionalStringArray(options, 'account_ids', 'options.account_ids') : undefined;
  if (ids !== undefined) {
    if (ids.length === 0) throw invalidField('options.account_ids must not be empty');
    if (ids.some((id) => !item.accounts.some((a) => a.account_id === id))) throw new PlaidApiError('INVALID_ACCOUNT_ID');
  }
  return item.accounts
    .filter((a) => ids === undefined || ids.includes(a.account_id))
    .map((a) => toAccountBase(a, isoDateTime(lastUpdated), transfers.effectOn(a.account_id)));
}
