/**
 * The Atomic SDL (schema/atomic.graphql, paylink.graphql, payroll.graphql) against Atomic's wire
 * types and the type-level resolvers: the merged schema builds, every object type has a mapper to
 * a wire type, every enum agrees with its Atomic spelling, and the references' own example payloads
 * (typed below with the wire types, so tsc checks the types accept them) come out of GraphQL in the
 * expected shape: ids renamed, dollars as Money, enums converted, SSNs and account numbers masked.
 */
import { describe, expect, it, jest } from '@jest/globals';
import DataLoader from 'dataloader';
import {
  buildASTSchema,
  getNamedType,
  graphql,
  GraphQLObjectType,
  GraphQLScalarType,
  isLeafType,
  isObjectType,
  Kind,
  parse,
  type GraphQLEnumType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { GraphQLContext } from '../../src/graphql/context.js';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../src/graphql/scalars.js';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import {
  atomicEnums,
  atomicTypeResolvers,
  billsOf,
  payrollItems,
  type AtomicLoaders,
  type BillModel,
} from '../../src/modules/atomic/type-resolvers.js';
import type {
  AtomicAccessTokenRequest,
  AtomicAccessTokenResponse,
  AtomicCompany,
  AtomicCompanySearchResponse,
  AtomicDepositAccountsResponse,
  AtomicEmploymentResponse,
  AtomicEndMonitoringResponse,
  AtomicFileUrlResponse,
  AtomicFindCompanyResponse,
  AtomicIdentityResponse,
  AtomicIncomeResponse,
  AtomicLinkedAccountsResponse,
  AtomicPayLinkAccount,
  AtomicPayLinkAccountResponse,
  AtomicPayLinkAccountsResponse,
  AtomicPrescreenRequest,
  AtomicPrescreenResponse,
  AtomicStatementsResponse,
  AtomicTaskDetailsResponse,
  AtomicTaskStatusResponse,
  AtomicTaskWorkflowRequest,
  AtomicTaskWorkflowResponse,
  AtomicTaxesResponse,
  AtomicTimesheetsResponse,
  AtomicUpdateUserRequest,
  AtomicUserTasksResponse,
} from '../../src/upstreams/atomic/atomic-wire.js';

const ROOT = new URL('../../', import.meta.url);
const OWN_SDL = ['schema/atomic.graphql', 'schema/paylink.graphql', 'schema/payroll.graphql'];

// ───────────────────────────── the references' example payloads (verbatim) ─────────────────────────────

const amazonBranding = {
  logo: { url: 'https://cdn-public.atomicfi.com/8d97b6ca-595b-447c-8b86-8d690501c794_amazon.png', backgroundColor: '#FF9900' },
  color: '#FF9900',
};

/** [001] "Get Account" example response. */
const GET_ACCOUNT: AtomicPayLinkAccountResponse = {
  account: {
    _id: '67376c5befe988922e8aabc4',
    processing: false,
    connectionStatus: 'connected',
    lastSynedAt: '2024-10-20T18:00:54.761Z',
    data: {
      category: 'subscription',
      identities: [{ firstName: 'test', email: 'test@email.com', phone: '5558675309' }],
      paymentMethods: [{ type: 'card', lastFour: '2345', brand: 'Mastercard', isPrimary: true }],
    },
    company: { _id: '65272c415d8a530008e972df', name: 'Amazon', branding: amazonBranding },
    actions: [
      { type: 'view-account', id: 'BASE64_ENCODED_ID', automated: false },
      { type: 'refresh', id: 'BASE64_ENCODED_ID', automated: true },
    ],
    bills: [
      {
        _id: '67376c5befe988922e8adef5',
        sourceId: '70236f02-dc3e-3419-bbf7-06d3da9d6685',
        name: 'Hulu',
        amount: 20.7,
        autopayStatus: 'enabled',
        billingCycle: 'monthly',
        dueDate: '2024-11-20T23:59:59.000Z',
        paymentHistory: [
          { date: '2024-10-20T18:00:54.761Z', amount: 20.7 },
          { date: '2024-09-20T09:48:31.093Z', amount: 19.38 },
        ],
        items: [
          { description: 'Standard plan', amount: 17.99 },
          { description: 'Taxes and fees', amount: 2.71 },
        ],
        profiles: [{ name: 'Test Profile', lastUsed: '2024-10-31T17:34:55.376Z' }],
        plans: [
          {
            sourceId: '70236f02-dc3e-3419-bbf7-06d3da9d6685',
            typeId: 'no_ads',
            status: 'active',
            description: 'Hulu (No Ads)',
            amount: 17.99,
            freeTrial: false,
          },
        ],
        company: {
          _id: '6529a6eccb8e7200085c6ef6',
          name: 'Hulu',
          branding: {
            logo: { url: 'https://cdn-public.atomicfi.com/60e83c17-cda4-4b5a-98c6-c83199c54d48.png', backgroundColor: '#040405' },
            color: '#040405',
          },
        },
        actions: [
          { type: 'change-plan', id: 'BASE64_ENCODED_ID', automated: false },
          { type: 'cancel-plan', id: 'BASE64_ENCODED_ID', automated: true },
          { type: 'pause-plan', id: 'BASE64_ENCODED_ID', automated: true },
        ],
      },
    ],
  },
};
/** [001] "Get Accounts" / "Detect Accounts" answer the same account in `{ accounts: [...] }`. */
const GET_ACCOUNTS: AtomicPayLinkAccountsResponse = { accounts: [GET_ACCOUNT.account] };

/** [001] "Find Company" example response. */
const FIND_COMPANY: AtomicFindCompanyResponse = {
  data: {
    financialTransactions: [
      {
        identifier: 'ff1e11abe',
        description: 'POS Transaction Netflixcom NETFLIXCOM LOS GATOS CAUS',
        company: {
          _id: '64ecca15ec669e000851d5d2',
          branding: { logo: { backgroundColor: '#000000', url: '[ATOMIC-GENERATED-PRESIGNED-S3-URL]' }, color: '#000000' },
          name: 'Netflix',
        },
      },
      {
        identifier: '4f89277',
        description: 'POS Transaction Hulu HLUHULUPLUS SANTA MONICA CAUS',
        company: {
          _id: '6529a6eccb8e7200085c6ef6',
          branding: { logo: { url: '[ATOMIC-GENERATED-PRESIGNED-S3-URL]', backgroundColor: '#040405' }, color: '#040405' },
          name: 'Hulu',
        },
      },
      {
        identifier: '5115abe3',
        description: 'POS Transaction SPOTIFY 4 WORLD TRACE CENTER 68777781161 NYUS',
        company: {
          _id: '652801e35d8a530008e9e2cd',
          branding: { logo: { url: '[ATOMIC-GENERATED-PRESIGNED-S3-URL]', backgroundColor: '#000000' }, color: '#000000' },
          name: 'Spotify',
        },
      },
    ],
  },
};

const testLogo = { logo: { url: 'https://cdn-public.atomicfi.com/b02670fa-ce1b-4171-855b-6856b37bb938.png' } };

/** [001] "Get Task Details" example response (PayLink switch task). */
const TASK_DETAILS_PAYLINK: AtomicTaskDetailsResponse = {
  data: {
    task: {
      _id: '65b15fd99b3f03aa9edff9de',
      authenticated: true,
      company: { _id: '607e249736b9f053b536bde0', branding: testLogo, name: 'Test Company' },
      connector: { _id: '607e249736b9f053b536bde1', branding: testLogo, name: 'Test Connector' },
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:05.000Z',
      failReason: 'unknown-failure',
      linkedAccount: '645963a0b754649972f3d4ac',
      metadata: { data: 'test' },
      product: 'switch',
      status: 'completed',
      taskWorkflow: { _id: '643f2ed34253e21bdbd2de31' },
      user: { _id: '607e249736b9f053b536bdea', identifier: 'IDENTIFIER_FROM_YOUR_SYSTEM' },
    },
  },
};

