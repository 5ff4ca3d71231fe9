import { companyById, CONNECTORS, taskCompany } from '../catalog/companies.js';
import { derivedObjectId, objectIdTime } from '../ids.js';
import { TASK_STATUSES, type TaskRecord } from '../types.js';
import { REFERENCE_IDENTIFIER } from './paylink.js';
import { REFERENCE_STATEMENTS, REFERENCE_TAXES } from './userlink.js';

/** The Atomic user `_id` both task examples show. */
export const REFERENCE_USER_ID = '607e249736b9f053b536bdea';
/** The older PayLink reference's task belongs to a user identified as "GUID". */
export const GUID_IDENTIFIER = 'GUID';

const TEST_COMPANY = {
  _id: '607e249736b9f053b536bde0',
  branding: { logo: { url: 'https://cdn-public.atomicfi.com/b02670fa-ce1b-4171-855b-6856b37bb938.png' } },
  name: 'Test Company',
};
const TEST_CONNECTOR = {
  _id: '607e249736b9f053b536bde1',
  branding: { logo: { url: 'https://cdn-public.atomicfi.com/b02670fa-ce1b-4171-855b-6856b37bb938.png' } },
  name: 'Test Connector',
};
const referenceUser = { _id: REFERENCE_USER_ID, identifier: REFERENCE_IDENTIFIER };

/** Ids the emulator had to choose where the references reuse one id for two different tasks. */
export const REFERENCE_TASK_IDS = {
  /** 001's Get Task Details example (PayLink switch, "completed" with a failReason, as shown). */
  paylinkDetails: '65b15fd99b3f03aa9edff9de',
  /** 002's example uses the same id for a different (deposit) task; it gets the next id here. */
  depositDetails: '65b15fd99b3f03aa9edff9e0',
  /** The two tasks of the Get Tasks example (both shown with id ...d103; the second gets ...d104). */
  userTasksVerify: '65b3f3c8b871a9626c36d103',
  userTasksDeposit: '65b3f3c8b871a9626c36d104',
  /** Get Task Status examples, created 2023-01-03T16:40:48.009Z (the ObjectId time matches). */
  statusPayLink: '63b45b90c0d3ee0008a1b0a1',
  statusUserLink: '63b45b90c0d3ee0008a1b0b2',
  /** The task every UserLink payroll example points at. */
  payroll: '602414d84f9a1980cf5eafcc',
} as const;

/** Ids of the reference user's "one task in every status" set, by status. */
export const STATUS_TASK_IDS: Record<string, string> = Object.fromEntries(
  TASK_STATUSES.map((status, i) => [status, `65b3f3c8b871a9626c36d2${(16 + i).toString(16)}`]),
);

const fileIds = (entries: Array<Record<string, unknown>>, key: string, file: string): string[] =>
  entries.flatMap((e) => (e[key] as Array<Record<string, { _id: string }>>).map((item) => item[file]?._id).filter((id): id is string => !!id));

