import { WebhookDispatcher as SharedDispatcher, type DispatcherOptions } from '../../shared/webhook-dispatcher.js';
import { SIGNATURE_HEADER, signWebhook } from './signer.js';

export type { WebhookDelivery } from '../../shared/webhook-dispatcher.js';

/** Atomic's webhooks (as this emulator documents them): compact JSON, HMAC of the body with the API secret. */
export class WebhookDispatcher extends SharedDispatcher {
  constructor(options: DispatcherOptions & { secret: string }) {
    const { secret, ...rest } = options;
    super(
      {
        serialize: (payload) => JSON.stringify(payload),
        headersFor: async (body) => ({ [SIGNATURE_HEADER]: signWebhook(secret, body), 'user-agent': 'Atomic-Webhooks (emulator)' }),
        logPrefix: 'atomic emulator',
      },
      rest,
    );
  }
}
