export type ComponentState = 'up' | 'down';

/**
 * Reachability of one upstream base URL: any HTTP answer counts as up (an auth error still proves
 * the provider is there); a refused connection or a timeout is down. Results are cached briefly so
 * a load balancer polling /health does not turn into upstream traffic.
 */
export class UpstreamProbe {
  private cached: { state: ComponentState; at: number } | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 1500,
    private readonly cacheMs = 5000,
  ) {}

  async check(): Promise<ComponentState> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.state;
    const state = await this.probe();
    this.cached = { state, at: Date.now() };
    return state;
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