/** [002] "Get Task Details" example response (deposit task with depositData). */
const TASK_DETAILS_DEPOSIT: AtomicTaskDetailsResponse = {
  data: {
    task: {
      _id: '65b15fd99b3f03aa9edff9de',
      authenticated: true,
      company: { _id: '607e249736b9f053b536bde0', branding: testLogo, name: 'Test Company' },
      connector: { _id: '607e249736b9f053b536bde1', branding: testLogo, name: 'Test Connector' },
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
      user: { _id: '607e249736b9f053b536bdea', identifier: 'GUID' },
    },
  },
};

/** [001]/[002] "Get Tasks" example response. */
const USER_TASKS: AtomicUserTasksResponse = {
  data: {
    tasks: [
      {
        _id: '65b3f3c8b871a9626c36d103',
        authenticated: true,
        createdAt: '2024-01-26T18:02:55.795Z',
        payrollDataAvailable: true,
        product: 'verify',
        status: 'completed',
      },
      {
        _id: '65b3f3c8b871a9626c36d103',
        authenticated: true,
        createdAt: '2024-01-26T18:02:55.795Z',
        failReason: 'bad-credentials',
        payrollDataAvailable: false,
        product: 'deposit',
        status: 'failed',
      },
    ],
  },
};

/** "Get Task Status": [001]/[003] bare, [002] enveloped: both typecheck. */
const TASK_STATUS_BARE: AtomicTaskStatusResponse = { createdAt: '2023-01-03T16:40:48.009Z', status: 'failed', failReason: 'no-data-found' };
const TASK_STATUS_WRAPPED: AtomicTaskStatusResponse = {
  data: { task: { createdAt: '2023-01-03T16:40:48.009Z', status: 'failed', failReason: 'no-data-found', payrollDataAvailable: false } },
};

/** [003] "Company Search" example response. */
const COMPANY_SEARCH: AtomicCompanySearchResponse = {
  data: [
    {
      _id: '5d38f1e8512bbf71fb776015',
      name: 'DoorDash',
      status: 'operational',
      connector: { _id: '5d38f182512bbf0c06776013', availableProducts: ['deposit'], capabilities: { distributionTypes: ['total'] } },
      branding: {
        logo: { url: 'https://atomicfi-public-production.s3.amazonaws.com/a8d7e778-b718-45e0-b639-2305e33e7f95_ADP.svg' },
        color: '#E20000',
      },
      tags: ['gig-economy'],
    },
  ],
};

/** The `company`, `connector`, `linkedAccount`, `task` every [003] payroll record carries. */
const PAYROLL_SOURCE = {
  company: {
    _id: '5d77f9e1070856f3828945c6',
    name: 'DoTerra',
    branding: { logo: { _id: '5eb62781b4b83f0008f638cc', url: 'https://cdn.atomicfi.com/doterra-logo.svg' } },
  },
  connector: {
    _id: '5d77f95207085632a58945c3',
    name: 'ADP',
    branding: { logo: { _id: '5eb62781b4b83f0008f6343c', url: 'https://cdn.atomicfi.com/adp-logo.svg' } },
  },
  linkedAccount: '5f7212103a40e91f95ba376d',
  task: '602414d84f9a1980cf5eafcc',
};

/** [003] "Deposit Accounts" example response (note the doubly nested array, as printed). */
const DEPOSIT_ACCOUNTS: AtomicDepositAccountsResponse = {
  data: [
    {
      depositAccounts: [
        [
          {
            routingNumber: '123123123',
            accountNumber: '1122330000',
            type: 'checking',
            bankName: 'Molecular Bank',
            distributionType: 'percent',
            distributionAmount: 80,
          },
          {
            routingNumber: '456456456',
            accountNumber: 'XXXX1111',
            type: 'savings',
            bankName: 'Molecular Bank',
            distributionType: 'percent',
            distributionAmount: 20,
          },
        ],
      ],
      ...PAYROLL_SOURCE,
    },
  ],
};

/** [003] "Employment" example response. */
const EMPLOYMENT: AtomicEmploymentResponse = {
  data: [
    {
      employment: {
        employeeType: 'fulltime',
        employmentStatus: 'active',
        jobTitle: 'Product Manager',
        startDate: '2017-04-19T12:00:00.000Z',
        minimumMonthsOfEmployment: 58,
        weeklyHours: 40,
        employer: {
          name: 'Company Inc.',
          address: { line1: '12345 Enterprise Rd', line2: 'Suite 105', city: 'Salt Lake City', state: 'UT', postalCode: '84111', country: 'USA' },
        },
      },
      ...PAYROLL_SOURCE,
    },
  ],
};

/** [003] "Identity" example response. */
const IDENTITY: AtomicIdentityResponse = {
  data: [
    {
      identity: {
        firstName: 'Jane',
        lastName: 'Appleseed',
        dateOfBirth: '1984-04-12T12:00:00.000Z',
        email: 'janeappleseed@example.com',
        phone: '5558881111',
        ssn: '111223333',
        address: '123 Example St.',
        city: 'Salt Lake City',
        state: 'UT',
        postalCode: '84111',
      },
      ...PAYROLL_SOURCE,
    },
  ],
};

/** [003] "Income" example response. */
const INCOME: AtomicIncomeResponse = {
  data: [
    {
      income: {
        income: 45000,
        incomeType: 'yearly',
        annualIncome: 45000,
        hourlyIncome: 21.56,
        netHourlyRate: 18.44,
        payCycle: 'weekly',
        nextExpectedPayDate: '2020-06-30T12:00:00.000Z',
        currentPayPeriodStart: '2020-06-13T12:00:00.000Z',
        currentPayPeriodEnd: '2020-06-27T12:00:00.000Z',
        unpaidHoursInPayPeriod: 24,
      },
      ...PAYROLL_SOURCE,
    },
  ],
};

/** [003] "Statements" example response. */
const STATEMENTS: AtomicStatementsResponse = {
  data: [
    {
      statements: [
        {
          date: '2020-06-15T12:00:00.000Z',
          payPeriodStartDate: '2020-05-27T12:00:00.000Z',
          payPeriodEndDate: '2020-06-12T12:00:00.000Z',
          grossAmount: 1000,
          ytdGrossAmount: 10000,
          netAmount: 800,
          ytdNetAmount: 8000,
          paymentMethod: 'deposit',
          hours: 37,
          deductions: [
            { category: 'taxes', label: 'Federal Income Tax', rawLabel: 'Federal Income Tax', amount: 200, ytdAmount: 2000 },
            { category: 'taxes', label: 'State Income Tax', rawLabel: 'Utah State Tax', amount: 50, ytdAmount: 500 },
            { category: 'other', label: 'Abc corp dd', rawLabel: 'Abc corp dd', amount: 5, ytdAmount: 50 },
          ],
          earnings: [
            { category: 'benefit', rawLabel: 'Social Security (Disability)', amount: 1000 },
            { category: 'bonus', rawLabel: 'Quarterly Bonus', amount: 2000, ytdAmount: 6000 },
            { category: 'overtime', rawLabel: 'Overtime Pay', amount: 100, ytdAmount: 1000, hours: 10, rate: 15 },
            { category: 'reimbursement', rawLabel: 'Gas Card', amount: 25.47, ytdAmount: 85.74 },
          ],
          netAmountAdjustments: [{ label: 'Mileage Reimbursement', amount: 25 }],
          paystub: { _id: '60abeff50836730008616fad', url: '[ATOMIC-GENERATED-PRESIGNED-S3-URL]' },
        },
        {
          date: '2020-06-30T12:00:00.000Z',
          payPeriodStartDate: '2020-05-27T12:00:00.000Z',
          payPeriodEndDate: '2020-06-12T12:00:00.000Z',
          grossAmount: 1000,
          paymentMethod: 'check',
          hours: 34,
          deductions: [
            { category: 'taxes', label: 'Federal Income Tax', rawLabel: 'Federal Income Tax', amount: 200 },
            { category: 'taxes', label: 'State Income Tax', rawLabel: 'Utah State Tax', amount: 50 },
            { category: 'other', label: 'Abc corp dd', rawLabel: 'Abc corp dd', amount: 5 },
          ],
          paystub: { _id: '60abeff50836730008616fae', url: '[ATOMIC-GENERATED-PRESIGNED-S3-URL]' },
        },
      ],
      ...PAYROLL_SOURCE,
    },
  ],
};

