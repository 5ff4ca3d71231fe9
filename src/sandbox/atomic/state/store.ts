import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskRecord } from '../types.js';
import type {
  LinkedAccountUpdate,
  PersistedState,
  StoredSuggestionReview,
  StoredToken,
  StoredUser,
  StoredWorkflow,
} from './types.js';

/** Default pause between automatic task status changes (queued → processing → completed). */
export const DEFAULT_TASK_STEP_MS = 2000;

/**
 * The emulator's run-time state, in memory, written through to a JSON file when one is configured.
 * Every write replaces the file atomically (temp file + rename), so a crash never leaves half a file.
 */
export class StateStore {
  readonly tokens = new Map<string, StoredToken>();
  readonly users = new Map<string, StoredUser>();
  readonly tasks = new Map<string, TaskRecord>();
  readonly workflows = new Map<string, StoredWorkflow>();
  readonly linkedAccountUpdates = new Map<string, LinkedAccountUpdate>();
  readonly suggestionReviews: StoredSuggestionReview[] = [];
  webhookUrl: string | null = null;
  taskStepMs = DEFAULT_TASK_STEP_MS;

  private constructor(private readonly file: string | undefined) {}

  /** Loads `file` if it exists; a file that is not this emulator's state is an error, never overwritten. */
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
    const state = JSON.parse(text) as Partial<PersistedState>;
    if (state.version !== 1 || state.kind !== 'atomic-emulator' || !Array.isArray(state.users)) {
      throw new Error(`${file} is not an Atomic emulator state file (version 1)`);
    }
    for (const token of state.tokens ?? []) store.tokens.set(token.publicToken, token);
    for (const user of state.users) store.users.set(user.identifier, user);
    for (const task of state.tasks ?? []) store.tasks.set(task._id, task);
    for (const workflow of state.workflows ?? []) store.workflows.set(workflow._id, workflow);
    for (const [id, update] of Object.entries(state.linkedAccountUpdates ?? {})) store.linkedAccountUpdates.set(id, update);
    store.suggestionReviews.push(...(state.suggestionReviews ?? []));
    store.webhookUrl = state.webhookUrl ?? null;
    store.taskStepMs = state.taskStepMs ?? DEFAULT_TASK_STEP_MS;
    return store;
  }

  save(): void {
    if (!this.file) return;
    const state: PersistedState = {
      version: 1,
      kind: 'atomic-emulator',
      tokens: [...this.tokens.values()],
      users: [...this.users.values()],
      tasks: [...this.tasks.values()],
      workflows: [...this.workflows.values()],
      linkedAccountUpdates: Object.fromEntries(this.linkedAccountUpdates),
      suggestionReviews: this.suggestionReviews,
      webhookUrl: this.webhookUrl,
      taskStepMs: this.taskStepMs,
    };
    mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    // 0600: the file holds public tokens, card numbers and identities sent by the caller.
    writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
    renameSync(temp, this.file);
  }
}
