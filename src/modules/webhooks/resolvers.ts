import type { Resolvers } from '../../generated/graphql.js';
import { OUTBOX_EVENT_TYPES } from '../outbox/outbox.js';

export const webhookResolvers: Resolvers = {
  Query: {
    webhookEndpoints: (_p, _a, ctx) => ctx.webhooks.list(),
    webhookEventTypes: () => [...OUTBOX_EVENT_TYPES],
    webhookDeliveries: (_p, { endpointId, first, after }, ctx) => ctx.webhooks.deliveries(endpointId, first, after),
  },
  Mutation: {
    registerWebhookEndpoint: (_p, { url, eventTypes }, ctx) => ctx.webhooks.register(url, eventTypes),
    rotateWebhookSecret: (_p, { id }, ctx) => ctx.webhooks.rotateSecret(id),
    disableWebhookEndpoint: (_p, { id }, ctx) => ctx.webhooks.disable(id),
    enableWebhookEndpoint: (_p, { id }, ctx) => ctx.webhooks.enable(id),
    resendWebhookDelivery: (_p, { id }, ctx) => ctx.webhooks.resend(id),
  },
  WebhookDelivery: {
    attemptLog: (delivery, _a, ctx) => ctx.webhooks.attemptLog(delivery.id),
  },
};
