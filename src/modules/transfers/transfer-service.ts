import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyBaseLogger } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import type { TokenCipher } from '../../crypto/token-cipher.js';
import { BankAccount, PlaidItem, Transfer, TransferRecipient, type BankAccountEntity, type PlaidItemEntity } from '../../db/entities/index.js';
import { AppError, badUserInput, notFound } from '../../errors/app-error.js';
import type { PlaidAdapter } from '../../upstreams/plaid/plaid-adapter.js';
import { emitEvent } from '../outbox/outbox.js';
import type { AuthenticatedPartner } from '../partners/partner-types.js';
import { assertIdempotencyKey, IdempotencyStore, requestFingerprint } from './idempotency.js';
import { publicId } from '../../crypto/public-id.js';
import { usersOf } from '../users/tenant-scope.js';
import { chooseRail, debitNetwork, estimatedSettlement } from './rails.js';
import { validateTransferInput, type RawTransferInput, type TransferInput } from './transfer-input.js';
import { declineReason, toTransferView, transferEventData, type CreateTransferOutcome, type TransferView } from './transfer-view.js';

export interface TransferDeps {
  em: EntityManager;
  partner: AuthenticatedPartner;
  plaid: () => PlaidAdapter;
  cipher: TokenCipher;
  log: FastifyBaseLogger;
  now?: () => Date;
}

const OPERATION = 'createTransfer';
/**
 * Plaid wants the account holder's legal name on an authorization; the gateway does not hold
 * identity data for end users, so it sends this placeholder (see the README's Transfers notes).
 */
const ACCOUNT_HOLDER_PLACEHOLDER = 'AtlasForge End User';

/** What a live key gets from createTransfer until the credit leg exists (see create() and the README's Transfers). */
export const LIVE_TRANSFERS_REFUSED =
  'Transfers are not available with live keys yet: the gateway makes the debit from the source account but not the credit to the destination. Test keys work in the sandbox.';

/**
 * Plaid Transfer moves money only to and from checking and savings accounts: a money market, CD or
 * cash-management account is "depository" too, but Plaid refuses it (TRANSFER_UNSUPPORTED_ACCOUNT_TYPE),
 * and a credit card or loan is not a destination. Refused here as bad input (the idempotency key is given back).
 */
function isTransferable(account: BankAccountEntity): boolean {
  return account.type === 'depository' && (account.subtype === 'checking' || account.subtype === 'savings');
}

/** Plaid's transfer description is at most 15 characters. */
const PLAID_DESCRIPTION = 'AtlasForge';

/** Money movement for one request's partner: every account and recipient is checked against the partner first. */
export class TransferService {
  constructor(private readonly d: TransferDeps) {}

  /** The partner's users in the calling key's mode. */
  private users() {
    return usersOf(this.d.partner.id, this.d.partner.keyMode);
  }

  private now(): Date {
    return this.d.now?.() ?? new Date();
  }

  /**
   * Creates a transfer at most once per Idempotency-Key (idempotency.ts). Bad input is refused
   * before the key is claimed; a failure before anything was committed gives the key back, and
   * the Plaid calls carry a key derived from it, so a retry after a crash cannot move money twice.
   */
  async create(raw: RawTransferInput, key: unknown): Promise<CreateTransferOutcome> {
    // Only the debit from the source is made (Plaid pulls it into the platform's account); the
    // credit to the destination is not, so with real money the destination would never be paid.
    // Refused with live keys until both legs exist: sandbox transfers keep working as documented.
    if (this.d.partner.keyMode === 'live') throw new AppError('FORBIDDEN', LIVE_TRANSFERS_REFUSED);
    const idempotencyKey = assertIdempotencyKey(key);
    const input = validateTransferInput(raw);
    const store = new IdempotencyStore(this.d.em);
    const claim = await store.claim({ partnerId: this.d.partner.id, keyMode: this.d.partner.keyMode }, idempotencyKey, OPERATION, requestFingerprint(OPERATION, input), this.now());
    if (claim.kind === 'replay') return claim.body as unknown as CreateTransferOutcome;
    try {
      return await this.execute(input, idempotencyKey, claim.id, store);
    } catch (err) {
      await store.release(claim.id).catch((e) => this.d.log.warn({ err: e }, 'could not release idempotency key'));
      throw err;
    }
  }

