import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { allTransactions, linkUser } from '../helpers/banking.js';
import { DIALECTS } from '../helpers/databases.js';
import type { TestGateway } from '../helpers/gateway.js';
import { startBankingFixture, type BankingFixture } from '../helpers/plaid.js';

/**
 * Partner A links user "shared_id"; partner B uses the same user id. Every entry point must give
 * B nothing of A's, and B's own link must stay B's.
 */
describe.each(DIALECTS)('tenant isolation of banking data (%s)', (dialect) => {
  let fixture: BankingFixture;
  let gw: TestGateway;
  let keyB: string;
  let itemA: string;

  beforeAll(async () => {
    fixture = await startBankingFixture(dialect);
    ({ gw } = fixture);
    itemA = (await linkUser(gw, 'shared_id')).itemId; // partner A = the demo partner
    await allTransactions(gw, 'shared_id');
    keyB = (await new PartnerService(gw.orm.em.fork()).createPartner('Partner B')).testKey;
  });
  afterAll(() => fixture.stop());

  const restAsB = async (path: string) => {
    const res = await fetch(`${gw.url}${path}`, { headers: { authorization: `Bearer ${keyB}` } });
    return res.json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('GraphQL User.accounts and User.transactions show B nothing of A’s user with the same id', async () => {
    const res = await gw.graphql('{ user(id: "shared_id") { accounts { accountId } transactions(first: 500) { edges { cursor } } } }', { key: keyB });
    expect(res.body.data.user).toEqual({ accounts: [], transactions: { edges: [] } });
  });

  it('GraphQL transactionUpdates shows B nothing', async () => {
    const res = await gw.graphql('{ transactionUpdates(userId: "shared_id") { added { transactionId } modified { transactionId } removed { transactionId } hasMore } }', { key: keyB });
    expect(res.body.data.transactionUpdates).toEqual({ added: [], modified: [], removed: [], hasMore: false });
  });

  it('REST GET /v1/accounts and /v1/transactions show B nothing', async () => {
    expect(await restAsB('/v1/accounts?user_id=shared_id')).toEqual({ accounts: [] });
    const tx = await restAsB('/v1/transactions?user_id=shared_id');
    expect(tx.transactions).toEqual([]);
  });

  it('A cursor from A’s feed gives B nothing either', async () => {
    const a = await gw.graphql('{ transactionUpdates(userId: "shared_id", limit: 5) { nextCursor added { transactionId } } }');
    expect(a.body.data.transactionUpdates.added).toHaveLength(5);
    const b = await gw.graphql(`{ transactionUpdates(userId: "shared_id", cursor: "${a.body.data.transactionUpdates.nextCursor}") { added { transactionId } } }`, { key: keyB });
    expect(b.body.data.transactionUpdates.added).toEqual([]);
  });

  it('B linking the same user id creates B’s own user and item; A’s data is unchanged', async () => {
    const before = (await allTransactions(gw, 'shared_id')).length;
    const linkedB = await linkUser(gw, 'shared_id', keyB);
    expect(linkedB.itemId).not.toBe(itemA);
    const bAccounts = await gw.graphql('{ user(id: "shared_id") { accounts { accountId } } }', { key: keyB });
    expect(bAccounts.body.data.user.accounts.length).toBe(linkedB.accounts.length);
    expect((await allTransactions(gw, 'shared_id')).length).toBe(before);
    const users = await gw.orm.em.getConnection().execute(`select partner_id from end_users where external_user_id = 'shared_id'`);
    expect(new Set(users.map((u) => u.partner_id as string)).size).toBe(2);
  });

  it('sandboxPublicToken is refused for live keys (FORBIDDEN)', async () => {
    const p = await new PartnerService(gw.orm.em.fork()).createPartner('Live Co');
    await new PartnerService(gw.orm.em.fork()).enableProduction(p.partner.id);
    const res = await gw.graphql('mutation { sandboxPublicToken { publicToken } }', { key: p.liveKey });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
