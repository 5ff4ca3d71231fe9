import type {
  DefaultUpdateWebhook,
  NewAccountsAvailableWebhook,
  RecurringTransactionsUpdateWebhook,
  SyncUpdatesAvailableWebhook,
  TransferEventsUpdateWebhook,
} from 'plaid';
import { WebhookEnvironmentValues } from 'plaid';
import type { StoredItem } from '../state/types.js';

/** The webhooks this emulator sends, keyed by webhook_code, each with the webhook_type Plaid uses. */
export const SUPPORTED_WEBHOOKS = {
  SYNC_UPDATES_AVAILABLE: 'TRANSACTIONS',
  DEFAULT_UPDATE: 'TRANSACTIONS',
  RECURRING_TRANSACTIONS_UPDATE: 'TRANSACTIONS',
  NEW_ACCOUNTS_AVAILABLE: 'ITEM',
} as const;

export type SupportedWebhookCode = keyof typeof SUPPORTED_WEBHOOKS;

export type ItemWebhook =
  | SyncUpdatesAvailableWebhook
  | DefaultUpdateWebhook
  | RecurringTransactionsUpdateWebhook
  | NewAccountsAvailableWebhook;

export function syncUpdatesAvailable(itemId: string): SyncUpdatesAvailableWebhook {
  return {
    webhook_type: 'TRANSACTIONS',
    webhook_code: 'SYNC_UPDATES_AVAILABLE',
    item_id: itemId,
    initial_update_complete: true,
    historical_update_complete: true,
    environment: WebhookEnvironmentValues.Sandbox,
  };
}

export function webhookPayload(code: SupportedWebhookCode, item: StoredItem): ItemWebhook {
  switch (code) {
    case 'SYNC_UPDATES_AVAILABLE':
      return syncUpdatesAvailable(item.item_id);
    case 'DEFAULT_UPDATE':
      return {
        webhook_type: 'TRANSACTIONS',
        webhook_code: code,
        item_id: item.item_id,
        error: null,
        new_transactions: 0,
        environment: WebhookEnvironmentValues.Sandbox,
      };
    case 'RECURRING_TRANSACTIONS_UPDATE':
      return {
        webhook_type: 'TRANSACTIONS',
        webhook_code: code,
        item_id: item.item_id,
        account_ids: item.accounts.filter((a) => a.kind === 'checking' || a.kind === 'credit').map((a) => a.account_id),
        environment: WebhookEnvironmentValues.Sandbox,
      };
    case 'NEW_ACCOUNTS_AVAILABLE':
      return {
        webhook_type: 'ITEM',
        webhook_code: code,
        item_id: item.item_id,
        error: null,
        environment: WebhookEnvironmentValues.Sandbox,
      };
  }
}

/**
 * Tells the client there are new transfer events to fetch with /transfer/event/sync. It names no
 * Item or transfer: transfer events belong to the client, not to an Item.
 */
export function transferEventsUpdate(): TransferEventsUpdateWebhook {
  return { webhook_type: 'TRANSFER', webhook_code: 'TRANSFER_EVENTS_UPDATE', environment: WebhookEnvironmentValues.Sandbox };
}
