/**
 * Reads shared for the rest of one request: the first caller's promise answers every later caller
 * with the same key. GraphQL resolves sibling fields at once and each names its user, accounts or
 * upstream resource again; MikroORM's identity map answers only primary-key lookups, so without
 * this each field asked the database (25 SELECTs for one full `user` query, 10 with it).
 * A failed read, or a value `keep` refuses (a user not found yet, who a mutation may create later
 * in the request), is forgotten, so the next caller asks again. `clear()` after a write.
 */
export class RequestMemo<K, V> {
  private readonly entries = new Map<K, Promise<V>>();

  constructor(private readonly keep: (value: V) => boolean = () => true) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const known = this.entries.get(key);
    if (known) return known;
    const loading = load();
    this.entries.set(key, loading);
    const forget = () => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    };
    loading.then((value) => this.keep(value) || forget(), forget);
    return loading;
  }

  clear(): void {
    this.entries.clear();
  }
}
