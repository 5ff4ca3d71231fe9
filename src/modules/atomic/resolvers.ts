import type { Resolvers } from '../../generated/graphql.js';
import { atomicEnums } from './type-resolvers.js';

/**
 * Root and user-level Atomic fields: thin calls into the request's Atomic services. Object-type
 * fields (ids, money, masking, enums) are in type-resolvers.ts.
 */
export const atomicRootResolvers: Resolvers = {
  Query: {
    companies: (_p, args, ctx) => ctx.atomic.access.companies(args),
    task: (_p, { id }, ctx) => ctx.atomic.access.task(id),
    taskStatus: (_p, { id }, ctx) => ctx.atomic.access.taskStatus(id),
    paylinkAccount: (_p, { userId, id }, ctx) => ctx.atomic.paylink.account(userId, id),
    actionHistory: (_p, { userId, accountId }, ctx) => ctx.atomic.paylink.actionHistory(userId, accountId),
  },
  Mutation: {
    createAtomicAccessToken: (_p, { input }, ctx) => ctx.atomic.access.createAccessToken(input),
    revokeAtomicAccessToken: (_p, { publicToken }, ctx) => ctx.atomic.access.revokeAccessToken(publicToken),
    updateAtomicUser: (_p, { input }, ctx) => ctx.atomic.access.updateUser(input),
    endMonitoring: (_p, { userId }, ctx) => ctx.atomic.access.endMonitoring(userId),
    prescreen: (_p, { input }, ctx) => ctx.atomic.access.prescreen(input),
    startTaskWorkflow: (_p, { userId, linkedAccountId, tasks }, ctx) => ctx.atomic.access.startTaskWorkflow(userId, linkedAccountId, tasks),
    deletePayLinkAccount: (_p, { userId, accountId }, ctx) => ctx.atomic.paylink.deleteAccount(userId, accountId),
    deletePayLinkAccounts: (_p, { userId }, ctx) => ctx.atomic.paylink.deleteAccounts(userId),
    detectBills: (_p, { userId }, ctx) => ctx.atomic.paylink.detectBills(userId),
    reviewSuggestion: (_p, { input }, ctx) => ctx.atomic.paylink.reviewSuggestion(input.userId, input.suggestionId, 'not-interested'),
  },
  User: {
    tasks: (user, { status, payrollDataAvailable }, ctx) => ctx.atomic.access.tasks(user.externalId, status, payrollDataAvailable),
    paylinkAccounts: (user, _args, ctx) => ctx.atomic.paylink.accounts(user.externalId),
    bills: (user, { orderBy }, ctx) => ctx.atomic.paylink.bills(user.externalId, orderBy ?? 'DUE_DATE_ASC'),
    payroll: (user) => user,
  },
  Payroll: {
    employment: (user, { linkedAccount }, ctx) => ctx.atomic.payroll.employment(user.externalId, linkedAccount),
    income: (user, { linkedAccount }, ctx) => ctx.atomic.payroll.income(user.externalId, linkedAccount),
    identity: (user, { linkedAccount }, ctx) => ctx.atomic.payroll.identity(user.externalId, linkedAccount),
    statements: (user, { linkedAccount }, ctx) => ctx.atomic.payroll.statements(user.externalId, linkedAccount),
    timesheets: (user, { linkedAccount }, ctx) => ctx.atomic.payroll.timesheets(user.externalId, linkedAccount),
    taxes: (user, { linkedAccount }, ctx) => ctx.atomic.payroll.taxes(user.externalId, linkedAccount),
    depositAccounts: (user, { linkedAccount }, ctx) => ctx.atomic.payroll.depositAccounts(user.externalId, linkedAccount),
    linkedAccounts: (user, _args, ctx) => ctx.atomic.payroll.linkedAccounts(user.externalId),
  },
  TaskStatusReport: {
    status: (s) => atomicEnums.taskStatus.toGraphQL(s.status) ?? 'ERROR',
  },
  Task: {
    fileUrl: (task, { fileId }, ctx) => ctx.atomic.access.fileUrl(task._id, fileId),
  },
  Transaction: {
    // Batched and de-duplicated per request, cached per merchant across requests (company-loaders.ts).
    company: (t, _args, ctx) => ctx.atomicLoaders.companyForDescription.load(t.merchantName ?? t.name),
  },
};
