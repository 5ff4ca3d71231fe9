import type { EntityManager } from '@mikro-orm/knex';
import { WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint, type WebhookDeliveryEntity } from '../../db/entities/index.js';
import type { AttemptVerdict } from './outcome.js';

/** A pending delivery and when its next attempt is due; `attempt` numbers that attempt (1 = first). */
export interface DueDelivery {
  id: string;
  attempt: number;
  dueAt: Date;
}

export const toDue = (d: Pick<WebhookDeliveryEntity, 'id' | 'attempts' | 'nextAttemptAt'>): DueDelivery => ({
  id: d.id,
  attempt: d.attempts + 1,
  dueAt: d.nextAttemptAt,
});

/** Not leased, or the lease ran out (its holder died or hung): free to claim. */
const unleased = (now: Date) => ({ $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] });

/** Pending deliveries due by `until` that nobody is attempting, soonest first. */
export async function dueDeliveries(em: EntityManager, now: Date, until: Date, limit: number): Promise<DueDelivery[]> {
  const rows = await em.find(
    WebhookDelivery,
    { status: 'pending', nextAttemptAt: { $lte: until }, ...unleased(now) },
    { fields: ['id', 'attempts', 'nextAttemptAt'], orderBy: { nextAttemptAt: 'asc', id: 'asc' }, limit },
  );
  return rows.map(toDue);
}

/**
 * Claims the next attempt of a delivery for this process: one conditional UPDATE that moves
 * `leaseUntil` forward only if the delivery is pending, due, and not leased by anyone else. Of
 * several processes (or timers) racing for the same attempt, the database lets exactly one
 * update the row; the others see 0 rows and stand down. Returns the lease (the token that
 * records the outcome), or null.
 */
export async function claimDelivery(em: EntityManager, id: string, now: Date, leaseMs: number): Promise<Date | null> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed = await em.nativeUpdate(
    WebhookDelivery,
    { id, status: 'pending', nextAttemptAt: { $lte: now }, ...unleased(now) },
    { leaseUntil },
  );
  return claimed === 1 ? leaseUntil : null;
}

export interface AttemptRecord {
  deliveryId: string;
  endpointId: string;
  lease: Date;
  attemptedAt: Date;
  attempts: number;
  statusCode: number | null;
  durationMs: number;
  verdict: AttemptVerdict;
  /** Recorded as the endpoint's disabledReason when the verdict is `gone`. */
  goneReason?: string;
}

/**
 * Logs the attempt and applies its verdict, in one transaction. The delivery row changes only if
 * this process still holds the lease it claimed (a lease that ran out may have been taken over,
 * or a resend may have replaced it); the attempt is logged either way, since it happened. Returns
 * the next due attempt when the delivery stays pending.
 */
export async function recordAttempt(em: EntityManager, r: AttemptRecord): Promise<DueDelivery | null> {
  return em.transactional(async (tx) => {
    tx.create(WebhookDeliveryAttempt, {
      delivery: r.deliveryId,
      attemptedAt: r.attemptedAt,
      statusCode: r.statusCode,
      error: r.verdict.error,
      durationMs: r.durationMs,
    });
    let { status, nextAttemptAt } = r.verdict;
    if (status === 'pending') {
      // Disabled while this attempt was under way: nothing more is sent to it.
      const endpoint = await tx.findOne(WebhookEndpoint, r.endpointId, { fields: ['status'] });
      if (endpoint?.status !== 'enabled') [status, nextAttemptAt] = ['cancelled', null];
    }
    const updated = await tx.nativeUpdate(
      WebhookDelivery,
      { id: r.deliveryId, leaseUntil: r.lease },
      {
        status,
        attempts: r.attempts,
        leaseUntil: null,
        lastAttemptAt: r.attemptedAt,
        lastStatusCode: r.statusCode,
        lastError: r.verdict.error,
        ...(nextAttemptAt ? { nextAttemptAt } : {}),
        ...(status === 'succeeded' ? { deliveredAt: r.attemptedAt } : {}),
      },
    );
    if (r.verdict.gone) await disableEndpoint(tx, r.endpointId, r.goneReason ?? 'HTTP 410 Gone', r.attemptedAt);
    return updated === 1 && status === 'pending' && nextAttemptAt ? { id: r.deliveryId, attempt: r.attempts + 1, dueAt: nextAttemptAt } : null;
  });
}

/**
 * Disables an endpoint and cancels its pending deliveries that no attempt is holding (one in
 * flight is cancelled when its outcome is recorded, unless it succeeded). Run it in a transaction.
 */
export async function disableEndpoint(em: EntityManager, endpointId: string, reason: string, now: Date): Promise<void> {
  await em.nativeUpdate(WebhookEndpoint, { id: endpointId }, { status: 'disabled', disabledReason: reason.slice(0, 500), updatedAt: now });
  await em.nativeUpdate(WebhookDelivery, { endpoint: endpointId, status: 'pending', ...unleased(now) }, { status: 'cancelled', leaseUntil: null });
}

/** Gives a delivery a fresh round of attempts starting now, unless an attempt is under way. */
export async function requeueDelivery(em: EntityManager, id: string, now: Date): Promise<boolean> {
  const updated = await em.nativeUpdate(
    WebhookDelivery,
    { id, ...unleased(now) },
    { status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null, deliveredAt: null },
  );
  return updated === 1;
}
