import type { FastifyInstance } from 'fastify';
import type { AccountsGetResponse } from 'plaid';
import type { EmulatorContext } from '../context.js';
import { asBody, optionalObject } from '../validation.js';
import { resolveItem, selectAccounts, toItem } from './common.js';

export async function accountRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  // Cached balances: as of the Item's last update.
  app.post('/accounts/get', async (request): Promise<AccountsGetResponse> => {
    const body = asBody(request.body);
    const item = resolveItem(ctx, body);
    const accounts = selectAccounts(item, optionalObject(body, 'options'), new Date(item.updated_at), ctx.store.transfers);
    return { accounts, item: toItem(item), request_id: request.id };
  });

  // Real-time balances: read "now". Balances move only with transfers, which both endpoints show at
  // once (balance caching is not emulated), so the values match.
  app.post('/accounts/balance/get', async (request): Promise<AccountsGetResponse> => {
    const body = asBody(request.body);
    const item = resolveItem(ctx, body);
    const accounts = selectAccounts(item, optionalObject(body, 'options'), ctx.now(), ctx.store.transfers);
    return { accounts, item: toItem(item), request_id: request.id };
  });
}
