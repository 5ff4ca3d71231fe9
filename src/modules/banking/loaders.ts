import DataLoader from 'dataloader';
import type { AccountView } from './banking-views.js';
import type { BankingService } from './banking-service.js';

export interface BankingLoaders {
  /** Key: `${itemRowId}|${plaidAccountId}`. One query per item per request, however many transactions ask. */
  account: DataLoader<string, AccountView | null>;
}

export function createBankingLoaders(banking: BankingService): BankingLoaders {
  return {
    account: new DataLoader(async (keys) => {
      const byItem = new Map<string, string[]>();
      for (const key of keys) {
        const [itemRowId, accountId] = key.split('|') as [string, string];
        byItem.set(itemRowId, [...(byItem.get(itemRowId) ?? []), accountId]);
      }
      const found = new Map<string, AccountView>();
      await Promise.all(
        [...byItem].map(async ([itemRowId, ids]) => {
          for (const [id, view] of await banking.accountsById(itemRowId, ids)) found.set(`${itemRowId}|${id}`, view);
        }),
      );
      return keys.map((k) => found.get(k) ?? null);
    }),
  };
}
