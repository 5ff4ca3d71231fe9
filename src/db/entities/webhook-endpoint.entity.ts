import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from './partner.entity.js';

/**
 * A partner's webhook receiver. The signing secret is sealed with the TokenCipher (AAD = row id)
 * because the gateway must sign with it; after a rotation the previous secret also signs until
 * `previousSecretExpiresAt`, so receivers can switch without losing deliveries.
 */
export const WebhookEndpoint = defineEntity({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoints',
  indexes: [{ properties: ['partner', 'createdAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** Public id, `we_…`. */
    publicId: p.string().length(40).unique(),
    partner: p.manyToOne(Partner).ref().deleteRule('cascade'),
    /** Registered with a test or a live key: it receives that mode's events only. */
    keyMode: p.enum(['test', 'live'] as const).default('test'),
    url: p.string().length(2048),
    /** Event types delivered here (`transfer.settled`, …); `*` means all. */
    eventTypes: p.json<string[]>(),
    secretCiphertext: p.text(),
    secretKeyId: p.string().length(32),
    previousSecretCiphertext: p.text().nullable(),
    previousSecretKeyId: p.string().length(32).nullable(),
    previousSecretExpiresAt: p.datetime().nullable(),
    status: p.string().length(20).$type<'enabled' | 'disabled'>(),
    disabledReason: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type WebhookEndpointEntity = InferEntity<typeof WebhookEndpoint>;
