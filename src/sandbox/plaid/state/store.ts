import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TransferBook } from '../transfer/book.js';
import { IDEMPOTENCY_WINDOW_MS } from '../transfer/rules.js';
import type { PersistedState, StoredItem, StoredLinkToken, StoredPublicToken, StoredSigningKey } from './types.js';

/** Expired link and public tokens are kept this long (for a clear error), then forgotten. */
const TOKEN_RETENTION_MS = 24 * 3_600_000;

/**
 * The emulator's runtime state, in memory, written through to a JSON file when one is configured.
 * Every write replaces the file atomically (temp file + rename), so a crash never leaves half a file.
 */
export class StateStore {
  readonly items = new Map<string, StoredItem>();
  readonly publicTokens = new Map<string, StoredPublicToken>();
  readonly linkTokens = new Map<string, StoredLinkToken>();
  readonly transfers = new TransferBook();
  signingKey: StoredSigningKey | null = null;

  private constructor(private readonly file: string | undefined) {}

  /** Loads `file` if it exists; a file that is not the emulator's state is an error, never overwritten. */
  static open(file: string | undefined): StateStore {
    const store = new StateStore(file);
    if (!file) return store;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return store;
      throw err;
    }
    const state = JSON.parse(text) as PersistedState;
    if (state.version !== 1 || !Array.isArray(state.items)) {
      throw new Error(`${file} is not a Plaid emulator state file (version 1)`);
    }
    store.signingKey = state.signing_key;
    for (const item of state.items) store.items.set(item.item_id, item);
    for (const token of state.public_tokens ?? []) store.publicTokens.set(token.public_token, token);
    for (const token of state.link_tokens ?? []) store.linkTokens.set(token.link_token, token);
    store.transfers.load(state.transfer);
    return store;
  }

  /** The live (not removed) Item an access token belongs to. */
  itemByAccessToken(accessToken: string): StoredItem | undefined {
    for (const item of this.items.values()) {
      if (item.access_token === accessToken && item.removed_at === null) return item;
    }
    return undefined;
  }

  save(nowMs: number = Date.now()): void {
    for (const tokens of [this.publicTokens, this.linkTokens]) {
      for (const [token, entry] of tokens) if (nowMs - entry.expires_at > TOKEN_RETENTION_MS) tokens.delete(token);
    }
    this.transfers.prune(nowMs, IDEMPOTENCY_WINDOW_MS);
    if (!this.file) return;
    const state: PersistedState = {
      version: 1,
      signing_key: this.signingKey,
      items: [...this.items.values()],
      public_tokens: [...this.publicTokens.values()],
      link_tokens: [...this.linkTokens.values()],
      transfer: this.transfers.snapshot(),
    };
    mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    // 0600: the file holds access tokens and the webhook signing key.
    writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
    renameSync(temp, this.file);
  }
}
