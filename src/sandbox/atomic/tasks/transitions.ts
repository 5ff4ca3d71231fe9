import { TERMINAL_STATUSES, type TaskRecord, type TaskStatus } from '../types.js';

/**
 * Where a task goes next when nobody says otherwise: the happy path queued → processing →
 * completed; waiting states (invited, paused, captcha, mfa, retry, error) resume processing;
 * `manual` is finished by hand. Completed and failed are final.
 */
const NEXT: Partial<Record<TaskStatus, TaskStatus>> = {
  invited: 'queued',
  queued: 'processing',
  processing: 'completed',
  paused: 'processing',
  captcha: 'processing',
  mfa: 'processing',
  retry: 'processing',
  error: 'processing',
  manual: 'completed',
};

export function nextStatus(status: TaskStatus): TaskStatus | undefined {
  return NEXT[status];
}

export const isTerminal = (status: TaskStatus): boolean => TERMINAL_STATUSES.includes(status);

/** The task after moving to `status` at `now` (a new object; the caller stores it). */
export function applyStatus(task: TaskRecord, status: TaskStatus, now: Date, failReason?: string): TaskRecord {
  const next: TaskRecord = { ...structuredClone(task), status, updatedAt: now.toISOString() };
  if (status === 'processing' || status === 'completed') next.authenticated = true;
  if (status === 'failed' || status === 'error') next.failReason = failReason ?? task.failReason ?? 'unknown-failure';
  else delete next.failReason;
  // Payroll data is there once a data-reading UserLink task completes.
  if (next.payrollDataAvailable !== undefined && status === 'completed' && ['verify', 'tax', 'earn'].includes(next.product)) {
    next.payrollDataAvailable = true;
  }
  return next;
}
