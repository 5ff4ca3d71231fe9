import type { EntityManager } from '@mikro-orm/knex';
import { randomUUID } from 'node:crypto';
import type { AccountBase } from 'plaid';
import { BankAccount } from '../../db/entities/index.js';
import { dollarsToCents } from './money.js';

const cents = (v: number | null | undefined) => (v === null || v === undefined ? null : dollarsToCents(v));

/** Inserts or refreshes an item's accounts and balances in one statement. */
export async function upsertAccounts(
  em: EntityManager,
  itemRowId: string,
  endUserId: string,
  accounts: AccountBase[],
): Promise<void> {
  if (accounts.length === 0) return;
  const now = new Date();
  await em
    .createQueryBuilder(BankAccount)
    .insert(
      accounts.map((a) => ({
        id: randomUUID(),
        item: itemRowId,
        endUser: endUserId,
        plaidAccountId: a.account_id,
        name: a.name,
        officialName: a.official_name ?? null,
        mask: a.mask ?? null,
        type: String(a.type),
        subtype: a.subtype ? String(a.subtype) : null,
        currentBalanceCents: cents(a.balances.current),
        availableBalanceCents: cents(a.balances.available),
        isoCurrencyCode: a.balances.iso_currency_code ?? a.balances.unofficial_currency_code ?? null,
        updatedAt: now,
      })),
    )
    .onConflict(['item', 'plaidAccountId'])
    .merge(['name', 'officialName', 'mask', 'type', 'subtype', 'currentBalanceCents', 'availableBalanceCents', 'isoCurrencyCode', 'updatedAt'])
    .execute('run');
}
