import type { FastifyBaseLogger } from 'fastify';
import {
  CountryCode,
  Products,
  type AccountBase,
  type Item,
  type JWKPublicKey,
  ACHClass,
  type LinkTokenCreateResponse,
  type PlaidApi,
  type TransactionsSyncResponse,
  type TransferEvent,
  type TransferNetwork,
  TransferType,
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

  /** The item's accounts, and the item itself (its institution). */
  async getAccounts(accessToken: string): Promise<{ accounts: AccountBase[]; item: Item }> {
    const data = await this.call('/accounts/get', () => this.api.accountsGet({ access_token: accessToken }));
    return { accounts: data.accounts, item: data.item };
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

  /** Whether the account's institution takes RTP credits (Plaid's capabilities for that account). */
  async rtpEligible(accessToken: string, accountId: string): Promise<boolean> {
    const data = await this.call('/transfer/capabilities/get', () =>
      this.api.transferCapabilitiesGet({ access_token: accessToken, account_id: accountId }),
    );
    return data.institution_supported_networks.rtp.credit === true;
  }

  /** Plaid's risk and balance decision for a transfer; `idempotencyKey` makes a retry return the same authorization. */
  async authorizeTransfer(req: TransferRequest): Promise<TransferAuthorization> {
    const data = await this.call('/transfer/authorization/create', () =>
      this.api.transferAuthorizationCreate({
        access_token: req.accessToken,
        account_id: req.accountId,
        type: TransferType.Debit,
        network: req.network as TransferNetwork,
        amount: centsToDecimalString(req.amountCents),
        ach_class: ACHClass.Web,
        user: { legal_name: req.legalName },
        iso_currency_code: 'USD',
        idempotency_key: req.idempotencyKey,
      }),
    );
    const a = data.authorization;
    return { id: a.id, approved: a.decision === 'approved', rationaleCode: a.decision_rationale?.code ?? null, rationale: a.decision_rationale?.description ?? null };
  }

  async createTransfer(req: TransferRequest & { authorizationId: string; description: string }): Promise<{ id: string; status: string }> {
    const data = await this.call('/transfer/create', () =>
      this.api.transferCreate({
        access_token: req.accessToken,
        account_id: req.accountId,
        authorization_id: req.authorizationId,
        amount: centsToDecimalString(req.amountCents),
        description: req.description,
        idempotency_key: req.idempotencyKey,
      }),
    );
    return { id: data.transfer.id, status: data.transfer.status };
  }

  /** Transfer events after `afterId`, oldest first (Plaid's /transfer/event/sync). */
  async syncTransferEvents(afterId: number, count = 25): Promise<{ events: TransferEvent[]; hasMore: boolean }> {
    const data = await this.call('/transfer/event/sync', () => this.api.transferEventSync({ after_id: afterId, count }));
    return { events: data.transfer_events, hasMore: data.has_more === true };
  }
}

export interface TransferRequest {
  accessToken: string;
  accountId: string;
  network: 'ach' | 'same-day-ach' | 'rtp';
  amountCents: number;
  legalName: string;
  idempotencyKey: string;
}

export interface TransferAuthorization {
  id: string;
  approved: boolean;
  rationaleCode: string | null;
  rationale: string | null;
}

/** Plaid's transfer amounts are decimal strings ("25.00"); built from integer cents, never from a float. */
export function centsToDecimalString(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
