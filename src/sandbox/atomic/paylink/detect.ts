import { paylinkCompany, type CatalogCompany } from '../catalog/companies.js';
import { findCompanyFor } from '../catalog/matcher.js';
import type { EmulatorContext } from '../context.js';
import { newObjectId } from '../ids.js';
import type { FinancialTransactionIn, PayLinkAccount, RecurringFinancialTransaction } from '../types.js';
import type { Body } from '../validation.js';
import { accountsOf } from './accounts.js';
import { DETECT_BATCH_LIMIT, parseDetectTransaction, transactionArray } from './transactions.js';

/**
 * Detect Accounts: groups the user's transactions by recognised company and treats a company
 * charged on at least two different days as a recurring expense. An account the user already has
 * for that company gets the recurring expense attached; otherwise a new account is created in the
 * `initial` connection status (selected, never connected). Returns those accounts.
 */
export function detectAccounts(ctx: EmulatorContext, identifier: string, body: Body): PayLinkAccount[] {
  const transactions = transactionArray(body, DETECT_BATCH_LIMIT).map(parseDetectTransaction);
  const groups = new Map<CatalogCompany, FinancialTransactionIn[]>();
  for (const t of transactions) {
    const company = findCompanyFor(t.description, t.merchantName);
    if (!company) continue;
    groups.set(company, [...(groups.get(company) ?? []), t]);
  }
  const user = ctx.users.ensure(identifier);
  const detectedIds: string[] = [];
  for (const [company, group] of groups) {
    const days = new Set(group.map((t) => new Date(t.date).toISOString().slice(0, 10)));
    if (days.size < 2) continue;
    const recurring: RecurringFinancialTransaction = {
      name: company.name,
      // Money in (Atomic's `incoming`) only when every transaction says so; bills are outgoing.
      type: group.every((t) => t.type === 'credit' || t.type === 'incoming') ? 'incoming' : 'outgoing',
      financialTransactions: [...group].sort((a, b) => a.date.localeCompare(b.date)),
      category: company.category ?? 'subscription',
    };
    const existing = accountsOf(ctx, identifier).find((a) => a.company._id === company._id);
    if (existing) {
      user.recurring[existing._id] = recurring;
      detectedIds.push(existing._id);
      continue;
    }
    const account: PayLinkAccount = {
      _id: newObjectId(ctx.now()),
      processing: false,
      connectionStatus: 'initial',
      data: { category: company.category ?? 'subscription' },
      company: paylinkCompany(company),
      actions: [],
      bills: [],
    };
    user.detectedAccounts.push(account);
    user.recurring[account._id] = recurring;
    ctx.users.claim(account._id, identifier);
    detectedIds.push(account._id);
  }
  ctx.store.save();
  const current = accountsOf(ctx, identifier);
  return detectedIds.map((id) => current.find((a) => a._id === id)).filter((a): a is PayLinkAccount => a !== undefined);
}
