import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SharedServices } from '../../graphql/context.js';
import { badUserInput } from '../../errors/app-error.js';
import { centsToDollars } from '../../modules/banking/money.js';
import type { AccountView, InstitutionView, TransactionView } from '../../modules/banking/banking-views.js';
import { assertUserId } from '../../modules/users/tenant-scope.js';
import { withRestFieldNames } from './rest-field-names.js';
import { requestServices } from '../request-services.js';

/**
 * The AtlasForge REST reference's banking routes, field for field (snake_case, dollars as JSON
 * numbers), over the same BankingService the GraphQL resolvers use.
 */
const money = (cents: number | null) => (cents === null ? null : centsToDollars(cents));

const institutionJson = (i: InstitutionView) => ({ institution_id: i.institutionId, name: i.name });

const linkedAccountJson = (a: AccountView) => ({
  account_id: a.accountId,
  name: a.name,
  mask: a.mask,
  type: a.type,
  subtype: a.subtype,
  current_balance: money(a.currentBalanceCents),
  available_balance: money(a.availableBalanceCents),
  iso_currency_code: a.isoCurrencyCode,
});

// The reference's GET /v1/accounts example has no mask.
const listedAccountJson = (a: AccountView) => {
  const { mask: _mask, ...rest } = linkedAccountJson(a);
  return rest;
};

const transactionJson = (t: TransactionView) => ({
  transaction_id: t.transactionId,
  account_id: t.accountId,
  merchant_name: t.merchantName,
  amount: centsToDollars(t.amountCents),
  iso_currency_code: t.isoCurrencyCode,
  date: t.date,
  pending: t.pending,
  personal_finance_category_primary: t.personalFinanceCategoryPrimary,
});

function body(request: FastifyRequest): Record<string, unknown> {
  if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) {
    throw badUserInput('The request body must be a JSON object.');
  }
  return request.body as Record<string, unknown>;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw badUserInput(`${field} must be a string.`, { field });
  return value;
}

function limitParam(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw badUserInput('limit must be an integer from 1 to 500.', { field: 'limit' });
  return Number(value);
}

export function registerBankingRoutes(app: FastifyInstance, services: SharedServices): void {
  app.post('/v1/link/token/create', async (request) => {
    const b = body(request);
    const { banking } = requestServices(request, services);
    const token = await banking.createLinkToken(assertUserId(b.user_id, 'user_id'));
    return { link_token: token.linkToken, expiration: token.expiration, request_id: token.requestId };
  });

  app.post('/v1/accounts/link', async (request) => {
    const b = body(request);
    const publicToken = optionalString(b.public_token, 'public_token');
    if (!publicToken) throw badUserInput('public_token is required.', { field: 'public_token' });
    const inst = b.institution as { institution_id?: unknown; name?: unknown } | undefined | null;
    if (inst !== undefined && inst !== null && (typeof inst !== 'object' || typeof inst.institution_id !== 'string')) {
      throw badUserInput('institution must be { institution_id, name }.', { field: 'institution' });
    }
    const { banking } = requestServices(request, services);
    const userId = assertUserId(b.user_id, 'user_id');
    const institution = inst ? { institutionId: inst.institution_id as string, name: optionalString(inst.name, 'institution.name') ?? null } : null;
    const result = await withRestFieldNames(() => banking.linkAccounts({ publicToken, userId, institution }));
    return { item_id: result.itemId, institution: institutionJson(result.institution), accounts: result.accounts.map(linkedAccountJson) };
  });

  app.get<{ Querystring: Record<string, unknown> }>('/v1/accounts', async (request) => {
    const { tenant, banking } = requestServices(request, services);
    const user = await tenant.findUser(assertUserId(request.query.user_id, 'user_id'));
    return { accounts: (await banking.accounts(user)).map(listedAccountJson) };
  });

  app.get<{ Querystring: Record<string, unknown> }>('/v1/transactions', async (request) => {
    const q = request.query;
    const { banking } = requestServices(request, services);
    const feed = await banking.transactionUpdates(assertUserId(q.user_id, 'user_id'), {
      cursor: optionalString(q.cursor, 'cursor'),
      limit: limitParam(q.limit),
      since: optionalString(q.since, 'since'),
    });
    return {
      transactions: [...feed.added, ...feed.modified].map(transactionJson),
      next_cursor: feed.nextCursor,
      has_more: feed.hasMore,
    };
  });
}
