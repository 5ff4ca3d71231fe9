import type { FastifyBaseLogger } from 'fastify';
import {
  CountryCode,
  Products,
  type AccountBase,
  type JWKPublicKey,
  type LinkTokenCreateResponse,
  type PlaidApi,
  type TransactionsSyncResponse,
} from 'plaid';
import { describePlaidFailure, toPlaidAppError } from './plaid-errors.js';

export interface ExchangedItem {
  accessToken: string;
  itemId: string;
}

/**
 * The gateway's view of Plaid: one method per call the services need, created per request with
 * that request's logger. Every failure leaves as an AppError (UPSTREAM_ERROR/UNAVAILABLE) and is
 * logged without credentials.
 */
export class PlaidAdapter {
  constructor(
    private readonly api: PlaidApi,
    private readonly log: FastifyBaseLogger,
  ) {}

  private async call<T>(endpoint: string, run: () => Promise<{ data: T }>): Promise<T> {
    try {
      return (await run()).data;
    } catch (err) {
      this.log.warn({ plaid: describePlaidFailure(err, endpoint) }, 'plaid call failed');
      throw toPlaidAppError(err, endpoint);
    }
  }

  createLinkToken(clientUserId: string, webhook: string | undefined): Promise<LinkTokenCreateResponse> {
    return this.call('/link/token/create', () =>
      this.api.linkTokenCreate({
        client_name: 'AtlasForge',
        language: 'en',
        country_codes: [CountryCode.Us],
        user: { client_user_id: clientUserId },
        products: [Products.Transactions],
        ...(webhook ? { webhook } : {}),
      }),
    );
  }

  async sandboxPublicToken(institutionId: string, webhook: string | undefined): Promise<string> {
    const data = await this.call('/sandbox/public_token/create', () =>
      this.api.sandboxPublicTokenCreate({
        institution_id: institutionId,
        initial_products: [Products.Transactions],
        ...(webhook ? { options: { webhook } } : {}),
      }),
    );
    return data.public_token;
  }

  async exchangePublicToken(publicToken: string): Promise<ExchangedItem> {
    const data = await this.call('/item/public_token/exchange', () =>
      this.api.itemPublicTokenExchange({ public_token: publicToken }),
    );
    return { accessToken: data.access_token, itemId: data.item_id };
  }

  async getAccounts(accessToken: string): Promise<AccountBase[]> {
    const data = await this.call('/accounts/get', () => this.api.accountsGet({ access_token: accessToken }));
    return data.accounts;
  }

  syncTransactions(accessToken: string, cursor: string | undefined, count: number): Promise<TransactionsSyncResponse> {
    return this.call('/transactions/sync', () =>
      this.api.transactionsSync({ access_token: accessToken, count, ...(cursor ? { cursor } : {}) }),
    );
  }

  async getWebhookVerificationKey(keyId: string): Promise<JWKPublicKey> {
    const data = await this.call('/webhook_verification_key/get', () =>
      this.api.webhookVerificationKeyGet({ key_id: keyId }),
    );
    return data.key;
  }
}
