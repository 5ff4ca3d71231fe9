import { REFERENCE_IDENTIFIER } from '../reference/paylink.js';
import { GUID_IDENTIFIER } from '../reference/tasks.js';
import type { StateStore } from '../state/store.js';
import type { StoredUser } from '../state/types.js';
import { buildDataset, type UserDataset } from './dataset.js';

/**
 * Which user every id belongs to. Any identifier is a user (its data is generated on first use),
 * but an account, task or file id only resolves once its user has been seen: an identifier
 * becomes known when a call names it, and stays known across restarts (it is in the state file).
 */
const CACHE_SIZE = 256;

export class UserDirectory {
  private readonly owners = new Map<string, string>();
  /** Generating a user takes a few milliseconds; one request may need it several times. */
  private readonly cache = new Map<string, UserDataset>();

  constructor(
    private readonly store: StateStore,
    private readonly now: () => Date,
  ) {
    // The references' users are always there, so their example ids resolve from the start.
    for (const identifier of [REFERENCE_IDENTIFIER, GUID_IDENTIFIER, ...store.users.keys()]) this.index(identifier);
  }

  /**
   * The user's generated (or reference) data as of now, before run-time changes. Cached for the
   * current minute (dates in it move by the day; callers copy before changing anything).
   */
  dataset(identifier: string): UserDataset {
    const now = this.now();
    const key = `${Math.floor(now.getTime() / 60_000)}\u0000${identifier}`;
    let data = this.cache.get(key);
    if (!data) {
      data = buildDataset(identifier, now);
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, data);
    }
    return data;
  }

  /** Registers `identifier` (persisted) and returns its run-time record. */
  ensure(identifier: string): StoredUser {
    let user = this.store.users.get(identifier);
    if (!user) {
      user = {
        identifier,
        firstSeenAt: this.now().toISOString(),
        data: {},
        deletedAccountIds: [],
        detectedAccounts: [],
        recurring: {},
        monitoringEndedAt: null,
      };
      this.store.users.set(identifier, user);
      this.index(identifier);
      this.store.save();
    }
    return user;
  }

  /** The run-time record, without registering the user. */
  peek(identifier: string): StoredUser | undefined {
    return this.store.users.get(identifier);
  }

  /** The identifier owning an account, bill, task, linked account or file id. */
  ownerOf(id: string): string | undefined {
    return this.owners.get(id);
  }

  /** Records that `id` (e.g. a detected account or a new task) belongs to `identifier`. */
  claim(id: string, identifier: string): void {
    this.owners.set(id, identifier);
  }

  private index(identifier: string): void {
    const data = this.dataset(identifier);
    const claim = (id: string) => this.owners.set(id, identifier);
    for (const account of data.accounts) {
      claim(account._id);
      for (const bill of account.bills) claim(bill._id);
    }
    for (const task of data.tasks) {
      claim(task._id);
      for (const file of task.files ?? []) claim(file);
    }
    for (const linked of data.linkedAccounts) claim(linked._id);
    for (const account of this.store.users.get(identifier)?.detectedAccounts ?? []) claim(account._id);
  }
}
