import { companyById, taskCompany } from '../catalog/companies.js';
import { generatePayLink } from '../generator/paylink.js';
import { generatePayroll, PAYROLL_KEYS, type PayrollEntry, type PayrollKey } from '../generator/payroll.js';
import { generatePerson, type Person } from '../generator/people.js';
import { derivedObjectId } from '../ids.js';
import { accountActions, action, actionId } from '../paylink/action-ids.js';
import { REFERENCE_ACCOUNT, REFERENCE_IDENTIFIER } from '../reference/paylink.js';
import { GUID_IDENTIFIER, REFERENCE_USER_ID, referenceTasks } from '../reference/tasks.js';
import {
  REFERENCE_DEPOSIT_ACCOUNTS,
  REFERENCE_EMPLOYMENT,
  REFERENCE_IDENTITY,
  REFERENCE_INCOME,
  REFERENCE_LINKED_ACCOUNT,
  REFERENCE_STATEMENTS,
  REFERENCE_TAXES,
  REFERENCE_TIMESHEETS,
} from '../reference/userlink.js';
import type { ActionHistoryEntry, LinkedAccount, PayLinkAccount, TaskRecord } from '../types.js';

/**
 * Everything the emulator serves about one user before run-time changes (deleted accounts, task
 * status changes, ...) are applied. The reference user is the references' examples verbatim;
 * every other identifier gets a generated set, a pure function of the identifier and today's date.
 */
export interface UserDataset {
  identifier: string;
  userId: string;
  person?: Person;
  accounts: PayLinkAccount[];
  actionHistory: ActionHistoryEntry[];
  linkedAccounts: LinkedAccount[];
  payroll: Record<PayrollKey, PayrollEntry[]>;
  tasks: TaskRecord[];
}

export function buildDataset(identifier: string, now: Date): UserDataset {
  if (identifier === REFERENCE_IDENTIFIER) return referenceDataset();
  const person = generatePerson(identifier);
  const paylink = generatePayLink(identifier, person, now);
  const payroll = generatePayroll(identifier, person, now);
  const tasks = [...paylink.tasks, ...payroll.tasks];
  // The older reference's deposit task belongs to "GUID"; that user is otherwise generated.
  if (identifier === GUID_IDENTIFIER) tasks.push(...referenceTasks().filter((t) => t.user.identifier === GUID_IDENTIFIER));
  return {
    identifier,
    userId: identifier === GUID_IDENTIFIER ? REFERENCE_USER_ID : person.userId,
    person,
    accounts: paylink.accounts,
    actionHistory: paylink.actionHistory,
    linkedAccounts: payroll.linkedAccounts,
    payroll: payroll.entries,
    tasks,
  };
}

function referenceDataset(): UserDataset {
  const account = referenceAccount();
  const amazon = companyById(account.company._id);
  const refreshTask: TaskRecord = {
    _id: derivedObjectId(REFERENCE_IDENTIFIER, 'paylink-refresh-task', 'Amazon'),
    authenticated: true,
    company: taskCompany({ _id: account.company._id, name: account.company.name, logo: amazon?.logo }),
    connector: taskCompany({ _id: amazon?.connector._id ?? account.company._id, name: 'Amazon', logo: amazon?.logo }),
    createdAt: '2024-10-20T17:59:31.204Z',
    updatedAt: account.lastSynedAt as string,
    product: 'present',
    status: 'completed',
    taskWorkflow: { _id: derivedObjectId(REFERENCE_IDENTIFIER, 'paylink-refresh-workflow', 'Amazon') },
    user: { _id: REFERENCE_USER_ID, identifier: REFERENCE_IDENTIFIER },
  };
  const entries = {
    depositAccounts: [REFERENCE_DEPOSIT_ACCOUNTS],
    employment: [REFERENCE_EMPLOYMENT],
    identity: [REFERENCE_IDENTITY],
    income: [REFERENCE_INCOME],
    statements: [REFERENCE_STATEMENTS],
    timesheets: [REFERENCE_TIMESHEETS],
    taxes: [REFERENCE_TAXES],
  } satisfies Record<PayrollKey, PayrollEntry[]>;
  for (const key of PAYROLL_KEYS) entries[key] = entries[key].map((e) => structuredClone(e));
  return {
    identifier: REFERENCE_IDENTIFIER,
    userId: REFERENCE_USER_ID,
    accounts: [account],
    actionHistory: [
      {
        _id: derivedObjectId(REFERENCE_IDENTIFIER, 'paylink-action', 'Amazon', 'refresh'),
        type: 'refresh',
        status: 'completed',
        accountId: account._id,
        actionId: actionId(account._id, undefined, 'refresh'),
        automated: true,
        taskId: refreshTask._id,
        createdAt: refreshTask.createdAt,
        updatedAt: refreshTask.updatedAt,
      },
    ],
    linkedAccounts: [structuredClone(REFERENCE_LINKED_ACCOUNT) as LinkedAccount],
    payroll: entries,
    tasks: [...referenceTasks().filter((t) => t.user.identifier === REFERENCE_IDENTIFIER), refreshTask],
  };
}

/** The example account with real action ids (the example's are a placeholder) and both date field names. */
function referenceAccount(): PayLinkAccount {
  const example = structuredClone(REFERENCE_ACCOUNT);
  return {
    ...example,
    lastSyncedAt: example.lastSynedAt,
    actions: accountActions(example._id).filter((a) => example.actions.some((e) => e.type === a.type)),
    bills: example.bills.map((bill) => ({
      ...bill,
      actions: bill.actions.map((a) => action(example._id, bill._id, a.type, a.automated)),
    })),
  };
}
