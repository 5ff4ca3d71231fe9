import { payrollRef, taskCompany } from '../catalog/companies.js';
import { derivedObjectId } from '../ids.js';
import type { LinkedAccount, TaskRecord } from '../types.js';
import { generateJobs, type Job } from './jobs.js';
import { income, paidPeriods, paystubId, statements, timesheets } from './paychecks.js';
import type { Person } from './people.js';
import { addDays, at, createRng, digits, utcDay } from './rng.js';
import { taxForms, taxFormId } from './tax-forms.js';

/** The payroll data endpoints, by the key each one's entries carry their payload under. */
export const PAYROLL_KEYS = ['depositAccounts', 'employment', 'identity', 'income', 'statements', 'timesheets', 'taxes'] as const;
export type PayrollKey = (typeof PAYROLL_KEYS)[number];

/** One element of a payroll response's `data`: `{<key>: ..., company, connector, linkedAccount, task}`. */
export type PayrollEntry = Record<string, unknown> & { linkedAccount: string; task: string };

export interface GeneratedPayroll {
  linkedAccounts: LinkedAccount[];
  entries: Record<PayrollKey, PayrollEntry[]>;
  tasks: TaskRecord[];
}

const BANKS = [
  { bankName: 'Chase', routingNumber: '021000021' },
  { bankName: 'Wells Fargo', routingNumber: '121000248' },
  { bankName: 'Bank of America', routingNumber: '026009593' },
  { bankName: 'Ally Bank', routingNumber: '124003116' },
  { bankName: 'First Platypus Bank', routingNumber: '011401533' },
] as const;

export function generatePayroll(identifier: string, person: Person, now: Date): GeneratedPayroll {
  const today = utcDay(now);
  const jobs = generateJobs(identifier);
  const deposit = depositAccounts(identifier);
  const out: GeneratedPayroll = {
    linkedAccounts: [],
    entries: { depositAccounts: [], employment: [], identity: [], income: [], statements: [], timesheets: [], taxes: [] },
    tasks: [],
  };
  for (const job of jobs) {
    const rng = createRng(`atomic-linked:${identifier}:${job.key}`);
    // Continuous access refreshes overnight: the last success is early this morning (or yesterday's).
    let refreshed = new Date(today.getTime() + rng.int(120, 300) * 60_000 + rng.int(0, 59_999));
    if (refreshed > now) refreshed = addDays(refreshed, -1);
    const company = payrollRef(job.company);
    const connector = payrollRef(job.company.connector);
    const ref = { company, connector, linkedAccount: job.linkedAccountId, task: job.verifyTaskId };
    out.linkedAccounts.push({
      _id: job.linkedAccountId,
      valid: true,
      connector,
      company,
      lastSuccess: refreshed.toISOString(),
      transactRequired: false,
    });
    const stubs = statements(identifier, job, person.state, today);
    const forms = taxForms(identifier, job, person, today);
    out.tasks.push(verifyTask(identifier, person, job, refreshed, [
      ...stubs.map((s) => (s.paystub as { _id: string })._id),
      ...forms.map((f) => (f.form as { _id: string })._id),
    ]));
    if (job.depositTaskId) out.tasks.push(depositTask(identifier, person, job, deposit[0] as DepositAccount));

    out.entries.employment.push({ employment: employment(job, today), ...ref });
    out.entries.income.push({ income: income(identifier, job, person.state, now), ...ref });
    out.entries.statements.push({ statements: stubs, ...ref });
    out.entries.taxes.push({ taxes: forms, ...ref });
    out.entries.identity.push({ identity: identity(person), ...ref });
    if (job.kind === 'hourly') out.entries.timesheets.push({ timesheets: timesheets(identifier, job, now), ...ref });
    // The reference nests the deposit accounts one array deeper (`[[{...}]]`); served as shown.
    out.entries.depositAccounts.push({ depositAccounts: [job.key === 'main' ? deposit : deposit.slice(0, 1)], ...ref });
  }
  return out;
}

interface DepositAccount {
  routingNumber: string;
  accountNumber: string;
  type: 'checking' | 'savings';
  bankName: string;
  distributionType: 'total' | 'percent';
  distributionAmount?: number;
}

