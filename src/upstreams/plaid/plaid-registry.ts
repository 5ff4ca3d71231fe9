import type { FastifyBaseLogger } from 'fastify';
import type { PlaidApi } from 'plaid';
import type { AppConfig, KeyMode } from '../../config/config.js';
import { AppError } from '../../errors/app-error.js';
import { createPlaidApi, type PlaidClientOptions } from './plaid-client.js';
import { PlaidAdapter } from './plaid-adapter.js';

/**
 * Holds one long-lived PlaidApi per key mode (test → sandbox configuration, live → production)
 * and hands out per-request adapters bound to the request's logger.
 */
export class PlaidRegistry {
  private readonly apis = new Map<KeyMode, PlaidApi>();

  constructor(
    private readonly config: AppConfig,
    private readonly clientOptions: PlaidClientOptions = {},
  ) {}

  adapter(mode: KeyMode, log: FastifyBaseLogger): PlaidAdapter {
    return new PlaidAdapter(this.api(mode), log);
  }

  private api(mode: KeyMode): PlaidApi {
    let api = this.apis.get(mode);
    if (!api) {
      const upstream = mode === 'live' ? this.config.upstreams.production.plaid : this.config.upstreams.sandbox.plaid;
      if (!upstream.clientId || !upstream.secret) {
        throw new AppError('UPSTREAM_UNAVAILABLE', `Plaid is not configured for ${mode} keys on this gateway.`, {
          upstream: { provider: 'plaid', code: 'NOT_CONFIGURED' },
        });
      }
      api = createPlaidApi(upstream, this.clientOptions);
      this.apis.set(mode, api);
    }
    return api;
  }
}
