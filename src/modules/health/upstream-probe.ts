import { cachedState, type ComponentState } from './cached-state.js';

export type { ComponentState } from './cached-state.js';

/**
 * Reachability of one upstream base URL: an HTTP answer below 500 counts as up (a 401 or 404 still
 * proves the provider is there and serving); a 5xx (the provider's edge saying it cannot serve, as
 * during an outage), a refused connection or a timeout is down. Results are cached briefly.
 */
export class UpstreamProbe {
  readonly check: () => Promise<ComponentState>;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 1500,
    cacheMs = 5000,
  ) {
    this.check = cachedState(() => this.probe(), cacheMs);
  }

  private async probe(): Promise<ComponentState> {
    try {
      const res = await fetch(this.baseUrl, { method: 'GET', signal: AbortSignal.timeout(this.timeoutMs) });
      await res.body?.cancel();
      return res.status >= 500 ? 'down' : 'up';
    } catch {
      return 'down';
    }
  }
}
