import { ApiKey } from './api-key.entity.js';
import { AtomicPublicToken } from './atomic-public-token.entity.js';
import { AtomicUser } from './atomic-user.entity.js';
import { BankAccount } from './bank-account.entity.js';
import { BankTransaction } from './bank-transaction.entity.js';
import { EndUser } from './end-user.entity.js';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { Transfer } from './transfer.entity.js';
import { TransferEventCursor } from './transfer-event-cursor.entity.js';
import { TransferRecipient } from './transfer-recipient.entity.js';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { OutboxEvent } from './outbox-event.entity.js';
import { Partner } from './partner.entity.js';
import { PlaidItem } from './plaid-item.entity.js';
import { SafeToSpendCalculation } from './safe-to-spend-calculation.entity.js';
import { TransactionFeedCursor } from './transaction-feed-cursor.entity.js';
import { UsageEvent } from './usage-event.entity.js';
import { UsageHourlyRollup, UsageUserMonth } from './usage-rollup.entity.js';

export {
  ApiKey,
  AtomicPublicToken,
  AtomicUser,
  BankAccount,
  BankTransaction,
  EndUser,
  IdempotencyKey,
  OutboxEvent,
  Partner,
  PlaidItem,
  SafeToSpendCalculation,
  TransactionFeedCursor,
  Transfer,
  TransferEventCursor,
  TransferRecipient,
  UsageEvent,
  UsageHourlyRollup,
  UsageUserMonth,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookEndpoint,
};
export type { ApiKeyEntity } from './api-key.entity.js';
export type { AtomicPublicTokenEntity } from './atomic-public-token.entity.js';
export type { AtomicUserEntity } from './atomic-user.entity.js';
export type { BankAccountEntity } from './bank-account.entity.js';
export type { BankTransactionEntity } from './bank-transaction.entity.js';
export type { EndUserEntity } from './end-user.entity.js';
export type { IdempotencyKeyEntity } from './idempotency-key.entity.js';
export type { TransferEntity, TransferRail, TransferStatus } from './transfer.entity.js';
export type { TransferEventCursorEntity } from './transfer-event-cursor.entity.js';
export type { TransferRecipientEntity } from './transfer-recipient.entity.js';
export type { WebhookDeliveryAttemptEntity, WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity.js';
export type { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
export type { OutboxEventEntity } from './outbox-event.entity.js';
export type { PartnerEntity } from './partner.entity.js';
export type { PlaidItemEntity } from './plaid-item.entity.js';
export type { SafeToSpendCalculationEntity } from './safe-to-spend-calculation.entity.js';
export type { TransactionFeedCursorEntity } from './transaction-feed-cursor.entity.js';
export type { UsageEventEntity } from './usage-event.entity.js';
export type { UsageHourlyRollupEntity, UsageUserMonthEntity } from './usage-rollup.entity.js';

/** Every entity the ORM knows; new domains add theirs here. */
export const ALL_ENTITIES = [
  Partner,
  ApiKey,
  EndUser,
  PlaidItem,
  BankAccount,
  BankTransaction,
  TransactionFeedCursor,
  UsageEvent,
  UsageHourlyRollup,
  UsageUserMonth,
  AtomicUser,
  AtomicPublicToken,
  SafeToSpendCalculation,
  OutboxEvent,
  TransferRecipient,
  Transfer,
  TransferEventCursor,
  IdempotencyKey,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryAttempt,
];
