/** How many times each Plaid endpoint was called, so tests can assert how many upstream calls a query made. */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  increment(endpoint: string): void {
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}
