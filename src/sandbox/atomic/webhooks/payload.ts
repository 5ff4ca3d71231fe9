import type { TaskRecord, TaskStatus } from '../types.js';

/**
 * The `task-status-updated` event. The references mention these webhooks but show no payload, so
 * the shape is the emulator's (documented in its README): who, which task, old and new status.
 */
export interface TaskStatusUpdatedWebhook {
  eventType: 'task-status-updated';
  eventTime: string;
  user: { _id: string; identifier: string };
  task: {
    _id: string;
    status: TaskStatus;
    previousStatus: TaskStatus;
    product: string;
    company: TaskRecord['company'];
    failReason?: string;
    payrollDataAvailable?: boolean;
    linkedAccount?: string;
  };
  taskWorkflow: { _id: string };
}

export function taskStatusUpdated(task: TaskRecord, previousStatus: TaskStatus, at: Date): TaskStatusUpdatedWebhook {
  return {
    eventType: 'task-status-updated',
    eventTime: at.toISOString(),
    user: { ...task.user },
    task: {
      _id: task._id,
      status: task.status,
      previousStatus,
      product: task.product,
      company: structuredClone(task.company),
      ...(task.failReason !== undefined ? { failReason: task.failReason } : {}),
      ...(task.payrollDataAvailable !== undefined ? { payrollDataAvailable: task.payrollDataAvailable } : {}),
      ...(task.linkedAccount !== undefined ? { linkedAccount: task.linkedAccount } : {}),
    },
    taskWorkflow: { ...task.taskWorkflow },
  };
}
