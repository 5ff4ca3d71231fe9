import type { FastifyInstance } from 'fastify';
import type { ItemGetResponse, ItemRemoveResponse } from 'plaid';
import type { EmulatorContext } from '../context.js';
import { isoDateTime } from '../generator/dates.js';
import { asBody } from '../validation.js';
import { resolveItem, toItemWithConsent } from './common.js';

export async function itemRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.post('/item/get', async (request): Promise<ItemGetResponse> => {
    const item = resolveItem(ctx, asBody(request.body));
    return {
      item: toItemWithConsent(item),
      status: {
        investments: null,
        transactions: { last_successful_update: isoDateTime(new Date(item.updated_at)), last_failed_update: null },
        last_webhook: item.last_webhook,
      },
      request_id: request.id,
    };
  });

  app.post('/item/remove', async (request): Promise<ItemRemoveResponse> => {
    const item = resolveItem(ctx, asBody(request.body));
    const now = ctx.now();
    // Kept (not deleted) so the state file shows what happened; its access token no longer resolves.
    item.removed_at = now.toISOString();
    item.appended = [];
    ctx.ledgers.forget(item.item_id);
    ctx.store.save(now.getTime());
    return { request_id: request.id };
  });
}