export function referenceTasks(): TaskRecord[] {
  const doterra = companyById('5d77f9e1070856f3828945c6');
  if (!doterra) throw new Error('atomic emulator: DoTerra missing from the catalog');
  const tasks: TaskRecord[] = [
    {
      _id: REFERENCE_TASK_IDS.paylinkDetails,
      authenticated: true,
      company: TEST_COMPANY,
      connector: TEST_CONNECTOR,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:05.000Z',
      failReason: 'unknown-failure',
      linkedAccount: '645963a0b754649972f3d4ac',
      metadata: { data: 'test' },
      product: 'switch',
      status: 'completed',
      taskWorkflow: { _id: '643f2ed34253e21bdbd2de31' },
      user: referenceUser,
    },
    {
      _id: REFERENCE_TASK_IDS.depositDetails,
      authenticated: true,
      company: TEST_COMPANY,
      connector: TEST_CONNECTOR,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:05.000Z',
      depositData: {
        accountType: 'checking',
        distributionAmount: 10,
        distributionType: 'fixed',
        lastFour: '0000',
        routingNumber: '22000000',
        title: 'Checking Account',
      },
      failReason: 'unknown-failure',
      linkedAccount: '645963a0b754649972f3d4ac',
      metadata: { data: 'test' },
      payrollDataAvailable: false,
      product: 'deposit',
      status: 'failed',
      taskWorkflow: { _id: '643f2ed34253e21bdbd2de31' },
      user: { _id: REFERENCE_USER_ID, identifier: GUID_IDENTIFIER },
    },
    userLinkTask(REFERENCE_TASK_IDS.userTasksVerify, 'verify', 'completed', '2024-01-26T18:02:55.795Z', { payrollDataAvailable: true }),
    userLinkTask(REFERENCE_TASK_IDS.userTasksDeposit, 'deposit', 'failed', '2024-01-26T18:02:55.795Z', {
      authenticated: true,
      failReason: 'bad-credentials',
    }),
    {
      _id: REFERENCE_TASK_IDS.statusPayLink,
      authenticated: true,
      company: TEST_COMPANY,
      connector: TEST_CONNECTOR,
      createdAt: '2023-01-03T16:40:48.009Z',
      updatedAt: '2023-01-03T16:41:30.112Z',
      failReason: 'payment-method-not-supported',
      product: 'switch',
      status: 'failed',
      taskWorkflow: { _id: '63b45b90c0d3ee0008a1b0a0' },
      user: referenceUser,
    },
    userLinkTask(REFERENCE_TASK_IDS.statusUserLink, 'verify', 'failed', '2023-01-03T16:40:48.009Z', { failReason: 'no-data-found' }),
    {
      _id: REFERENCE_TASK_IDS.payroll,
      authenticated: true,
      company: taskCompany(doterra),
      connector: taskCompany(CONNECTORS.adp),
      createdAt: objectIdTime(REFERENCE_TASK_IDS.payroll).toISOString(),
      updatedAt: new Date(objectIdTime(REFERENCE_TASK_IDS.payroll).getTime() + 84_000).toISOString(),
      linkedAccount: '5f7212103a40e91f95ba376d',
      payrollDataAvailable: true,
      product: 'verify',
      status: 'completed',
      taskWorkflow: { _id: '602414d84f9a1980cf5eafcb' },
      user: referenceUser,
      files: [...fileIds([REFERENCE_STATEMENTS], 'statements', 'paystub'), ...fileIds([REFERENCE_TAXES], 'taxes', 'form')],
    },
  ];
  // One task in every status the UserLink reference lists, so clients can exercise each.
  TASK_STATUSES.forEach((status, i) => {
    const id = STATUS_TASK_IDS[status] as string;
    const createdAt = new Date(Date.UTC(2024, 1, 1, 15, i, 7, 250)).toISOString();
    tasks.push(
      userLinkTask(id, i % 3 === 1 ? 'deposit' : 'verify', status, createdAt, {
        authenticated: !['invited', 'queued', 'captcha', 'mfa'].includes(status),
        payrollDataAvailable: status === 'completed',
        ...(status === 'failed' ? { failReason: 'bad-credentials' } : {}),
        ...(status === 'error' ? { failReason: 'unknown-failure' } : {}),
      }),
    );
  });
  return tasks;
}

function userLinkTask(
  _id: string,
  product: TaskRecord['product'],
  status: TaskRecord['status'],
  createdAt: string,
  extra: Partial<TaskRecord> = {},
): TaskRecord {
  return {
    _id,
    authenticated: true,
    company: TEST_COMPANY,
    connector: TEST_CONNECTOR,
    createdAt,
    updatedAt: new Date(new Date(createdAt).getTime() + 42_000).toISOString(),
    payrollDataAvailable: false,
    product,
    status,
    taskWorkflow: { _id: derivedObjectId('reference-workflow', _id) },
    user: referenceUser,
    ...extra,
  };
}
