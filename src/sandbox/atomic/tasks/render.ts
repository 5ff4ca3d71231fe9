import type { TaskRecord } from '../types.js';

/** `GET /task/:taskId/details`: every stored field except the emulator's own (`files`, `nextStepAt`). */
export function taskDetails(task: TaskRecord): Record<string, unknown> {
  const { files: _files, nextStepAt: _next, ...details } = structuredClone(task);
  return details;
}

/**
 * `GET /task/:taskId/status`. The PayLink (001) and UserLink (003) references show a bare
 * `{createdAt, status, failReason}`; the older PayLink reference (002), which documents the
 * `x-atomic-version` header and its version 2022-12-02, shows `{data: {task: {..., payrollDataAvailable}}}`.
 * Callers that send that version get the older shape; everyone else the newer one.
 */
export const ENVELOPED_STATUS_VERSION = '2022-12-02';

export function taskStatus(task: TaskRecord, atomicVersion: string | undefined): Record<string, unknown> {
  const status = {
    createdAt: task.createdAt,
    status: task.status,
    ...(task.failReason !== undefined ? { failReason: task.failReason } : {}),
  };
  if (atomicVersion !== ENVELOPED_STATUS_VERSION) return status;
  return { data: { task: { ...status, payrollDataAvailable: task.payrollDataAvailable ?? false } } };
}

/** One element of `GET /user/:identifier/tasks`'s `data.tasks`. */
export function userTask(task: TaskRecord): Record<string, unknown> {
  return {
    _id: task._id,
    authenticated: task.authenticated,
    createdAt: task.createdAt,
    ...(task.failReason !== undefined ? { failReason: task.failReason } : {}),
    payrollDataAvailable: task.payrollDataAvailable ?? false,
    product: task.product,
    status: task.status,
  };
}
