import type { FastifyInstance } from 'fastify';
import type { SandboxItemFireWebhookResponse, WebhookVerificationKeyGetResponse } from 'plaid';
import type { EmulatorContext } from '../context.js';
import { invalidField, PlaidApiError } from '../errors.js';
import { asBody, optionalString, requiredString, requireFields } from '../validation.js';
import { notifyItem } from '../webhooks/notify.js';
import { SUPPORTED_WEBHOOKS, webhookPayload, type SupportedWebhookCode } from '../webhooks/payloads.js';
import { publicKeyResponse } from '../webhooks/signer.js';
import { resolveItem } from './common.js';

const isSupported = (code: string): code is SupportedWebhookCode => Object.prototype.hasOwnProperty.call(SUPPORTED_WEBHOOKS, code);

export async function webhookRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.post('/sandbox/item/fire_webhook', async (request): Promise<SandboxItemFireWebhookResponse> => {
    const body = asBody(request.body);
    requireFields(body, ['access_token', 'webhook_code']);
    const item = resolveItem(ctx, body);
    const code = requiredString(body, 'webhook_code');
    if (!isSupported(code)) {
      throw invalidField(`webhook_code must be one of ${Object.keys(SUPPORTED_WEBHOOKS).join(', ')} (the codes this emulator sends)`);
    }
    const type = optionalString(body, 'webhook_type');
    if (type !== undefined && type !== SUPPORTED_WEBHOOKS[code]) {
      throw invalidField(`webhook_code ${code} is not valid for webhook_type ${type}`);
    }
    if (!item.webhook) throw new PlaidApiError('SANDBOX_WEBHOOK_INVALID');
    void notifyItem(ctx, item, webhookPayload(code, item));
    return { webhook_fired: true, request_id: request.id };
  });

  app.post('/webhook_verification_key/get', async (request): Promise<WebhookVerificationKeyGetResponse> => {
    const keyId = requiredString(asBody(request.body), 'key_id');
    const key = ctx.store.signingKey;
    if (!key || key.kid !== keyId) throw new PlaidApiError('INVALID_WEBHOOK_VERIFICATION_KEY_ID');
    return { key: publicKeyResponse(key), request_id: request.id };
  });
}