/** [003] "Timesheets" example response. */
const TIMESHEETS: AtomicTimesheetsResponse = {
  data: [
    {
      timesheets: [
        { duration: 420, date: '2021-10-13T12:00:00.000Z', type: 'unpaid', clockedIn: '2021-10-13T13:00:00.000Z', clockedOut: '2021-10-13T20:00:00.000Z' },
        { duration: 480, date: '2021-10-12T12:00:00.000Z', type: 'paid', clockedIn: '2021-10-12T13:00:00.000Z', clockedOut: '2021-10-12T21:00:00.000Z' },
        { duration: 340, date: '2021-10-11T12:00:00.000Z', type: 'paid', clockedIn: '2021-10-11T13:00:00.000Z', clockedOut: '2021-10-11T18:40:00.000Z' },
      ],
      ...PAYROLL_SOURCE,
    },
  ],
};

/** [003] "Taxes" example response. */
const TAXES: AtomicTaxesResponse = {
  data: [
    {
      taxes: [
        {
          type: 'w2',
          year: '2020-01-01T00:00:00.000Z',
          totalWages: 50000,
          form: { _id: '60abeff60836730008616faf', url: '[ATOMIC-GENERATED-PRESIGNED-S3-URL]' },
          parsedData: {
            taxYear: 2022,
            employeeTin: 'XXX-XX-1234',
            employerTin: '12-3456789',
            employerNameAddress: {
              name1: 'Tax Form Issuer, Inc',
              line1: '12021 Sunset Valley Dr',
              line2: 'Suite 230',
              city: 'Preston',
              state: 'VA',
              postalCode: '20191',
            },
            controlNumber: '012547 WY/OA7',
            employeeName: { first: 'Kris', last: 'Public' },
            employeeAddress: { line1: '1 Main St', line2: 'Apartment 123', city: 'Melrose', state: 'NY', postalCode: '12121' },
            wages: 44416.74,
            federalTaxWithheld: 6907.16,
            socialSecurityWages: 47162.92,
            socialSecurityTaxWithheld: 2924.1,
            medicareWages: 47162.92,
            medicareTaxWithheld: 683.86,
            socialSecurityTips: 134.25,
            allocatedTips: 149.75,
            dependentCareBenefit: 543.25,
            nonQualifiedPlan: 354.23,
            codes: [
              { code: 'C', amount: 301.5 },
              { code: 'D', amount: 2746.18 },
              { code: 'DD', amount: 4781.88 },
            ],
            other: [
              { description: 'Housing', amount: 6500 },
              { description: 'Union Dues', amount: 1500 },
            ],
            statutory: false,
            retirementPlan: true,
            thirdPartySickPay: false,
            stateTaxWithholding: [{ stateTaxWithheld: 1726.78, state: 'OH', stateTaxId: 'OH 036-133505158F-01', stateIncome: 44416.74 }],
            localTaxWithholding: [{ localTaxWithheld: 427.62, localityName: 'Kirtland', state: 'OH', localIncome: 44416.74 }],
          },
        },
        { type: '1099', year: '2020-01-01T00:00:00.000Z', form: { _id: '60abeff60836730008616faf', url: '[ATOMIC-GENERATED-PRESIGNED-S3-URL]' } },
      ],
      ...PAYROLL_SOURCE,
    },
  ],
};

/** [003] "List Linked Accounts" example response. */
const LINKED_ACCOUNTS: AtomicLinkedAccountsResponse = {
  data: [
    {
      _id: '5f7212103a40e91f95ba376d',
      valid: true,
      connector: { _id: '5d77f95207085632a58945c3', name: 'ADP', branding: {} },
      company: {
        _id: '5d77f9e1070856f3828945c6',
        name: 'DoTerra',
        branding: { logo: { _id: '5eb62781b4b83f0008f638cc', url: 'https://cdn.atomicfi.com/logo.svg' } },
      },
      lastSuccess: '2020-09-28T16:40:48.009Z',
      transactRequired: false,
    },
  ],
};

/** [003] "Create Task Workflow" example response. */
const TASK_WORKFLOW: AtomicTaskWorkflowResponse = {
  data: {
    task: { _id: '5d3b23b155f500465c895f60' },
    taskWorkflow: { _id: '5d3b23b155f500465c895f5f' },
    company: {
      _id: '5d77f9e1070856f3828945c6',
      name: 'Mocky',
      branding: {
        logo: { url: 'https://cdn-public.atomicfi.com/979115f4-34a0-44f5-901e-753a33337444_atomic-logo-dark.png' },
        color: '#090721',
      },
    },
  },
};

const PRESCREEN: AtomicPrescreenResponse = { data: { confidence: 'HIGH' } };
const ACCESS_TOKEN: AtomicAccessTokenResponse = { data: { publicToken: '6e93549e-3571-4f57-b0f7-77b7cb0b5e48' } };
const END_MONITORING: AtomicEndMonitoringResponse = { success: true };
const FILE_URL: AtomicFileUrlResponse = { url: '[ATOMIC-GENERATED-PRESIGNED-S3-URL]' };

/** Request bodies of the references, every access-token variation included: the wire types accept them. */
const REQUESTS = {
  manage: { identifier: 'YOUR_USER_IDENTIFIER' },
  switchCards: {
    identifier: 'YOUR_USER_IDENTIFIER',
    tokenLifetime: 1800,
    identity: { firstName: 'Jane', lastName: 'Doe', postalCode: '84043', address: '123 Main St', city: 'Lehi', state: 'UT', phone: '8013614840' },
    cards: [{ number: '4111111111111111', expiry: '12/28', cvv: '123', title: 'Visa Debit', brand: 'visa' }],
  },
  switchAccounts: {
    identifier: 'YOUR_USER_IDENTIFIER',
    identity: { firstName: 'Jane', lastName: 'Doe', postalCode: '84043', address: '123 Main St', city: 'Lehi', state: 'UT', phone: '8013614840' },
    accounts: [{ accountNumber: '220000000', routingNumber: '110000000', type: 'checking', title: 'Checking' }],
  },
  baas: {
    identifier: 'YOUR_USER_IDENTIFIER',
    identity: { firstName: 'Jane', lastName: 'Doe', postalCode: '84043', address: '123 Main St', city: 'Lehi', state: 'UT', phone: '8013614840' },
    cards: [
      {
        lastFour: '1234',
        title: 'Galileo card',
        paymentService: {
          galileo: { apiLogin: 'login', apiTransKey: 'key', providerId: '1', transactionId: 'uuid', accountNo: 'CAD', apiUrl: 'https://example.test' },
        },
      },
    ],
  },
  cdeBypass: { identifier: 'YOUR_USER_IDENTIFIER' },
} satisfies Record<string, AtomicAccessTokenRequest>;
const OTHER_REQUESTS = {
  prescreen: { company: { name: 'DoorDash' }, product: 'verify' } satisfies AtomicPrescreenRequest,
  workflow: {
    linkedAccount: '5f7212103a40e91f95ba376d',
    tasks: [{ operation: 'verify', onComplete: 'continue', onFail: 'finish' }, { operation: 'deposit', distribution: { type: 'fixed', amount: 50 } }],
  } satisfies AtomicTaskWorkflowRequest,
  updateUser: { identifier: 'YOUR_USER_IDENTIFIER', data: { accounts: [{ accountNumber: '220000000', routingNumber: '110000000', type: 'savings' }] } } satisfies AtomicUpdateUserRequest,
};

