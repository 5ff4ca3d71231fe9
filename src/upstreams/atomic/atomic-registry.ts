import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig, KeyMode } from '../../config/config.js';
import { AppError } from '../../errors/app-error.js';
import { AtomicAdapter } from './atomic-adapter.js';
import { createAtomicClients, type AtomicClientOptions, type AtomicClients } from './atomic-client.js';

/** One pair of got instances per key mode (test → sandbox, live → production); per-request adapters on top. */
export class AtomicRegistry {
  private readonly clients = new Map<KeyMode, AtomicClients>();

  constructor(
    private readonly config: AppConfig,
    private readonly clientOptions: AtomicClientOptions = {},
  ) {}

  adapter(mode: KeyMode, log: FastifyBaseLogger): AtomicAdapter {
    return new AtomicAdapter(this.clientsFor(mode), log);
  }

  private clientsFor(mode: KeyMode): AtomicClients {
    let clients = this.clients.get(mode);
    if (!clients) {
      const upstream = mode === 'live' ? this.config.upstreams.production.atomic : this.config.upstreams.sandbox.atomic;
      if (!upstream.apiKey || !upstream.apiSecret) {
        throw new AppError('UPSTREAM_UNAVAILABLE', `Atomic is not configured for ${mode} keys on this gateway.`, {
          upstream: { provider: 'atomic', code: 'NOT_CONFIGURED' },
        });
      }
      clients = createAtomicClients(upstream, this.config.atomic.apiVersion, this.clientOptions);
      this.clients.set(mode, clients);
    }
    return clients;
  }
}
