import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startProvidersFixture, type ProvidersFixture } from '../helpers/atomic.js';
import { allTransactions, linkUser } from '../helpers/banking.js';
import { DIALECTS } from '../helpers/databases.js';

const USER = 'usr_reads';
const FULL_USER = `{ user(id: "${USER}") {
  accounts { accountId currentBalance }
  transactions(first: 50) { edges { node { transactionId account { accountId } } } }
  bills { id } tasks { id } safeToSpend { dailyAllowance } cashflow { confidence }
} }`;

/**
 * What one full `user` query reads from the database. Every field names its user again, and
 * MikroORM's identity map answers only primary-key lookups, so without per-request memos the user,
 * their Atomic identifier, their items and their accounts were read once per field (25 statements).
 */
describe.each(DIALECTS)('database reads of one request (%s)', (dialect) => {
  let f: ProvidersFixture;

  beforeAll(async () => {
    f = await startProvidersFixture(dialect);
    await linkUser(f.gw, USER);
    await allTransactions(f.gw, USER);
    await f.gw.graphql(`mutation { createAtomicAccessToken(input: { userId: "${USER}" }) { publicToken } }`);
  });
  afterAll(() => f.stop());

  /** The request's SELECTs by table (the gateway's background pollers read other tables). */
  const selectsDuring = async (query: string) => {
    const tables: string[] = [];
    const knex = f.gw.orm.em.getConnection().getKnex();
    const record = (q: { sql: string }) => {
      const table = /^select .*? from [`"](\w+)[`"]/i.exec(q.sql)?.[1];
      if (table) tables.push(table);
    };
    knex.on('query', record);
    try {
      const res = await f.gw.graphql(query);
      expect(res.body.errors).toBeUndefined();
    } finally {
      knex.off('query', record);
    }
    const count = (table: string) => tables.filter((t) => t === table).length;
    return { count, total: tables.filter((t) => !['outbox_events', 'webhook_deliveries'].includes(t)).length };
  };

  it('reads the user, their Atomic identifier, items and accounts once, however many fields ask', async () => {
    const reads = await selectsDuring(FULL_USER);
    expect(reads.count('end_users')).toBe(1);
    expect(reads.count('atomic_users')).toBe(1);
    // One staleness check (active items) and one accounts read (items not removed); the Transaction.account loader reads its item.
    expect(reads.count('plaid_items')).toBe(3);
    // The user's accounts once; the loader's accounts by id once.
    expect(reads.count('bank_accounts')).toBe(2);
    // The page of transactions and the insights' history.
    expect(reads.count('bank_transactions')).toBe(2);
    expect(reads.total).toBe(10); // with the API key's lookup
  });

  it('reads again in the next request (nothing is kept across requests)', async () => {
    const first = await selectsDuring(FULL_USER);
    const second = await selectsDuring(FULL_USER);
    expect(second.count('end_users')).toBe(first.count('end_users'));
    expect(second.total).toBe(first.total);
  });
});
