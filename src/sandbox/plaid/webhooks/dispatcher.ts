import { WebhookDispatcher as SharedDispatcher, type DispatcherOptions } from '../../shared/webhook-dispatcher.js';
import type { WebhookSigner } from './signer.js';

export type { WebhookDelivery } from '../../shared/webhook-dispatcher.js';

/** Plaid's webhooks: a JWT over the exact body in `Plaid-Verification`. */
export class WebhookDispatcher extends SharedDispatcher {
  constructor(signer: WebhookSigner, options: DispatcherOptions) {
    super(
      {
        // Plaid sends pretty-printed JSON; the signature covers these exact bytes.
        serialize: (payload) => JSON.stringify(payload, null, 2),
        headersFor: async (body, now) => ({ 'plaid-verification': await signer.sign(body, now), 'user-agent': 'Plaid Verifier' }),
        logPrefix: 'plaid emulator',
      },
      options,
    );
  }
}
