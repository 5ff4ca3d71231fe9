import type { FastifyInstance } from 'fastify';
import type { ItemPublicTokenExchangeResponse, LinkTokenCreateResponse, SandboxPublicTokenCreateResponse } from 'plaid';
import { CountryCode, Products } from 'plaid';
import { ACCOUNT_TEMPLATES } from '../accounts.js';
import type { EmulatorContext } from '../context.js';
import { invalidField, missingFields, PlaidApiError } from '../errors.js';
import { isoDateTime } from '../generator/dates.js';
import { newAccessToken, newAccountId, newItemId, newLinkToken, newPublicToken, PUBLIC_TOKEN_FORMAT } from '../ids.js';
import { findInstitution, NOT_INITIAL_PRODUCTS, SUPPORTED_PRODUCTS } from '../institutions.js';
import type { StoredItem } from '../state/types.js';
import { asBody, optionalObject, optionalString, optionalWebhookUrl, requiredString, requireFields, type Body } from '../validation.js';

const LINK_TOKEN_TTL_MS = 4 * 3_600_000;
const PUBLIC_TOKEN_TTL_MS = 30 * 60_000;

const COUNTRY_CODES = new Set<string>(Object.values(CountryCode));
const PRODUCTS = new Set<string>(Object.values(Products));

/** A non-empty list of products the emulated institutions can initialise an Item with. */
function initialProducts(body: Body, field: string): Products[] {
  const value = body[field];
  if (!Array.isArray(value) || value.length === 0) throw invalidField(`${field} must be a non-empty array of products`);
  const unknown = value.filter((p) => typeof p !== 'string' || !PRODUCTS.has(p));
  if (unknown.length > 0) throw invalidField(`${field} contains unknown products: ${JSON.stringify(unknown)}`);
  const products = [...new Set(value as Products[])];
  const refused = products.filter((p) => !SUPPORTED_PRODUCTS.includes(p) || NOT_INITIAL_PRODUCTS.includes(p));
  if (refused.length > 0) {
    throw new PlaidApiError('INVALID_PRODUCT', `client is not authorized to access the following products: ${JSON.stringify(refused)}`);
  }
  return products;
}

export async function linkRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.post('/link/token/create', async (request): Promise<LinkTokenCreateResponse> => {
    const body = asBody(request.body);
    requireFields(body, ['client_name', 'language', 'country_codes', 'user', 'products']);
    requiredString(body, 'client_name');
    requiredString(body, 'language');
    const countries = body.country_codes;
    if (!Array.isArray(countries) || countries.length === 0 || countries.some((c) => typeof c !== 'string' || !COUNTRY_CODES.has(c))) {
      throw invalidField('country_codes must be a non-empty array of supported country codes');
    }
    const user = optionalObject(body, 'user');
    const clientUserId = user ? optionalString(user, 'client_user_id', 'user.client_user_id') : undefined;
    if (!clientUserId) throw missingFields(['user.client_user_id']);
    const products = initialProducts(body, 'products');
    const webhook = optionalWebhookUrl(body, 'webhook');
    const now = ctx.now().getTime();
    const linkToken = newLinkToken();
    // Link itself is not emulated (Items come from /sandbox/public_token/create); the token is kept
    // with its settings, webhook included, as Plaid keeps it.
    ctx.store.linkTokens.set(linkToken, {
      link_token: linkToken,
      client_user_id: clientUserId,
      products,
      webhook: webhook ?? null,
      created_at: now,
      expires_at: now + LINK_TOKEN_TTL_MS,
    });
    ctx.store.save(now);
    return { link_token: linkToken, expiration: isoDateTime(new Date(now + LINK_TOKEN_TTL_MS)), request_id: request.id };
  });

  app.post('/sandbox/public_token/create', async (request): Promise<SandboxPublicTokenCreateResponse> => {
    const body = asBody(request.body);
    requireFields(body, ['institution_id', 'initial_products']);
    const institutionId = requiredString(body, 'institution_id');
    if (!findInstitution(institutionId)) throw new PlaidApiError('INVALID_INSTITUTION');
    const products = initialProducts(body, 'initial_products');
    const options = optionalObject(body, 'options');
    const webhook = options ? optionalWebhookUrl(options, 'webhook', 'options.webhook') : undefined;
    if (options) optionalString(options, 'override_username', 'options.override_username');
    const now = ctx.now().getTime();
    const publicToken = newPublicToken();
    ctx.store.publicTokens.set(publicToken, {
      public_token: publicToken,
      institution_id: institutionId,
      products,
      webhook: webhook ?? null,
      created_at: now,
      expires_at: now + PUBLIC_TOKEN_TTL_MS,
      exchanged_at: null,
    });
    ctx.store.save(now);
    return { public_token: publicToken, request_id: request.id };
  });

  app.post('/item/public_token/exchange', async (request): Promise<ItemPublicTokenExchangeResponse> => {
    const body = asBody(request.body);
    const token = requiredString(body, 'public_token');
    if (!PUBLIC_TOKEN_FORMAT.test(token)) {
      throw new PlaidApiError(
        'INVALID_PUBLIC_TOKEN',
        'provided public token is in an invalid format. expected format: public-<environment>-<identifier>',
      );
    }
    const entry = ctx.store.publicTokens.get(token);
    const now = ctx.now();
    // Single use: once exchanged, a public token is as unknown as one that never existed.
    if (!entry || entry.exchanged_at !== null) throw new PlaidApiError('INVALID_PUBLIC_TOKEN');
    if (now.getTime() >= entry.expires_at) {
      throw new PlaidApiError(
        'INVALID_PUBLIC_TOKEN',
        'provided public token is expired. Public tokens expire 30 minutes after creation at which point they can no longer be exchanged',
      );
    }
    entry.exchanged_at = now.getTime();
    const item: StoredItem = {
      item_id: newItemId(),
      access_token: newAccessToken(),
      institution_id: entry.institution_id,
      products: entry.products,
      webhook: entry.webhook,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      accounts: ACCOUNT_TEMPLATES.map((t) => ({ account_id: newAccountId(), kind: t.kind })),
      appended: [],
      last_webhook: null,
      removed_at: null,
    };
    ctx.store.items.set(item.item_id, item);
    ctx.store.save(now.getTime());
    return { access_token: item.access_token, item_id: item.item_id, request_id: request.id };
  });
}
