import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../../config/config.js';
import { AtomicUser, EndUser, OutboxEvent } from '../../db/entities/index.js';
import { emitEvent } from '../outbox/outbox.js';

/** The fields of Atomic's `task-status-updated` webhook that the gateway uses (emulator README, "Tasks and webhooks"). */
export interface TaskStatusUpdate {
  identifier: string;
  task: {
    id: string;
    status: string;
    previousStatus: string | null;
    product: string | null;
    failReason: string | null;
    company: { id: string; name: string } | null;
  };
}

export type TaskEventOutcome =
  | { result: 'recorded' | 'duplicate'; partnerId: string }
  /** No user of any partner has this Atomic identifier (another environment's, or a deleted user). */
  | { result: 'unknown-user' };

/**
 * Turns a verified task status change into a `task.updated` outbox event for the partner whose user
 * it is, with the partner's own user id (the Atomic identifier means nothing to the partner).
 * Webhook senders redeliver, so one (task, status) is recorded once: the check and the insert run in
 * one transaction that holds the user's row lock on PostgreSQL (SQLite runs one writer at a time).
 */
export async function recordTaskStatusUpdate(em: EntityManager, dialect: DatabaseConfig['kind'], update: TaskStatusUpdate): Promise<TaskEventOutcome> {
  const atomicUser = await em.findOne(AtomicUser, { identifier: update.identifier }, { populate: ['endUser'] });
  if (!atomicUser) return { result: 'unknown-user' };
  const endUser = atomicUser.endUser.getEntity();
  const partnerId = endUser.partner.id;

  return em.transactional(async (tx) => {
    if (dialect === 'postgresql') await tx.findOneOrFail(EndUser, { id: endUser.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const seen = await tx.count(OutboxEvent, {
      partner: partnerId,
      keyMode: endUser.keyMode,
      eventType: 'task.updated',
      payload: { user_id: endUser.externalUserId, task: { id: update.task.id, status: update.task.status } },
    });
    if (seen > 0) return { result: 'duplicate', partnerId } as const;
    emitEvent(tx, { partnerId, keyMode: endUser.keyMode }, 'task.updated', taskUpdatedPayload(endUser.externalUserId, update.task));
    return { result: 'recorded', partnerId } as const;
  });
}

/** The webhook's `data`: snake_case like the REST reference; optional fields only when Atomic sent them. */
function taskUpdatedPayload(userId: string, task: TaskStatusUpdate['task']): Record<string, unknown> {
  return {
    user_id: userId,
    task: {
      id: task.id,
      status: task.status,
      previous_status: task.previousStatus,
      product: task.product,
      ...(task.failReason !== null ? { fail_reason: task.failReason } : {}),
      ...(task.company ? { company: task.company } : {}),
    },
  };
}