// ───────────────────────────── an executable schema around the type resolvers ─────────────────────────────

type AnyResolvers = Record<string, Record<string, GraphQLFieldResolver<unknown, unknown>> | GraphQLScalarType>;

/** Attaches resolver maps to the merged SDL, as Apollo does (scalars included). */
function executable(maps: AnyResolvers[]): GraphQLSchema {
  const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
  for (const map of maps) {
    for (const [typeName, entry] of Object.entries(map)) {
      const type = schema.getType(typeName);
      if (entry instanceof GraphQLScalarType) {
        Object.assign(type!, { serialize: entry.serialize, parseValue: entry.parseValue, parseLiteral: entry.parseLiteral });
        continue;
      }
      if (!(type instanceof GraphQLObjectType)) throw new Error(`resolvers for ${typeName}, which is not an object type`);
      const fields = type.getFields();
      for (const [name, resolve] of Object.entries(entry)) {
        if (!fields[name]) throw new Error(`resolver for unknown field ${typeName}.${name}`);
        fields[name].resolve = resolve;
      }
    }
  }
  return schema;
}

const fromList = <T extends { _id: string }>(list: T[]) => (ids: readonly string[]) =>
  Promise.resolve(ids.map((id) => list.find((x) => x._id === id) ?? null));

function loaders() {
  const companies = [...COMPANY_SEARCH.data, ...FIND_COMPANY.data.financialTransactions.map((t) => t.company!)];
  const companyById = jest.fn(fromList<AtomicCompany>(companies));
  const paylinkAccountById = jest.fn(fromList<AtomicPayLinkAccount>(GET_ACCOUNTS.accounts));
  const companyForDescription = jest.fn((ds: readonly string[]) =>
    Promise.resolve(ds.map((d) => FIND_COMPANY.data.financialTransactions.find((t) => t.description === d)?.company ?? null)),
  );
  const atomicLoaders: AtomicLoaders = {
    companyById: new DataLoader(companyById),
    companyForDescription: new DataLoader(companyForDescription),
    paylinkAccountById: new DataLoader(paylinkAccountById),
  };
  return { atomicLoaders, calls: { companyById, paylinkAccountById } };
}

/** Stand-ins for the root fields (another module's): each answers a reference example. */
const rootStubs = (extra: { bills?: BillModel[]; actionHistory?: unknown[] } = {}): AnyResolvers => ({
  Query: {
    user: (_p, args) => ({ externalId: (args as { id: string }).id, row: null }),
    task: (_p, args) =>
      (args as { id: string }).id === 'paylink' ? TASK_DETAILS_PAYLINK.data.task : TASK_DETAILS_DEPOSIT.data.task,
    companies: () => COMPANY_SEARCH.data,
    paylinkAccount: () => GET_ACCOUNT.account,
    actionHistory: () => extra.actionHistory ?? [],
  },
  Mutation: {
    prescreen: () => PRESCREEN.data,
    startTaskWorkflow: () => TASK_WORKFLOW.data,
    createAtomicAccessToken: () => ACCESS_TOKEN.data,
    detectBills: () => GET_ACCOUNTS.accounts,
  },
  User: {
    tasks: () => USER_TASKS.data.tasks,
    paylinkAccounts: () => GET_ACCOUNTS.accounts,
    bills: () => extra.bills ?? GET_ACCOUNTS.accounts.flatMap(billsOf),
    payroll: (u) => u,
  },
  Payroll: {
    employment: () => payrollItems.employment(EMPLOYMENT.data),
    income: () => payrollItems.income(INCOME.data),
    identity: () => payrollItems.identity(IDENTITY.data),
    statements: () => payrollItems.statements(STATEMENTS.data),
    timesheets: () => payrollItems.timesheets(TIMESHEETS.data),
    taxes: () => payrollItems.taxes(TAXES.data),
    depositAccounts: () => payrollItems.depositAccounts(DEPOSIT_ACCOUNTS.data),
    linkedAccounts: () => LINKED_ACCOUNTS.data,
  },
});

const SCALARS: AnyResolvers = { Money: MoneyScalar, Date: DateScalar, DateTime: DateTimeScalar };

async function run(query: string, extra: Parameters<typeof rootStubs>[0] = {}) {
  const l = loaders();
  const schema = executable([SCALARS, atomicTypeResolvers as unknown as AnyResolvers, rootStubs(extra)]);
  const res = await graphql({ schema, source: query, contextValue: { atomicLoaders: l.atomicLoaders } as unknown as GraphQLContext });
  return { ...res, calls: l.calls };
}

// ───────────────────────────── the tests ─────────────────────────────

/** Object and enum type names defined (not extended) in the Atomic SDL files. */
function ownDefinitions() {
  const objects: string[] = [];
  const enums: string[] = [];
  for (const file of OWN_SDL) {
    for (const def of parse(readFileSync(new URL(file, ROOT), 'utf8')).definitions) {
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION) objects.push(def.name.value);
      if (def.kind === Kind.ENUM_TYPE_DEFINITION) enums.push(def.name.value);
    }
  }
  return { objects, enums };
}

