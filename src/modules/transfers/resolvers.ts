import type { RecipientAccountType, Resolvers, TransferRail, TransferStatus } from '../../generated/graphql.js';
import { assertUserId } from '../users/tenant-scope.js';

const upper = <T extends string>(v: string) => v.toUpperCase().replace(/-/g, '_') as T;

export const transferResolvers: Resolvers = {
  Query: {
    transfer: (_p, { id }, ctx) => ctx.transfers.transfers.get(id),
    recipients: (_p, { userId }, ctx) => ctx.transfers.recipients.list(assertUserId(userId)),
  },
  Mutation: {
    createTransfer: async (_p, { input, idempotencyKey }, ctx) => {
      const outcome = await ctx.transfers.transfers.create(
        {
          fromAccountId: input.fromAccountId,
          toAccountId: input.toAccountId,
          recipientId: input.recipientId,
          amountCents: input.amount,
          currency: input.currency,
          memo: input.memo,
        },
        idempotencyKey,
      );
      return 'transfer' in outcome ? outcome.transfer : outcome.declined;
    },
    createRecipient: (_p, { input }, ctx) =>
      ctx.transfers.recipients.create({
        userId: assertUserId(input.userId),
        name: input.name,
        routingNumber: input.routingNumber,
        accountNumber: input.accountNumber,
        accountType: input.accountType === 'SAVINGS' ? 'savings' : 'checking',
      }),
  },
  CreateTransferResult: {
    __resolveType: (result) => ('id' in result ? 'Transfer' : 'TransferDeclined'),
  },
  Transfer: {
    status: (t) => upper<TransferStatus>(t.status),
    rail: (t) => upper<TransferRail>(t.rail),
    amount: (t) => t.amountCents,
  },
  Recipient: {
    accountType: (r) => upper<RecipientAccountType>(r.accountType),
  },
};
