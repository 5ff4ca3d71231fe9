import type { FastifyBaseLogger } from 'fastify';
import { AtomicApiError, validationError } from '../errors.js';
import type { StateStore } from '../state/store.js';
import type { TaskRecord, TaskStatus } from '../types.js';
import type { WebhookDelivery, WebhookDispatcher } from '../webhooks/dispatcher.js';
import { taskStatusUpdated } from '../webhooks/payload.js';
import type { TaskRegistry } from './registry.js';
import { applyStatus, isTerminal, nextStatus } from './transitions.js';

/** Called when a task reaches completed or failed (workflows start their next task here). */
export type TaskFinishedListener = (task: TaskRecord) => void;

/**
 * Moves tasks through their statuses: on request (the control API) or by themselves, one step every
 * `taskStepMs` for tasks created at run time. Each change is stored and sent as a signed
 * `task-status-updated` webhook when a webhook URL is set.
 */
export class TaskLifecycle {
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: TaskFinishedListener[] = [];

  constructor(
    private readonly tasks: TaskRegistry,
    private readonly store: StateStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly now: () => Date,
    private readonly log: FastifyBaseLogger,
  ) {}

  onFinished(listener: TaskFinishedListener): void {
    this.listeners.push(listener);
  }

  /** Checks for due steps a few times a second (the clock is the emulator's `now`, so pinned clocks stand still). */
  start(intervalMs = 200): void {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The first automatic step of a new task is due `taskStepMs` from now (never, when 0). */
  schedule(task: TaskRecord): TaskRecord {
    if (this.store.taskStepMs > 0 && !isTerminal(task.status)) task.nextStepAt = this.now().getTime() + this.store.taskStepMs;
    return task;
  }

  tick(): void {
    const nowMs = this.now().getTime();
    for (const task of this.tasks.scheduled()) {
      if ((task.nextStepAt ?? Infinity) > nowMs) continue;
      const status = nextStatus(task.status);
      if (status === undefined) {
        this.tasks.put({ ...task, nextStepAt: undefined });
        continue;
      }
      // A timer has no caller to report to: failures are logged, and the next tick tries again.
      this.change(task, status).catch((err: unknown) => this.log.error({ err, taskId: task._id }, 'atomic emulator: task step failed'));
    }
  }

  /**
   * Moves a task to `status`, or one step along its path when none is given. Returns the stored
   * task and the webhook delivery (when a webhook URL is set).
   */
  async advance(taskId: string, status?: TaskStatus, failReason?: string): Promise<{ task: TaskRecord; webhook?: WebhookDelivery }> {
    const task = this.tasks.get(taskId);
    const target = status ?? nextStatus(task.status);
    if (target === undefined) throw new AtomicApiError(409, `Task is already ${task.status}; pass a status to move it anyway.`);
    if (failReason !== undefined && target !== 'failed' && target !== 'error') {
      throw validationError('failReason only applies to the failed and error statuses.');
    }
    return this.change(task, target, failReason);
  }

  private async change(task: TaskRecord, status: TaskStatus, failReason?: string): Promise<{ task: TaskRecord; webhook?: WebhookDelivery }> {
    const now = this.now();
    const next = applyStatus(task, status, now, failReason);
    if (task.nextStepAt !== undefined) {
      if (isTerminal(status) || this.store.taskStepMs === 0) delete next.nextStepAt;
      else next.nextStepAt = now.getTime() + this.store.taskStepMs;
    }
    const stored = this.tasks.put(next);
    if (isTerminal(status)) for (const listener of this.listeners) listener(stored);
    const url = this.store.webhookUrl;
    if (!url) return { task: stored };
    const webhook = await this.dispatcher.send(url, taskStatusUpdated(stored, task.status, now));
    return { task: stored, webhook };
  }
}
