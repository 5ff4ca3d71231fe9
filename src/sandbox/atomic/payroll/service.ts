import type { EmulatorContext } from '../context.js';
import { notFound } from '../errors.js';
import { presignedUrl } from '../files/presign.js';
import type { PayrollEntry, PayrollKey } from '../generator/payroll.js';
import type { LinkedAccount } from '../types.js';

/** A user's linked accounts as served now: run-time successes/failures applied, monitoring respected. */
export function linkedAccounts(ctx: EmulatorContext, identifier: string): LinkedAccount[] {
  const user = ctx.users.peek(identifier);
  return ctx.users.dataset(identifier).linkedAccounts.map((account) => {
    const update = ctx.store.linkedAccountUpdates.get(account._id) ?? {};
    return {
      ...structuredClone(account),
      ...update,
      // Once monitoring has ended, the account can only be used with the user present in Transact.
      ...(user?.monitoringEndedAt ? { transactRequired: true } : {}),
    };
  });
}

/** The linked account with this id, whoever it belongs to, or 404. */
export function linkedAccountById(ctx: EmulatorContext, id: string): { identifier: string; account: LinkedAccount } {
  const identifier = ctx.users.ownerOf(id);
  const account = identifier === undefined ? undefined : linkedAccounts(ctx, identifier).find((a) => a._id === id);
  if (identifier === undefined || !account) throw notFound('Linked account');
  return { identifier, account };
}

/**
 * The `data` array of a payroll endpoint: one entry per linked account, optionally narrowed to one
 * (`?linkedAccount`, 404 when the user has no such linked account). File urls become download URLs.
 */
export function payrollData(
  ctx: EmulatorContext,
  identifier: string,
  key: PayrollKey,
  linkedAccount: string | undefined,
  baseUrl: string,
): PayrollEntry[] {
  const data = ctx.users.dataset(identifier);
  if (linkedAccount !== undefined && !data.linkedAccounts.some((a) => a._id === linkedAccount)) throw notFound('Linked account');
  const now = ctx.now();
  return data.payroll[key]
    .filter((entry) => linkedAccount === undefined || entry.linkedAccount === linkedAccount)
    .map((entry) => {
      const copy = structuredClone(entry);
      const sign = (file: unknown) => {
        const f = file as { _id?: string; url?: string } | undefined;
        if (f?._id) f.url = presignedUrl(baseUrl, ctx.apiSecret, copy.task, f._id, now);
      };
      if (key === 'statements') for (const s of copy.statements as Array<{ paystub?: unknown }>) sign(s.paystub);
      if (key === 'taxes') for (const t of copy.taxes as Array<{ form?: unknown }>) sign(t.form);
      return copy;
    });
}

/** A finished task on a linked account updates its last success or failure time. */
export function recordLinkedAccountResult(ctx: EmulatorContext, task: { linkedAccount?: string; status: string; updatedAt: string }): void {
  if (!task.linkedAccount || ctx.users.ownerOf(task.linkedAccount) === undefined) return;
  const update = { ...ctx.store.linkedAccountUpdates.get(task.linkedAccount) };
  if (task.status === 'completed') update.lastSuccess = task.updatedAt;
  else update.lastFailure = task.updatedAt;
  ctx.store.linkedAccountUpdates.set(task.linkedAccount, update);
  ctx.store.save();
}