  private async execute(input: TransferInput, idempotencyKey: string, claimId: string, store: IdempotencyStore): Promise<CreateTransferOutcome> {
    const from = await this.partnerAccount(input.fromAccountId);
    if (!isTransferable(from)) throw badUserInput('Transfers are made from checking or savings accounts.', { field: 'fromAccountId' });
    const fromItem = await this.activeItem(from);
    let rtpEligible = false;
    let recipientRowId: string | null = null;
    if (input.toAccountId) {
      const to = await this.partnerAccount(input.toAccountId);
      if (to.endUser.id !== from.endUser.id) throw notFound(`No account ${input.toAccountId} for this user.`);
      if (!isTransferable(to)) throw badUserInput('Transfers are made to checking or savings accounts.', { field: 'toAccountId' });
      const toItem = await this.activeItem(to);
      rtpEligible = await this.d.plaid().rtpEligible(this.accessToken(toItem), to.plaidAccountId);
    } else {
      const recipient = await this.d.em.findOne(TransferRecipient, { publicId: input.recipientId!, endUser: from.endUser.id });
      if (!recipient) throw notFound(`No recipient ${input.recipientId} for this user.`);
      recipientRowId = recipient.id;
    }

    const now = this.now();
    const rail = chooseRail({ amountCents: input.amountCents, destinationRtpEligible: rtpEligible, now });
    // Derived, not the partner's own key: Plaid's keys are per client (one client serves every
    // partner, and both modes when they share a Plaid host), and are at most 50 characters.
    const plaidKey = createHash('sha256').update(`${this.d.partner.id}:${this.d.partner.keyMode}:${idempotencyKey}`).digest('hex').slice(0, 50);
    const request = {
      accessToken: this.accessToken(fromItem),
      accountId: from.plaidAccountId,
      network: debitNetwork(rail),
      amountCents: input.amountCents,
      legalName: ACCOUNT_HOLDER_PLACEHOLDER,
      idempotencyKey: plaidKey,
    } as const;
    const authorization = await this.d.plaid().authorizeTransfer(request);
    if (!authorization.approved) {
      const outcome: CreateTransferOutcome = {
        declined: { reason: declineReason(authorization.rationaleCode), message: authorization.rationale ?? 'The transfer was declined.' },
      };
      await this.d.em.transactional((em) => store.complete(em, claimId, 422, outcome as unknown as Record<string, unknown>));
      return outcome;
    }
    const created = await this.d.plaid().createTransfer({ ...request, authorizationId: authorization.id, description: PLAID_DESCRIPTION });

    return this.d.em.transactional(async (em) => {
      const row = em.create(Transfer, {
        id: randomUUID(),
        publicId: publicId('tfr'),
        endUser: from.endUser.id,
        item: fromItem.id,
        fromAccountId: from.plaidAccountId,
        toAccountId: input.toAccountId,
        recipient: recipientRowId,
        amountCents: input.amountCents,
        currency: input.currency,
        memo: input.memo,
        rail,
        status: 'pending',
        plaidAuthorizationId: authorization.id,
        plaidTransferId: created.id,
        estimatedSettlement: estimatedSettlement(rail, now),
        failureReason: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.flush();
      const view = toTransferView(row, input.recipientId);
      emitEvent(em, { partnerId: this.d.partner.id, keyMode: this.d.partner.keyMode }, 'transfer.pending', transferEventData(view, from.endUser.getEntity().externalUserId));
      const outcome: CreateTransferOutcome = { transfer: view };
      await store.complete(em, claimId, 200, outcome as unknown as Record<string, unknown>);
      return outcome;
    });
  }

  /** A transfer of this partner's, by public id. */
  async get(id: string): Promise<TransferView | null> {
    const row = await this.d.em.findOne(Transfer, { publicId: id, endUser: this.users() }, { populate: ['recipient'] });
    return row ? toTransferView(row, row.recipient?.getEntity().publicId ?? null) : null;
  }

  /** The tenant check: the account must belong to one of this partner's users, or it does not exist for them. */
  private async partnerAccount(accountId: string): Promise<BankAccountEntity> {
    const account = await this.d.em.findOne(BankAccount, { plaidAccountId: accountId, endUser: this.users() }, { populate: ['endUser'] });
    if (!account) throw notFound(`No account ${accountId} for this partner.`);
    return account;
  }

  private async activeItem(account: BankAccountEntity): Promise<PlaidItemEntity> {
    const item = await this.d.em.findOneOrFail(PlaidItem, { id: account.item.id });
    if (item.status !== 'active') throw badUserInput(`The bank connection of account ${account.plaidAccountId} needs attention (${item.status}).`, { field: 'fromAccountId' });
    return item;
  }

  private accessToken(item: PlaidItemEntity): string {
    return this.d.cipher.open({ keyId: item.accessTokenKeyId, ciphertext: item.accessTokenCiphertext }, item.id);
  }
}
