export type ComponentState = 'up' | 'down';

/**
 * A probe's answer reused for `cacheMs`, so a load balancer polling /health does not turn into
 * upstream or Redis traffic.
 */
export function cachedState(probe: () => Promise<ComponentState>, cacheMs = 5000): () => Promise<ComponentState> {
  let cached: { state: ComponentState; at: number } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < cacheMs) return cached.state;
    const state = await probe();
    cached = { state, at: Date.now() };
    return state;
  };
}
