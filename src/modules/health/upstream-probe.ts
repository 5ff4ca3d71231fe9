import { cachedState, type ComponentState } from './cached-state.js';

export type { ComponentState } from './cached-state.js';

/**
 * Reachability of one upstream base URL: any HTTP answer counts as up (an auth error still proves
 * the provider is there); a refused connection or a timeout is down. Results are cached briefly.
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
      return 'up';
    } catch {
      return 'down';
    }
  }
}
