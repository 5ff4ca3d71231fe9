import { TokenCipher } from '../../src/crypto/token-cipher.js';
import { PlaidItem } from '../../src/db/entities/index.js';
import type { TestGateway } from './gateway.js';

export const LINK = `mutation Link($input: LinkAccountsInput!) {
  linkAccounts(input: $input) {
    itemId
    institution { institutionId name }
    accounts { accountId name mask type subtype currentBalance availableBalance isoCurrencyCode institution { institutionId name } }
  }
}`;

/** Links a sandbox item for `userId` through GraphQL exactly as a partner would (no Plaid Link UI needed). */
export async function linkUser(gw: TestGateway, userId: string, key?: string, institutionId = 'ins_109508') {
  const pt = await gw.graphql(`mutation { sandboxPublicToken(institutionId: "${institutionId}") { publicToken } }`, { key });
  if (pt.body.errors) throw new Error(JSON.stringify(pt.body.errors));
  const res = await gw.graphql(LINK, {
    key,
    variables: { input: { publicToken: pt.body.data.sandboxPublicToken.publicToken, userId, institution: { institutionId, name: 'First Platypus Bank' } } },
  });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.linkAccounts as { itemId: string; accounts: { accountId: string; name: string }[] };
}

/** The access token of a linked item, opened with the gateway's own key (tests drive the emulator with it). */
export async function accessTokenOf(gw: TestGateway, plaidItemId: string): Promise<string> {
  const item = await gw.orm.em.fork().findOneOrFail(PlaidItem, { plaidItemId });
  const cipher = new TokenCipher(gw.config.tokenEncryptionKeys!);
  return cipher.open({ keyId: item.accessTokenKeyId, ciphertext: item.accessTokenCiphertext }, item.id);
}

export const TRANSACTIONS = `query Tx($id: ID!, $first: Int, $after: String, $since: Date) {
  user(id: $id) {
    transactions(first: $first, after: $after, since: $since) {
      edges { cursor node { transactionId name merchantName amount date pending personalFinanceCategoryPrimary isoCurrencyCode account { accountId name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** Every transaction the gateway shows for a user, paging with the connection's cursors. */
export async function allTransactions(gw: TestGateway, userId: string, key?: string) {
  const out: { transactionId: string; amount: number; pending: boolean; merchantName: string | null; name: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await gw.graphql(TRANSACTIONS, { key, variables: { id: userId, first: 500, after } });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    const conn = res.body.data.user.transactions;
    out.push(...conn.edges.map((e: { node: (typeof out)[number] }) => e.node));
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}
