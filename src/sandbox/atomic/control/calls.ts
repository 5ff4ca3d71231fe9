/**
 * How many times each Atomic endpoint was called, so tests can assert how many upstream calls a
 * query made. Keyed by route pattern (`/employment/:identifier`); a second view keys by method too
 * (`DELETE /pay-link/accounts`), since some patterns serve several methods.
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly byMethod = new Map<string, number>();

  increment(endpoint: string, method: string): void {
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
    const key = `${method} ${endpoint}`;
    this.byMethod.set(key, (this.byMethod.get(key) ?? 0) + 1);
  }

  snapshot(withMethod = false): Record<string, number> {
    return Object.fromEntries(withMethod ? this.byMethod : this.counts);
  }

  reset(): void {
    this.counts.clear();
    this.byMethod.clear();
  }
}
