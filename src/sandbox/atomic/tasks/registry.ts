import { notFound } from '../errors.js';
import type { StateStore } from '../state/store.js';
import type { TaskRecord } from '../types.js';
import type { UserDirectory } from '../users/directory.js';

/**
 * Tasks: the seeded and generated ones come from their user's dataset; a task created at run time,
 * or one whose status changed, lives in the state store and wins over the dataset's copy.
 */
export class TaskRegistry {
  constructor(
    private readonly store: StateStore,
    private readonly users: UserDirectory,
  ) {}

  find(taskId: string): TaskRecord | undefined {
    const stored = this.store.tasks.get(taskId);
    if (stored) return stored;
    const owner = this.users.ownerOf(taskId);
    if (owner === undefined) return undefined;
    return this.users.dataset(owner).tasks.find((t) => t._id === taskId);
  }

  get(taskId: string): TaskRecord {
    const task = this.find(taskId);
    if (!task) throw notFound('Task');
    return task;
  }

  /** Every task of a user, oldest first. */
  forUser(identifier: string): TaskRecord[] {
    const byId = new Map(this.users.dataset(identifier).tasks.map((t) => [t._id, t]));
    for (const task of this.store.tasks.values()) if (task.user.identifier === identifier) byId.set(task._id, task);
    return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Stores a changed or new task (a copy) and persists it. */
  put(task: TaskRecord): TaskRecord {
    const copy = structuredClone(task);
    this.store.tasks.set(copy._id, copy);
    this.users.claim(copy._id, copy.user.identifier);
    for (const file of copy.files ?? []) this.users.claim(file, copy.user.identifier);
    this.store.save();
    return copy;
  }

  /** Tasks waiting for an automatic status change. */
  scheduled(): TaskRecord[] {
    return [...this.store.tasks.values()].filter((t) => t.nextStepAt !== undefined);
  }
}
