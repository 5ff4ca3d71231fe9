/**
 * One run at a time per key (an item's transactions sync, an environment's transfer events), with
 * concurrent callers sharing runs. A caller whose reason to run existed before the run under way
 * began (a read finding the data stale) shares that run: `join`. A caller announcing changes made
 * just now (a provider webhook) must not: the run under way may already have read the provider,
 * and its changes would wait for the next webhook. It gets the ONE run queued behind the current
 * one, shared by every such caller meanwhile: `after`.
 */
export class CoalescedRuns<K, T> {
  private readonly runs = new Map<K, { running: Promise<T>; next?: Promise<T> }>();

  run(key: K, start: () => Promise<T>, when: 'join' | 'after'): Promise<T> {
    const runs = this.runs.get(key);
    if (!runs) return this.begin(key, start);
    if (when === 'join') return runs.running;
    runs.next ??= runs.running.then(
      () => this.begin(key, start),
      () => this.begin(key, start),
    );
    return runs.next;
  }

  /** Waits until nothing is running or queued (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.runs.size > 0) {
      await Promise.allSettled([...this.runs.values()].flatMap((r) => (r.next ? [r.running, r.next] : [r.running])));
    }
  }

  private begin(key: K, start: () => Promise<T>): Promise<T> {
    const running = start().finally(() => {
      // With a run queued behind this one the entry stays: that run replaces it as it begins.
      const runs = this.runs.get(key);
      if (runs?.running === running && !runs.next) this.runs.delete(key);
    });
    this.runs.set(key, { running });
    return running;
  }
}
