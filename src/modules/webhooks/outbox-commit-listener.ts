import type { EntityManager } from '@mikro-orm/knex';
import type { EventArgs, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { OutboxEvent, type OutboxEventEntity } from '../../db/entities/index.js';

/**
 * Calls `onCommit` right after a transaction that wrote outbox events commits, in this process,
 * so deliveries start at once instead of at the next poll. Modules keep calling emitEvent()
 * inside their own transactions and need not know about webhooks. Only a shortcut: an event
 * written any other way (raw SQL, a nested transaction, another process) is found by the poll.
 */
export function onOutboxCommit(em: EntityManager, onCommit: () => void): void {
  // The transactions (knex's objects) that created outbox events and have not committed yet.
  const pending = new WeakSet<object>();
  const subscriber: EventSubscriber<OutboxEventEntity> = {
    getSubscribedEntities: () => [OutboxEvent],
    afterCreate(args: EventArgs<OutboxEventEntity>) {
      const trx = args.em.getTransactionContext<object>();
      if (trx) pending.add(trx);
      else onCommit();
    },
    afterTransactionCommit(args: TransactionEventArgs) {
      const trx = args.transaction as object | undefined;
      if (trx && pending.has(trx)) {
        pending.delete(trx);
        onCommit();
      }
    },
  };
  em.getEventManager().registerSubscriber(subscriber);
}
