import type { Resolvers } from '../../generated/graphql.js';
import { encodeListCursor } from './feed-cursor.js';

export const bankingResolvers: Resolvers = {
  User: {
    accounts: (user, _args, ctx) => ctx.banking.accounts(user.row),
    transactions: async (user, args, ctx) => {
      const page = await ctx.banking.transactions(user.row, args);
      return {
        edges: page.transactions.map((node) => ({ node, cursor: encodeListCursor(node.date, node.transactionId) })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
    },
  },
  Query: {
    transactionUpdates: async (_p, args, ctx) => {
      const feed = await ctx.banking.transactionUpdates(args.userId, args);
      return { ...feed, removed: feed.removed.map((transactionId) => ({ transactionId })) };
    },
  },
  Mutation: {
    createLinkToken: (_p, { userId }, ctx) => ctx.banking.createLinkToken(userId),
    sandboxPublicToken: async (_p, { institutionId }, ctx) => ({ publicToken: await ctx.banking.sandboxPublicToken(institutionId) }),
    linkAccounts: (_p, { input }, ctx) => ctx.banking.linkAccounts(input),
  },
  BankAccount: {
    currentBalance: (a) => a.currentBalanceCents,
    availableBalance: (a) => a.availableBalanceCents,
  },
  Transaction: {
    amount: (t) => t.amountCents,
    account: (t, _args, ctx) => ctx.loaders.account.load(`${t.itemRowId}|${t.accountId}`),
  },
};
