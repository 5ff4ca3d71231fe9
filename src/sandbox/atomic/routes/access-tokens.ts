import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { notFound } from '../errors.js';
import { newPublicToken } from '../ids.js';
import { parseAccessTokenRequest } from '../users/access-token.js';
import { mergeUserData } from '../users/user-data.js';
import { asBody } from '../validation.js';
import { backendCaller } from './auth.js';

/** Access tokens (PayLink and UserLink references; served on the API and the PCI host alike). */
export async function accessTokenRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.post('/access-token', async (request) => {
    backendCaller(ctx, request);
    const req = parseAccessTokenRequest(asBody(request.body));
    const user = ctx.users.ensure(req.identifier);
    mergeUserData(user.data, req.data);
    const now = ctx.now();
    const publicToken = newPublicToken();
    ctx.store.tokens.set(publicToken, {
      publicToken,
      identifier: req.identifier,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + req.tokenLifetime * 1000).toISOString(),
      revokedAt: null,
      flow: req.flow,
    });
    ctx.store.save();
    return { data: { publicToken } };
  });

  // The reference shows no response body; `{success: true}` as for the other PUT actions.
  app.put<{ Params: { publicToken: string } }>('/access-token/:publicToken/revoke', async (request) => {
    backendCaller(ctx, request);
    const token = ctx.store.tokens.get(request.params.publicToken);
    if (!token) throw notFound('Access token');
    token.revokedAt ??= ctx.now().toISOString();
    ctx.store.save();
    return { success: true };
  });
}
