import type { EmulatorContext } from '../context.js';
import { isoDateTime } from '../generator/dates.js';
import type { StoredItem } from '../state/types.js';
import type { WebhookDelivery } from './dispatcher.js';
import type { ItemWebhook } from './payloads.js';

/**
 * Sends a webhook to the Item's webhook URL, if it has one, and records it as the Item's
 * `last_webhook`. Delivery runs in the background, as Plaid's does; the promise never rejects.
 */
export function notifyItem(ctx: EmulatorContext, item: StoredItem, payload: ItemWebhook): Promise<WebhookDelivery> | undefined {
  if (!item.webhook) return undefined;
  const now = ctx.now();
  item.last_webhook = { sent_at: isoDateTime(now), code_sent: payload.webhook_code ?? '' };
  ctx.store.save(now.getTime());
  return ctx.dispatcher.send(item.webhook, payload);
}
