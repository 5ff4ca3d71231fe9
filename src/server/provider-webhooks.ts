import type { FastifyInstance } from 'fastify';
import type { JWK } from 'jose';
import type { SharedServices } from '../graphql/context.js';
import { PlaidItem } from '../db/entities/index.js';
import { PlaidWebhookVerifier } from '../upstreams/plaid/webhook-verifier.js';
import { sendError } from './http-errors.js';
import { registerAtomicWebhook } from './atomic-webhook.js';

interface PlaidWebhookBody {
  webhook_type?: string;
  webhook_code?: string;
  item_id?: string;
  environment?: string;
}

/**
 * Inbound provider webhooks. They carry the provider's signature instead of an API key, so they
 * live outside the API-key context; the raw body is kept because the signature covers its bytes.
 */
export async function registerProviderWebhooks(app: FastifyInstance, opts: { services: SharedServices }): Promise<void> {
  const { services } = opts;
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  // Plaid signs with keys of the environment that sent the webhook; sandbox items → test keys.
  const verifiers = {
    test: new PlaidWebhookVerifier(async (kid) => (await services.plaid.adapter('test', app.log).getWebhookVerificationKey(kid)) as JWK),
    live: new PlaidWebhookVerifier(async (kid) => (await services.plaid.adapter('live', app.log).getWebhookVerificationKey(kid)) as JWK),
  };

  app.post('/webhooks/plaid', async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    let body: PlaidWebhookBody;
    try {
      body = JSON.parse(raw) as PlaidWebhookBody;
    } catch {
      return sendError(request, reply, 'BAD_USER_INPUT', 'Body is not JSON.');
    }
    const mode = body.environment === 'production' ? 'live' : 'test';
    const signature = request.headers['plaid-verification'];
    if (!(await verifiers[mode].verify(raw, typeof signature === 'string' ? signature : undefined))) {
      request.log.warn({ webhookType: body.webhook_type, webhookCode: body.webhook_code }, 'refused Plaid webhook: bad or missing signature');
      return sendError(request, reply, 'UNAUTHENTICATED', 'Missing or invalid Plaid-Verification signature.');
    }
    request.log.info({ webhookType: body.webhook_type, webhookCode: body.webhook_code, plaidItemId: body.item_id }, 'Plaid webhook');
    if (body.webhook_type === 'TRANSACTIONS' && body.webhook_code === 'SYNC_UPDATES_AVAILABLE' && body.item_id) {
      const items = await request.em.find(PlaidItem, { plaidItemId: body.item_id, keyMode: mode, status: 'active' });
      // Acknowledge at once (Plaid retries slow receivers); the sync runs in the background.
      for (const item of items) {
        services.sync.syncItem(item.id, request.log, { newChanges: true }).catch((err) => request.log.warn({ err }, 'webhook-triggered sync failed'));
      }
    }
    if (body.webhook_type === 'TRANSFER' && body.webhook_code === 'TRANSFER_EVENTS_UPDATE') {
      // The webhook names no transfer: read the event stream from the stored cursor, in the background.
      services.transferEvents.sync(mode).catch((err) => request.log.warn({ err }, 'transfer event sync failed'));
    }
    return reply.code(200).send({ received: true });
  });

  // Atomic signs an HMAC over the raw bytes; its own child context parses JSON as a Buffer.
  await app.register(registerAtomicWebhook, { services });
}
