import type { EmulatorContext } from '../context.js';
import { notFound } from '../errors.js';
import type { ActionHistoryEntry, PayLinkAccount } from '../types.js';

/**
 * A user's PayLink accounts as served now: the dataset's accounts plus those Detect Accounts added,
 * minus deleted ones, with detected recurring expenses attached.
 */
export function accountsOf(ctx: EmulatorContext, identifier: string): PayLinkAccount[] {
  const user = ctx.users.peek(identifier);
  const deleted = new Set(user?.deletedAccountIds ?? []);
  const all = [...ctx.users.dataset(identifier).accounts, ...(user?.detectedAccounts ?? [])];
  return all
    .filter((a) => !deleted.has(a._id))
    .map((a) => {
      const copy = structuredClone(a);
      const recurring = user?.recurring[a._id];
      if (recurring) copy.recurringFinancialTransaction = structuredClone(recurring);
      return copy;
    });
}

/** The account with this id (optionally only if `identifier` owns it), or 404. */
export function accountById(ctx: EmulatorContext, id: string, identifier?: string): { identifier: string; account: PayLinkAccount } {
  const owner = ctx.users.ownerOf(id);
  const account = owner === undefined || (identifier !== undefined && owner !== identifier) ? undefined : accountsOf(ctx, owner).find((a) => a._id === id);
  if (owner === undefined || !account) throw notFound('Account');
  return { identifier: owner, account };
}

export function deleteAccount(ctx: EmulatorContext, id: string): void {
  const { identifier } = accountById(ctx, id);
  const user = ctx.users.ensure(identifier);
  user.deletedAccountIds.push(id);
  ctx.store.save();
}

/** Deletes every account of the user; returns how many there were. */
export function deleteAllAccounts(ctx: EmulatorContext, identifier: string): number {
  const accounts = accountsOf(ctx, identifier);
  const user = ctx.users.ensure(identifier);
  user.deletedAccountIds.push(...accounts.map((a) => a._id));
  ctx.store.save();
  return accounts.length;
}

/** Automated actions performed on an account (its refreshes, and tasks started on its bills). */
export function actionHistory(ctx: EmulatorContext, accountId: string, identifier?: string): ActionHistoryEntry[] {
  const owner = accountById(ctx, accountId, identifier).identifier;
  return ctx.users
    .dataset(owner)
    .actionHistory.filter((entry) => entry.accountId === accountId)
    .map((entry) => {
      // A task that changed at run time (e.g. advanced via the control API) reports its current status.
      const task = ctx.tasks.find(entry.taskId);
      const status = task?.status === 'failed' ? 'failed' : task?.status === 'completed' ? 'completed' : task ? 'processing' : entry.status;
      return {
        ...entry,
        status,
        ...(status === 'failed' && task?.failReason ? { failReason: task.failReason } : {}),
        updatedAt: task?.updatedAt ?? entry.updatedAt,
      };
    });
}
