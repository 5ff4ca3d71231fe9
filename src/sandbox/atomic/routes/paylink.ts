import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { validationError } from '../errors.js';
import { newObjectId } from '../ids.js';
import { accountById, accountsOf, actionHistory, deleteAccount, deleteAllAccounts } from '../paylink/accounts.js';
import { detectAccounts } from '../paylink/detect.js';
import { findCompanies } from '../paylink/find-company.js';
import { asBody, optionalString, requiredString } from '../validation.js';
import { backendCaller, backendOrTokenCaller } from './auth.js';
import { requiredQuery } from './common.js';

/**
 * The PayLink reference never says how a backend call names the user for the account-list
 * endpoints; the emulator takes `identifier` as a query string parameter (GET/DELETE) or in the
 * JSON body (POST, where the query string works too).
 */
function identifierOf(request: FastifyRequest): string {
  const body = asBody(request.body);
  const fromBody = optionalString(body, 'identifier');
  return fromBody || requiredQuery(request, 'identifier');
}

const DELETED = { result: { success: true } };

export async function payLinkRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.get('/pay-link/accounts', async (request) => {
    backendCaller(ctx, request);
    const identifier = requiredQuery(request, 'identifier');
    ctx.users.ensure(identifier);
    return { accounts: accountsOf(ctx, identifier) };
  });

  app.get<{ Params: { id: string } }>('/pay-link/accounts/:id', async (request) => {
    backendCaller(ctx, request);
    return { account: accountById(ctx, request.params.id).account };
  });

  // Detect Accounts (the reference writes the path as /pay-link/accounts?accountId; no accountId is used).
  app.post('/pay-link/accounts', async (request) => {
    backendCaller(ctx, request);
    const identifier = identifierOf(request);
    return { accounts: detectAccounts(ctx, identifier, asBody(request.body)) };
  });

  // The reference writes Delete Accounts as DELETE /pay-link/accounts/ (trailing slash): both spellings work.
  for (const url of ['/pay-link/accounts', '/pay-link/accounts/']) {
    app.delete(url, async (request) => {
      backendCaller(ctx, request);
      deleteAllAccounts(ctx, identifierOf(request));
      return DELETED;
    });
  }

  app.delete<{ Params: { id: string } }>('/pay-link/accounts/:id', async (request) => {
    backendCaller(ctx, request);
    deleteAccount(ctx, request.params.id);
    return DELETED;
  });

  app.get('/pay-link/action-history', async (request) => {
    const caller = backendOrTokenCaller(ctx, request);
    const accountId = requiredQuery(request, 'accountId');
    // With a public token, only the token's own user's accounts are visible.
    const identifier = caller.kind === 'public-token' ? caller.token.identifier : undefined;
    return { data: actionHistory(ctx, accountId, identifier) };
  });

  app.post('/pay-link/financial-transactions/find-company', async (request) => {
    backendCaller(ctx, request);
    return findCompanies(asBody(request.body));
  });

  // Review a Suggestion: only `not-interested` exists. No answer is shown; `{success: true}` as for
  // the other acknowledgements. `identifier` (optional) records whose suggestion it was.
  app.post('/pay-link/suggestion-review', async (request) => {
    backendCaller(ctx, request);
    const body = asBody(request.body);
    const suggestionId = optionalString(body, 'suggestionId') ?? optionalString(body, 'suggestion');
    if (!suggestionId) throw validationError('suggestionId is required.');
    const rating = requiredString(body, 'rating');
    if (rating !== 'not-interested') throw validationError('rating must be not-interested (the only rating supported).');
    const identifier = optionalString(body, 'identifier');
    if (identifier) ctx.users.ensure(identifier);
    ctx.store.suggestionReviews.push({
      _id: newObjectId(ctx.now()),
      suggestionId,
      rating,
      ...(identifier ? { identifier } : {}),
      createdAt: ctx.now().toISOString(),
    });
    ctx.store.save();
    return { success: true };
  });
}
