/**
 * Process-wide cache of find-company answers per normalised merchant description (including
 * "no company"), so the same merchant is looked up at most once per TTL across all requests.
 * Callers key it by key mode as well: sandbox and production company ids differ.
 */
export class CompanyMatchCache<C> {
  private readonly entries = new Map<string, { value: C | null; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  static normalise(description: string): string {
    return description.trim().toLowerCase().replace(/\s+/g, ' ');
  }

  get(key: string): { hit: true; value: C | null } | { hit: false } {
    const entry = this.entries.get(key);
    if (!entry) return { hit: false };
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return { hit: false };
    }
    return { hit: true, value: entry.value };
  }

  set(key: string, value: C | null): void {
    if (this.entries.size >= this.maxEntries) {
      // Drop the oldest insertion (Map keeps insertion order): bounded memory under any load.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
  }
}