describe('Atomic schema', () => {
  const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));

  it('merges with the rest of the SDL and declares the agreed root fields', () => {
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    const user = (schema.getType('User') as GraphQLObjectType).getFields();
    const sig = (f: { args: readonly { name: string; type: unknown }[]; type: unknown }) =>
      `(${f.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')}): ${String(f.type)}`;
    expect(sig(query.companies!)).toBe(
      '(query: String, product: AtomicProduct, products: [AtomicProduct!], tags: [String!], excludedTags: [String!]): [Company!]!',
    );
    expect(sig(query.task!)).toBe('(id: ID!): Task');
    expect(sig(query.paylinkAccount!)).toBe('(userId: ID!, id: ID!): PayLinkAccount');
    expect(sig(query.actionHistory!)).toBe('(userId: ID!, accountId: ID!): [ActionHistoryEntry!]!');
    expect(sig(mutation.createAtomicAccessToken!)).toBe('(input: AtomicAccessTokenInput!): AtomicAccessToken!');
    expect(sig(mutation.revokeAtomicAccessToken!)).toBe('(publicToken: String!): Boolean!');
    expect(sig(mutation.updateAtomicUser!)).toBe('(input: UpdateAtomicUserInput!): Boolean!');
    expect(sig(mutation.endMonitoring!)).toBe('(userId: ID!): Boolean!');
    expect(sig(mutation.prescreen!)).toBe('(input: PrescreenInput!): PrescreenResult!');
    expect(sig(mutation.startTaskWorkflow!)).toBe('(userId: ID!, linkedAccountId: ID!, tasks: [TaskWorkflowTaskInput!]!): TaskWorkflow!');
    expect(sig(mutation.deletePayLinkAccount!)).toBe('(userId: ID!, accountId: ID!): Boolean!');
    expect(sig(mutation.deletePayLinkAccounts!)).toBe('(userId: ID!): Boolean!');
    expect(sig(mutation.detectBills!)).toBe('(userId: ID!): [PayLinkAccount!]!');
    expect(sig(mutation.reviewSuggestion!)).toBe('(input: SuggestionReviewInput!): Boolean!');
    // Provider-backed User fields are nullable, so an Atomic failure nulls only them.
    expect(sig(user.tasks!)).toBe('(status: TaskStatus, payrollDataAvailable: Boolean): [Task!]');
    expect(sig(user.paylinkAccounts!)).toBe('(): [PayLinkAccount!]');
    expect(sig(user.bills!)).toBe('(orderBy: BillOrder): [Bill!]');
    expect(user.bills!.args[0]!.defaultValue).toBe('DUE_DATE_ASC');
    expect(sig(user.payroll!)).toBe('(): Payroll!');
    expect(String((schema.getType('Transaction') as GraphQLObjectType).getFields().company!.type)).toBe('Company');
    const payroll = (schema.getType('Payroll') as GraphQLObjectType).getFields();
    expect(Object.fromEntries(Object.entries(payroll).map(([n, f]) => [n, sig(f)]))).toEqual({
      employment: '(linkedAccount: ID): [Employment!]',
      income: '(linkedAccount: ID): [Income!]',
      identity: '(linkedAccount: ID): [PayrollIdentity!]',
      statements: '(linkedAccount: ID): [Statement!]',
      timesheets: '(linkedAccount: ID): [Timesheet!]',
      taxes: '(linkedAccount: ID): [TaxDocument!]',
      depositAccounts: '(linkedAccount: ID): [DepositAccount!]',
      linkedAccounts: '(): [LinkedAccount!]',
    });
  });

  it('maps every Atomic object type to an exported wire (or model) type through codegen mappers', () => {
    const config = load(readFileSync(new URL('codegen.yml', ROOT), 'utf8')) as {
      generates: Record<string, { config: { mappers: Record<string, string> } }>;
    };
    const mappers = config.generates['src/generated/graphql.ts']!.config.mappers;
    // Gateway-computed from Task.metadata's free-form object: no wire counterpart to map.
    const computed = new Set(['TaskMetadataEntry']);
    for (const name of ownDefinitions().objects.filter((n) => !computed.has(n))) {
      const mapper = mappers[name];
      expect({ type: name, mapped: typeof mapper }).toEqual({ type: name, mapped: 'string' });
      const [path, exported] = mapper!.split('#') as [string, string];
      const source = readFileSync(new URL(path.replace(/^\.\.\//, 'src/').replace(/\.js$/, '.ts'), ROOT), 'utf8');
      expect({ type: name, exported: new RegExp(`export (interface|type) ${exported}\\b`).test(source) }).toEqual({ type: name, exported: true });
    }
  });

  it('knows the Atomic spelling of every value of every wire-backed enum, and nothing else', () => {
    const gatewayOnly = new Set(['BillOrder', 'AtomicAccessTokenFlow']);
    const byEnum: Record<string, Readonly<Record<string, string>>> = {
      TaskStatus: atomicEnums.taskStatus.pairs,
      AtomicProduct: atomicEnums.product.pairs,
      CompanyStatus: atomicEnums.companyStatus.pairs,
      DistributionType: atomicEnums.distributionType.pairs,
      DepositAccountType: atomicEnums.depositAccountType.pairs,
      CardBrand: atomicEnums.cardBrand.pairs,
      PrescreenConfidence: atomicEnums.prescreenConfidence.pairs,
      TaskWorkflowStepAction: atomicEnums.taskWorkflowStepAction.pairs,
      PayLinkConnectionStatus: atomicEnums.connectionStatus.pairs,
      PayLinkAccountCategory: atomicEnums.accountCategory.pairs,
      PayLinkActionType: atomicEnums.actionType.pairs,
      AutopayStatus: atomicEnums.autopayStatus.pairs,
      BillingCycle: atomicEnums.billingCycle.pairs,
      PaymentMethodType: atomicEnums.paymentMethodType.pairs,
      UsageUnit: atomicEnums.usageUnit.pairs,
      PlanStatus: atomicEnums.planStatus.pairs,
      RecurringTransactionType: atomicEnums.recurringTransactionType.pairs,
      SuggestionRating: atomicEnums.suggestionRating.pairs,
    };
    const declared = ownDefinitions().enums.filter((n) => !gatewayOnly.has(n));
    expect(Object.keys(byEnum).sort()).toEqual(declared.sort());
    for (const [name, pairs] of Object.entries(byEnum)) {
      const values = (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
      expect({ name, values: Object.values(pairs).sort() }).toEqual({ name, values: values.sort() });
    }
    expect(atomicEnums.taskStatus.toGraphQL('under-review')).toBeNull();
    expect(atomicEnums.billingCycle.toGraphQL('Bi-Monthly')).toBe('BI_MONTHLY');
    expect(atomicEnums.product.toWire('VERIFY')).toBe('verify');
    expect(atomicEnums.usageUnit.toWire('KILOWATTS_PER_HOUR')).toBe('kilowatts-per-hour');
  });

  it('reads Company.products from the connector, else from a top-level products list (not in the references)', () => {
    const products = (c: AtomicCompany) =>
      (atomicTypeResolvers as unknown as Record<string, Record<string, (p: unknown) => unknown>>).Company!.products!(c);
    expect(products(COMPANY_SEARCH.data[0]!)).toEqual(['DEPOSIT']);
    expect(products({ _id: 'c', name: 'Netflix', products: ['present', 'switch', 'unknown' as never] })).toEqual(['PRESENT', 'SWITCH']);
    expect(products({ _id: 'c', name: 'X', products: ['switch'], connector: { _id: 'k', availableProducts: ['verify'] } })).toEqual(['VERIFY']);
  });

  it('types every reference example (checked by tsc; spot-checked here)', () => {
    expect(TASK_STATUS_BARE).toHaveProperty('status', 'failed');
    expect(TASK_STATUS_WRAPPED).toHaveProperty('data.task.payrollDataAvailable', false);
    expect(END_MONITORING.success).toBe(true);
    expect(FILE_URL.url).toContain('PRESIGNED');
    expect(Object.keys(REQUESTS)).toHaveLength(5);
    expect(OTHER_REQUESTS.workflow.tasks).toHaveLength(2);
  });
});

describe('Atomic type resolvers over the references’ examples', () => {
  it('PayLink account [001]: ids, enums, Money, masked numbers, the Hulu bill and its Amazon account', async () => {
    const res = await run(`{
      paylinkAccount(userId: "u1", id: "67376c5befe988922e8aabc4") {
        id connectionStatus processing lastSyncedAt recurringFinancialTransaction { name }
        company { id name logoUrl logoBackgroundColor brandColor status tags products connector { id } }
        actions { id type automated }
        data { category identities { firstName lastName email phone } paymentMethods { type lastFour brand isPrimary accountNumber routingNumber } }
        bills {
          id sourceId name amount amountDisclaimer autopayStatus billingCycle dueDate
          paymentHistory { date amount } items { description amount } profiles { name lastUsed } usage { unit }
          plans { sourceId typeId status description amount freeTrial pendingChange { status } }
          paymentMethod { type }
          company { id name logoUrl brandColor } managedBy { id name } account { id }
          actions { id type automated }
        }
      } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      paylinkAccount: {
        id: '67376c5befe988922e8aabc4',
        connectionStatus: 'CONNECTED',
        processing: false,
        lastSyncedAt: '2024-10-20T18:00:54.761Z',
        recurringFinancialTransaction: null,
        company: {
          id: '65272c415d8a530008e972df',
          name: 'Amazon',
          logoUrl: 'https://cdn-public.atomicfi.com/8d97b6ca-595b-447c-8b86-8d690501c794_amazon.png',
          logoBackgroundColor: '#FF9900',
          brandColor: '#FF9900',
          status: null,
          tags: [],
          products: [],
          connector: null,
        },
        actions: [
          { id: 'BASE64_ENCODED_ID', type: 'VIEW_ACCOUNT', automated: false },
          { id: 'BASE64_ENCODED_ID', type: 'REFRESH', automated: true },
        ],
        data: {
          category: 'SUBSCRIPTION',
          identities: [{ firstName: 'test', lastName: null, email: 'test@email.com', phone: '5558675309' }],
          paymentMethods: [{ type: 'CARD', lastFour: '2345', brand: 'Mastercard', isPrimary: true, accountNumber: null, routingNumber: null }],
        },
        bills: [
          {
            id: '67376c5befe988922e8adef5',
            sourceId: '70236f02-dc3e-3419-bbf7-06d3da9d6685',
            name: 'Hulu',
            amount: 20.7,
            amountDisclaimer: null,
            autopayStatus: 'ENABLED',
            billingCycle: 'MONTHLY',
            dueDate: '2024-11-20T23:59:59.000Z',
            paymentHistory: [
              { date: '2024-10-20T18:00:54.761Z', amount: 20.7 },
              { date: '2024-09-20T09:48:31.093Z', amount: 19.38 },
            ],
            items: [
              { description: 'Standard plan', amount: 17.99 },
              { description: 'Taxes and fees', amount: 2.71 },
            ],
            profiles: [{ name: 'Test Profile', lastUsed: '2024-10-31T17:34:55.376Z' }],
            usage: [],
            plans: [
              {
                sourceId: '70236f02-dc3e-3419-bbf7-06d3da9d6685',
                typeId: 'no_ads',
                status: 'ACTIVE',
                description: 'Hulu (No Ads)',
                amount: 17.99,
                freeTrial: false,
                pendingChange: null,
              },
            ],
            paymentMethod: null,
            company: {
              id: '6529a6eccb8e7200085c6ef6',
              name: 'Hulu',
              logoUrl: 'https://cdn-public.atomicfi.com/60e83c17-cda4-4b5a-98c6-c83199c54d48.png',
              brandColor: '#040405',
            },
            managedBy: { id: '65272c415d8a530008e972df', name: 'Amazon' },
            account: { id: '67376c5befe988922e8aabc4' },
            actions: [
              { id: 'BASE64_ENCODED_ID', type: 'CHANGE_PLAN', automated: false },
              { id: 'BASE64_ENCODED_ID', type: 'CANCEL_PLAN', automated: true },
              { id: 'BASE64_ENCODED_ID', type: 'PAUSE_PLAN', automated: true },
            ],
          },
        ],
      },
    });
    expect(res.calls.companyById).not.toHaveBeenCalled();
    expect(res.calls.paylinkAccountById).not.toHaveBeenCalled();
  });

  it('resolves Money to integer cents inside (the scalar shows dollars)', () => {
    const bill = billsOf(GET_ACCOUNT.account)[0]!;
    const call = (type: string, field: string, parent: unknown) =>
      (atomicTypeResolvers as unknown as Record<string, Record<string, (p: unknown) => unknown>>)[type]![field]!(parent);
    expect(call('Bill', 'amount', bill)).toBe(2070);
    expect(call('BillPayment', 'amount', bill.paymentHistory![1])).toBe(1938);
    expect(call('Plan', 'amount', bill.plans![0])).toBe(1799);
    expect(call('W2ParsedData', 'socialSecurityTaxWithheld', TAXES.data[0]!.taxes[0]!.parsedData)).toBe(292410);
    expect(call('StatementEarning', 'rate', STATEMENTS.data[0]!.statements[0]!.earnings![2])).toBe(1500);
  });

  it('masks bank account numbers on payment methods, and loads companies and accounts known only by id', async () => {
    // Not a reference example: a bank payment method, an id-only bill company and a bill without its account.
    const bill: BillModel = {
      _id: 'bill_x',
      sourceId: 'src_x',
      amount: 99.99,
      paymentMethod: { type: 'bank', accountNumber: '000123456789', routingNumber: '110000000' },
      plans: [{ status: 'paused', pendingChange: { status: 'cancelled', amount: 0, billingCycle: 'annually', startDate: '2024-12-01T00:00:00.000Z' } }],
      usage: [{ description: 'Data', limit: 10, unit: 'gigabytes', used: 2.5 }],
      company: { _id: '652801e35d8a530008e9e2cd' } as AtomicCompany,
      parentAccountId: '67376c5befe988922e8aabc4',
    };
    const res = await run(
      `{ user(id: "u1") { bills { id amount paymentMethod { type lastFour accountNumber routingNumber }
          plans { status pendingChange { status amount billingCycle startDate } } usage { description limit unit used }
          company { id name } managedBy { name } account { id bills { id } } } } }`,
      { bills: [bill] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      user: {
        bills: [
          {
            id: 'bill_x',
            amount: 99.99,
            paymentMethod: { type: 'BANK', lastFour: '6789', accountNumber: '********6789', routingNumber: '110000000' },
            plans: [{ status: 'PAUSED', pendingChange: { status: 'CANCELLED', amount: 0, billingCycle: 'ANNUALLY', startDate: '2024-12-01T00:00:00.000Z' } }],
            usage: [{ description: 'Data', limit: 10, unit: 'GIGABYTES', used: 2.5 }],
            company: { id: '652801e35d8a530008e9e2cd', name: 'Spotify' },
            managedBy: { name: 'Amazon' },
            account: { id: '67376c5befe988922e8aabc4', bills: [{ id: '67376c5befe988922e8adef5' }] },
          },
        ],
      },
    });
    expect(res.calls.companyById).toHaveBeenCalledTimes(1);
    // Bill.account and Bill.managedBy share one load of the account.
    expect(res.calls.paylinkAccountById).toHaveBeenCalledTimes(1);
  });

  it('tasks [001]/[002]: details with depositData and typed metadata, and the short form listed for a user', async () => {
    const res = await run(`{
      paylink: task(id: "paylink") { id status product failReason authenticated createdAt updatedAt linkedAccountId
        payrollDataAvailable depositData { accountType } metadata { key value } taskWorkflow { id firstTaskId company { id } }
        company { id name logoUrl } connector { id name logoUrl availableProducts } }
      deposit: task(id: "deposit") { id status product payrollDataAvailable
        depositData { accountType distributionType distributionAmount distributionPercent lastFour routingNumber title } }
      user(id: "u1") { tasks { id status product failReason authenticated payrollDataAvailable createdAt updatedAt company { id } metadata { key } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      paylink: {
        id: '65b15fd99b3f03aa9edff9de',
        status: 'COMPLETED',
        product: 'SWITCH',
        failReason: 'unknown-failure',
        authenticated: true,
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:05.000Z',
        linkedAccountId: '645963a0b754649972f3d4ac',
        payrollDataAvailable: null,
        depositData: null,
        metadata: [{ key: 'data', value: 'test' }],
        taskWorkflow: { id: '643f2ed34253e21bdbd2de31', firstTaskId: null, company: null },
        company: { id: '607e249736b9f053b536bde0', name: 'Test Company', logoUrl: testLogo.logo.url },
        connector: { id: '607e249736b9f053b536bde1', name: 'Test Connector', logoUrl: testLogo.logo.url, availableProducts: [] },
      },
      deposit: {
        id: '65b15fd99b3f03aa9edff9de',
        status: 'FAILED',
        product: 'DEPOSIT',
        payrollDataAvailable: false,
        depositData: {
          accountType: 'CHECKING',
          distributionType: 'FIXED',
          distributionAmount: 10,
          distributionPercent: null,
          lastFour: '0000',
          routingNumber: '22000000',
          title: 'Checking Account',
        },
      },
      user: {
        tasks: [
          {
            id: '65b3f3c8b871a9626c36d103',
            status: 'COMPLETED',
            product: 'VERIFY',
            failReason: null,
            authenticated: true,
            payrollDataAvailable: true,
            createdAt: '2024-01-26T18:02:55.795Z',
            updatedAt: null,
            company: null,
            metadata: [],
          },
          {
            id: '65b3f3c8b871a9626c36d103',
            status: 'FAILED',
            product: 'DEPOSIT',
            failReason: 'bad-credentials',
            authenticated: true,
            payrollDataAvailable: false,
            createdAt: '2024-01-26T18:02:55.795Z',
            updatedAt: null,
            company: null,
            metadata: [],
          },
        ],
      },
    });
  });

  it('company search [003], task workflow [003], prescreen and access token', async () => {
    const res = await run(`{
      companies(query: "door") { id name status tags products brandColor logoUrl connector { id availableProducts distributionTypes } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      companies: [
        {
          id: '5d38f1e8512bbf71fb776015',
          name: 'DoorDash',
          status: 'OPERATIONAL',
          tags: ['gig-economy'],
          products: ['DEPOSIT'],
          brandColor: '#E20000',
          logoUrl: 'https://atomicfi-public-production.s3.amazonaws.com/a8d7e778-b718-45e0-b639-2305e33e7f95_ADP.svg',
          connector: { id: '5d38f182512bbf0c06776013', availableProducts: ['DEPOSIT'], distributionTypes: ['TOTAL'] },
        },
      ],
    });
    const m = await run(`mutation {
      startTaskWorkflow(userId: "u1", linkedAccountId: "5f7212103a40e91f95ba376d", tasks: [{ operation: VERIFY }]) {
        id firstTaskId company { id name brandColor } }
      prescreen(input: { company: { name: "DoorDash" } }) { confidence }
      createAtomicAccessToken(input: { userId: "u1" }) { publicToken }
    }`);
    expect(m.errors).toBeUndefined();
    expect(m.data).toEqual({
      startTaskWorkflow: {
        id: '5d3b23b155f500465c895f5f',
        firstTaskId: '5d3b23b155f500465c895f60',
        company: { id: '5d77f9e1070856f3828945c6', name: 'Mocky', brandColor: '#090721' },
      },
      prescreen: { confidence: 'HIGH' },
      createAtomicAccessToken: { publicToken: '6e93549e-3571-4f57-b0f7-77b7cb0b5e48' },
    });
  });

  it('payroll [003]: every endpoint flattened with its source, SSN and account numbers masked', async () => {
    const res = await run(`{ user(id: "u1") { payroll {
      employment { employeeType employmentStatus jobTitle startDate minimumMonthsOfEmployment weeklyHours
        employer { name address { line1 line2 city state postalCode country } }
        source { company { id name logoUrl } connector { id name } linkedAccountId taskId } }
      income { income incomeType annualIncome hourlyIncome netHourlyRate payCycle nextExpectedPayDate currentPayPeriodStart currentPayPeriodEnd unpaidHoursInPayPeriod }
      identity { firstName lastName dateOfBirth email phone ssn address city state postalCode source { taskId } }
      statements { date grossAmount ytdGrossAmount netAmount ytdNetAmount paymentMethod hours
        deductions { category label rawLabel amount ytdAmount } earnings { category rawLabel amount ytdAmount hours rate }
        netAmountAdjustments { label amount } paystub { id url } }
      timesheets { date duration type clockedIn clockedOut }
      taxes { type year totalWages form { id } parsedData { taxYear employeeTin employerTin controlNumber wages federalTaxWithheld
        socialSecurityTaxWithheld employeeName { first last } employerNameAddress { name1 postalCode } employeeAddress { line1 state }
        codes { code amount } other { description amount } statutory retirementPlan thirdPartySickPay
        stateTaxWithholding { state stateTaxId stateIncome stateTaxWithheld } localTaxWithholding { localityName localIncome localTaxWithheld } } }
      depositAccounts { accountNumber lastFour routingNumber type bankName distributionType distributionAmount distributionPercent source { linkedAccountId } }
      linkedAccounts { id valid transactRequired lastSuccess lastFailure company { name logoUrl } connector { name logoUrl } }
    } } }`);
    expect(res.errors).toBeUndefined();
    const payroll = (res.data as { user: { payroll: Record<string, unknown[]> } }).user.payroll;

    expect(payroll.employment).toEqual([
      {
        employeeType: 'fulltime',
        employmentStatus: 'active',
        jobTitle: 'Product Manager',
        startDate: '2017-04-19T12:00:00.000Z',
        minimumMonthsOfEmployment: 58,
        weeklyHours: 40,
        employer: {
          name: 'Company Inc.',
          address: { line1: '12345 Enterprise Rd', line2: 'Suite 105', city: 'Salt Lake City', state: 'UT', postalCode: '84111', country: 'USA' },
        },
        source: {
          company: { id: '5d77f9e1070856f3828945c6', name: 'DoTerra', logoUrl: 'https://cdn.atomicfi.com/doterra-logo.svg' },
          connector: { id: '5d77f95207085632a58945c3', name: 'ADP' },
          linkedAccountId: '5f7212103a40e91f95ba376d',
          taskId: '602414d84f9a1980cf5eafcc',
        },
      },
    ]);
    expect(payroll.income).toEqual([
      {
        income: 45000,
        incomeType: 'yearly',
        annualIncome: 45000,
        hourlyIncome: 21.56,
        netHourlyRate: 18.44,
        payCycle: 'weekly',
        nextExpectedPayDate: '2020-06-30T12:00:00.000Z',
        currentPayPeriodStart: '2020-06-13T12:00:00.000Z',
        currentPayPeriodEnd: '2020-06-27T12:00:00.000Z',
        unpaidHoursInPayPeriod: 24,
      },
    ]);
    expect(payroll.identity).toEqual([
      {
        firstName: 'Jane',
        lastName: 'Appleseed',
        dateOfBirth: '1984-04-12T12:00:00.000Z',
        email: 'janeappleseed@example.com',
        phone: '5558881111',
        ssn: '***-**-3333',
        address: '123 Example St.',
        city: 'Salt Lake City',
        state: 'UT',
        postalCode: '84111',
        source: { taskId: '602414d84f9a1980cf5eafcc' },
      },
    ]);
    expect(payroll.statements).toHaveLength(2);
    expect(payroll.statements![0]).toEqual({
      date: '2020-06-15T12:00:00.000Z',
      grossAmount: 1000,
      ytdGrossAmount: 10000,
      netAmount: 800,
      ytdNetAmount: 8000,
      paymentMethod: 'deposit',
      hours: 37,
      deductions: [
        { category: 'taxes', label: 'Federal Income Tax', rawLabel: 'Federal Income Tax', amount: 200, ytdAmount: 2000 },
        { category: 'taxes', label: 'State Income Tax', rawLabel: 'Utah State Tax', amount: 50, ytdAmount: 500 },
        { category: 'other', label: 'Abc corp dd', rawLabel: 'Abc corp dd', amount: 5, ytdAmount: 50 },
      ],
      earnings: [
        { category: 'benefit', rawLabel: 'Social Security (Disability)', amount: 1000, ytdAmount: null, hours: null, rate: null },
        { category: 'bonus', rawLabel: 'Quarterly Bonus', amount: 2000, ytdAmount: 6000, hours: null, rate: null },
        { category: 'overtime', rawLabel: 'Overtime Pay', amount: 100, ytdAmount: 1000, hours: 10, rate: 15 },
        { category: 'reimbursement', rawLabel: 'Gas Card', amount: 25.47, ytdAmount: 85.74, hours: null, rate: null },
      ],
      netAmountAdjustments: [{ label: 'Mileage Reimbursement', amount: 25 }],
      paystub: { id: '60abeff50836730008616fad', url: '[ATOMIC-GENERATED-PRESIGNED-S3-URL]' },
    });
    expect(payroll.statements![1]).toMatchObject({ paymentMethod: 'check', ytdNetAmount: null, earnings: [], netAmountAdjustments: [] });
    expect(payroll.timesheets).toEqual([
      { date: '2021-10-13T12:00:00.000Z', duration: 420, type: 'unpaid', clockedIn: '2021-10-13T13:00:00.000Z', clockedOut: '2021-10-13T20:00:00.000Z' },
      { date: '2021-10-12T12:00:00.000Z', duration: 480, type: 'paid', clockedIn: '2021-10-12T13:00:00.000Z', clockedOut: '2021-10-12T21:00:00.000Z' },
      { date: '2021-10-11T12:00:00.000Z', duration: 340, type: 'paid', clockedIn: '2021-10-11T13:00:00.000Z', clockedOut: '2021-10-11T18:40:00.000Z' },
    ]);
    expect(payroll.taxes).toEqual([
      {
        type: 'w2',
        year: 2020,
        totalWages: 50000,
        form: { id: '60abeff60836730008616faf' },
        parsedData: {
          taxYear: 2022,
          employeeTin: '***-**-1234',
          employerTin: '12-3456789',
          controlNumber: '012547 WY/OA7',
          wages: 44416.74,
          federalTaxWithheld: 6907.16,
          socialSecurityTaxWithheld: 2924.1,
          employeeName: { first: 'Kris', last: 'Public' },
          employerNameAddress: { name1: 'Tax Form Issuer, Inc', postalCode: '20191' },
          employeeAddress: { line1: '1 Main St', state: 'NY' },
          codes: [
            { code: 'C', amount: 301.5 },
            { code: 'D', amount: 2746.18 },
            { code: 'DD', amount: 4781.88 },
          ],
          other: [
            { description: 'Housing', amount: 6500 },
            { description: 'Union Dues', amount: 1500 },
          ],
          statutory: false,
          retirementPlan: true,
          thirdPartySickPay: false,
          stateTaxWithholding: [{ state: 'OH', stateTaxId: 'OH 036-133505158F-01', stateIncome: 44416.74, stateTaxWithheld: 1726.78 }],
          localTaxWithholding: [{ localityName: 'Kirtland', localIncome: 44416.74, localTaxWithheld: 427.62 }],
        },
      },
      { type: '1099', year: 2020, totalWages: null, form: { id: '60abeff60836730008616faf' }, parsedData: null },
    ]);
    expect(payroll.depositAccounts).toEqual([
      {
        accountNumber: '******0000',
        lastFour: '0000',
        routingNumber: '123123123',
        type: 'CHECKING',
        bankName: 'Molecular Bank',
        distributionType: 'PERCENT',
        distributionAmount: null,
        distributionPercent: 80,
        source: { linkedAccountId: '5f7212103a40e91f95ba376d' },
      },
      {
        accountNumber: '****1111',
        lastFour: '1111',
        routingNumber: '456456456',
        type: 'SAVINGS',
        bankName: 'Molecular Bank',
        distributionType: 'PERCENT',
        distributionAmount: null,
        distributionPercent: 20,
        source: { linkedAccountId: '5f7212103a40e91f95ba376d' },
      },
    ]);
    expect(payroll.linkedAccounts).toEqual([
      {
        id: '5f7212103a40e91f95ba376d',
        valid: true,
        transactRequired: false,
        lastSuccess: '2020-09-28T16:40:48.009Z',
        lastFailure: null,
        company: { name: 'DoTerra', logoUrl: 'https://cdn.atomicfi.com/logo.svg' },
        connector: { name: 'ADP', logoUrl: null },
      },
    ]);

    // Nothing unmasked leaks anywhere in the answer.
    const text = JSON.stringify(res.data);
    for (const secret of ['111223333', '1122330000', 'XXX-XX-1234', 'XXXX1111']) expect(text).not.toContain(secret);
  });

  it('action history entries (shape undocumented) resolve their account through the loader', async () => {
    const res = await run(`{ actionHistory(userId: "u1", accountId: "67376c5befe988922e8aabc4") {
      id type status taskId billId createdAt account { id company { name } } } }`, {
      actionHistory: [
        {
          _id: 'ah_1',
          type: 'cancel-plan',
          status: 'completed',
          accountId: '67376c5befe988922e8aabc4',
          billId: '67376c5befe988922e8adef5',
          taskId: '65b15fd99b3f03aa9edff9de',
          createdAt: '2024-11-01T10:00:00.000Z',
        },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      actionHistory: [
        {
          id: 'ah_1',
          type: 'CANCEL_PLAN',
          status: 'COMPLETED',
          taskId: '65b15fd99b3f03aa9edff9de',
          billId: '67376c5befe988922e8adef5',
          createdAt: '2024-11-01T10:00:00.000Z',
          account: { id: '67376c5befe988922e8aabc4', company: { name: 'Amazon' } },
        },
      ],
    });
  });

  it('every field of every Atomic type resolves on the examples without an error', async () => {
    const schema = executable([SCALARS]);
    /** All fields without required arguments, to a depth that reaches every Atomic type from these roots. */
    const select = (typeName: string, depth: number): string => {
      const type = schema.getType(typeName) as GraphQLObjectType;
      const parts = Object.values(type.getFields())
        .filter((f) => !f.args.some((a) => String(a.type).endsWith('!')))
        .map((f) => {
          const named = getNamedType(f.type);
          if (isLeafType(named)) return f.name;
          if (!isObjectType(named) || depth === 0) return '';
          return `${f.name} { ${select(named.name, depth - 1)} }`;
        })
        .filter((p) => p && !/^\w+ \{ {2}\}$/.test(p));
      return parts.join(' ') || '__typename';
    };
    const query = `{
      task(id: "deposit") { ${select('Task', 3)} }
      paylinkAccount(userId: "u1", id: "x") { ${select('PayLinkAccount', 4)} }
      companies { ${select('Company', 3)} }
      user(id: "u1") { bills { ${select('Bill', 3)} } tasks { ${select('Task', 2)} } payroll { ${select('Payroll', 4)} } }
    }`;
    const res = await run(query);
    expect(res.errors).toBeUndefined();
  });

  it('an unknown task status is an error on that task, not a silent null', async () => {
    const weird = { ...USER_TASKS.data.tasks[0]!, status: 'teleported' } as never;
    const schema = executable([SCALARS, atomicTypeResolvers as unknown as AnyResolvers, { User: { tasks: () => [weird] }, Query: { user: () => ({}) } }]);
    const res = await graphql({ schema, source: '{ user(id: "u") { tasks { id status } } }' });
    expect(res.errors?.[0]?.message).toMatch(/unknown task status: "teleported"/);
    expect(res.data).toEqual({ user: { tasks: null } });
  });
});