/** Where the paychecks go: all to checking, or split 80/20 with savings. Full account numbers. */
function depositAccounts(identifier: string): DepositAccount[] {
  const rng = createRng(`atomic-deposit:${identifier}`);
  const bank = rng.pick(BANKS);
  const checking = `${rng.int(1, 9)}${digits(rng, rng.int(9, 11))}`;
  if (!rng.chance(0.3)) {
    return [{ routingNumber: bank.routingNumber, accountNumber: checking, type: 'checking', bankName: bank.bankName, distributionType: 'total' }];
  }
  const savings = `${rng.int(1, 9)}${digits(rng, 9)}`;
  return [
    { routingNumber: bank.routingNumber, accountNumber: checking, type: 'checking', bankName: bank.bankName, distributionType: 'percent', distributionAmount: 80 },
    { routingNumber: bank.routingNumber, accountNumber: savings, type: 'savings', bankName: bank.bankName, distributionType: 'percent', distributionAmount: 20 },
  ];
}

function employment(job: Job, today: Date): Record<string, unknown> {
  const start = job.startDate;
  const months =
    (today.getUTCFullYear() - start.getUTCFullYear()) * 12 +
    (today.getUTCMonth() - start.getUTCMonth()) -
    (today.getUTCDate() < start.getUTCDate() ? 1 : 0);
  return {
    employeeType: job.employeeType,
    employmentStatus: 'active',
    jobTitle: job.jobTitle,
    startDate: new Date(start.getTime() + 12 * 3_600_000).toISOString(),
    minimumMonthsOfEmployment: Math.max(0, months),
    weeklyHours: job.weeklyHours,
    employer: { name: job.company.name, address: { ...job.employerAddress } },
  };
}

/** The reference's identity fields, in its order. */
function identity(person: Person): Record<string, unknown> {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    dateOfBirth: person.dateOfBirth,
    email: person.email,
    phone: person.phone,
    ssn: person.ssn,
    address: person.address,
    city: person.city,
    state: person.state,
    postalCode: person.postalCode,
  };
}

function verifyTask(identifier: string, person: Person, job: Job, finished: Date, files: string[]): TaskRecord {
  return {
    _id: job.verifyTaskId,
    authenticated: true,
    company: taskCompany(job.company),
    connector: taskCompany(job.company.connector),
    createdAt: new Date(finished.getTime() - 95_000).toISOString(),
    updatedAt: finished.toISOString(),
    linkedAccount: job.linkedAccountId,
    payrollDataAvailable: true,
    product: 'verify',
    status: 'completed',
    taskWorkflow: { _id: derivedObjectId(identifier, 'verify-workflow', job.key) },
    user: { _id: person.userId, identifier },
    files,
  };
}

/** The direct deposit switch done when the user first linked their payroll (dated their first pay period after 2023). */
function depositTask(identifier: string, person: Person, job: Job, account: DepositAccount): TaskRecord {
  const since = job.startDate > new Date(Date.UTC(2023, 0, 1)) ? job.startDate : new Date(Date.UTC(2023, 0, 1));
  const day = paidPeriods(job, since, addDays(since, 40))[0]?.payDate ?? since;
  const rng = createRng(`atomic-deposit-task:${identifier}`);
  const createdAt = at(day, rng.int(9 * 60, 20 * 60), rng.int(0, 999));
  return {
    _id: job.depositTaskId as string,
    authenticated: true,
    company: taskCompany(job.company),
    connector: taskCompany(job.company.connector),
    createdAt,
    updatedAt: new Date(new Date(createdAt).getTime() + 71_000).toISOString(),
    depositData: {
      accountType: account.type,
      ...(account.distributionAmount !== undefined ? { distributionAmount: account.distributionAmount } : {}),
      distributionType: account.distributionType,
      lastFour: account.accountNumber.slice(-4),
      routingNumber: account.routingNumber,
      title: account.type === 'checking' ? 'Checking Account' : 'Savings Account',
    },
    linkedAccount: job.linkedAccountId,
    payrollDataAvailable: false,
    product: 'deposit',
    status: 'completed',
    taskWorkflow: { _id: derivedObjectId(identifier, 'deposit-workflow', job.key) },
    user: { _id: person.userId, identifier },
  };
}

export { paystubId, taxFormId };
