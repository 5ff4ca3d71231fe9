import { companyById, taskCompany } from '../catalog/companies.js';
import type { EmulatorContext } from '../context.js';
import { validationError } from '../errors.js';
import { newObjectId } from '../ids.js';
import type { StoredWorkflow, TaskConfig } from '../state/types.js';
import type { DepositData, LinkedAccount, TaskRecord } from '../types.js';
import { objectsIn, oneOf, optionalNumber, optionalObject, optionalString, requiredString, type Body } from '../validation.js';
import { linkedAccountById } from './service.js';

const OPERATIONS = ['deposit', 'verify', 'earn', 'tax'] as const;
const FLOW = ['continue', 'finish'] as const;
const DISTRIBUTIONS = ['total', 'fixed', 'percent'] as const;

/** Validates `tasks` of POST /task-workflow/from-linked-account (`product` is the deprecated name of `operation`). */
export function parseTaskConfigs(body: Body): TaskConfig[] {
  const raw = body.tasks;
  if (!Array.isArray(raw) || raw.length === 0) throw validationError('tasks must be a non-empty array.');
  return objectsIn(raw, 'tasks').map((t, i) => {
    const label = `tasks[${i}]`;
    const operation = optionalString(t, 'operation', `${label}.operation`) ?? optionalString(t, 'product', `${label}.product`);
    if (!operation) throw validationError(`${label}.operation is required.`);
    const config: TaskConfig = {
      operation: oneOf(operation, OPERATIONS, `${label}.operation`),
      onComplete: oneOf(optionalString(t, 'onComplete', `${label}.onComplete`) ?? 'continue', FLOW, `${label}.onComplete`),
      onFail: oneOf(optionalString(t, 'onFail', `${label}.onFail`) ?? 'continue', FLOW, `${label}.onFail`),
    };
    const distribution = optionalObject(t, 'distribution', `${label}.distribution`);
    if (distribution) {
      const type = oneOf(requiredString(distribution, 'type', `${label}.distribution.type`), DISTRIBUTIONS, `${label}.distribution.type`);
      const amount = optionalNumber(distribution, 'amount', `${label}.distribution.amount`);
      if (type !== 'total' && (amount === undefined || amount <= 0)) {
        throw validationError(`${label}.distribution.amount is required and positive when distribution.type is ${type}.`);
      }
      if (type === 'percent' && (amount as number) > 100) throw validationError(`${label}.distribution.amount cannot exceed 100 percent.`);
      config.distribution = { type, ...(type === 'total' ? {} : { amount }) };
    }
    return config;
  });
}

/** Starts a workflow in the background: its first task is queued now, the rest follow as each finishes. */
export function startWorkflow(ctx: EmulatorContext, linkedAccountId: string, configs: TaskConfig[]) {
  const { identifier, account } = linkedAccountById(ctx, linkedAccountId);
  if (account.transactRequired) {
    throw validationError('This linked account requires the user to be present in Transact; monitoring has ended.');
  }
  const workflow: StoredWorkflow = {
    _id: newObjectId(ctx.now()),
    identifier,
    linkedAccount: linkedAccountId,
    tasks: configs,
    taskIds: [],
    finished: false,
  };
  ctx.store.workflows.set(workflow._id, workflow);
  const task = createTask(ctx, workflow, account, 0);
  const catalog = companyById(account.company._id);
  return {
    task: { _id: task._id },
    taskWorkflow: { _id: workflow._id },
    company: {
      _id: account.company._id,
      name: account.company.name,
      branding: {
        logo: { url: catalog?.logo.url ?? account.company.branding.logo?.url ?? '' },
        ...(catalog ? { color: catalog.color } : {}),
      },
    },
  };
}

/** On a workflow task's completion or failure, queue the next one unless its config says finish. */
export function continueWorkflow(ctx: EmulatorContext, finished: TaskRecord): void {
  const workflow = ctx.store.workflows.get(finished.taskWorkflow._id);
  if (!workflow || workflow.finished) return;
  const index = workflow.taskIds.indexOf(finished._id);
  const config = workflow.tasks[index];
  if (!config) return;
  const decision = finished.status === 'completed' ? config.onComplete : config.onFail;
  if (decision === 'finish' || index + 1 >= workflow.tasks.length) {
    workflow.finished = true;
    ctx.store.save();
    return;
  }
  const account = linkedAccountById(ctx, workflow.linkedAccount).account;
  createTask(ctx, workflow, account, index + 1);
}

function createTask(ctx: EmulatorContext, workflow: StoredWorkflow, account: LinkedAccount, index: number): TaskRecord {
  const config = workflow.tasks[index] as TaskConfig;
  const now = ctx.now();
  const data = ctx.users.dataset(workflow.identifier);
  const catalog = companyById(account.company._id);
  const files =
    config.operation === 'deposit'
      ? []
      : data.tasks.filter((t) => t.linkedAccount === account._id).flatMap((t) => t.files ?? []);
  const task: TaskRecord = {
    _id: newObjectId(now),
    authenticated: false,
    company: taskCompany(catalog ?? { _id: account.company._id, name: account.company.name, logo: account.company.branding.logo }),
    connector: taskCompany({ _id: account.connector._id, name: account.connector.name, logo: account.connector.branding.logo }),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...(config.operation === 'deposit' ? { depositData: depositData(ctx, workflow.identifier, config) } : {}),
    linkedAccount: account._id,
    payrollDataAvailable: false,
    product: config.operation,
    status: 'queued',
    taskWorkflow: { _id: workflow._id },
    user: { _id: data.userId, identifier: workflow.identifier },
    ...(files.length > 0 ? { files } : {}),
  };
  workflow.taskIds.push(task._id);
  return ctx.tasks.put(ctx.lifecycle.schedule(task));
}

/** The account a deposit switch writes: one the caller sent (access token / PUT /user), else the payroll one. */
function depositData(ctx: EmulatorContext, identifier: string, config: TaskConfig): DepositData {
  const sent = ctx.users.peek(identifier)?.data.accounts?.[0];
  const payroll = ctx.users.dataset(identifier).payroll.depositAccounts[0]?.depositAccounts as Array<Array<Record<string, unknown>>> | undefined;
  const source = sent ?? payroll?.[0]?.[0] ?? {};
  const accountNumber = String(source.accountNumber ?? '0000');
  const type = String(source.type ?? 'checking');
  return {
    accountType: type,
    ...(config.distribution?.amount !== undefined ? { distributionAmount: config.distribution.amount } : {}),
    distributionType: config.distribution?.type ?? 'total',
    lastFour: accountNumber.slice(-4),
    routingNumber: String(source.routingNumber ?? ''),
    title: String(source.title ?? (type === 'savings' ? 'Savings Account' : 'Checking Account')),
  };
}
