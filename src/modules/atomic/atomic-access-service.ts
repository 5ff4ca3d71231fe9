import { createHash } from 'node:crypto';
import { AtomicPublicToken } from '../../db/entities/index.js';
import { badUserInput, notFound } from '../../errors/app-error.js';
import type {
  AtomicAccessTokenFlow,
  AtomicAccessTokenInput,
  AtomicBankAccountInput,
  AtomicBaasCardInput,
  AtomicCardInput,
  AtomicProduct as GqlAtomicProduct,
  AtomicUserIdentityInput,
  PrescreenInput,
  QueryCompaniesArgs,
  TaskStatus,
  TaskWorkflowTaskInput,
  UpdateAtomicUserInput,
} from '../../generated/graphql.js';
import type {
  AtomicAccessTokenRequest,
  AtomicAccessTokenResponse,
  AtomicAccountDetails,
  AtomicBaasCardDetails,
  AtomicCardDetails,
  AtomicCompany,
  AtomicCompanySearchRequest,
  AtomicCompanySearchResponse,
  AtomicFileUrlResponse,
  AtomicIdentityDetails,
  AtomicPrescreenResponse,
  AtomicPrescreenResult,
  AtomicTask,
  AtomicTaskDetails,
  AtomicTaskDetailsResponse,
  AtomicTaskStatusInfo,
  AtomicTaskStatusResponse,
  AtomicTaskWorkflowCreated,
  AtomicTaskWorkflowRequest,
  AtomicTaskWorkflowResponse,
  AtomicUpdateUserRequest,
  AtomicUserTasksResponse,
} from '../../upstreams/atomic/atomic-wire.js';
import { atomicUser, requireAtomicUser, type AtomicDeps } from './atomic-deps.js';
import { atomicEnums } from './type-resolvers.js';

const MIN_LIFETIME = 30 * 60;
const MAX_LIFETIME = 30 * 24 * 60 * 60;
const DEFAULT_LIFETIME = 24 * 60 * 60;

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const identityOf = (i: AtomicUserIdentityInput): AtomicIdentityDetails => ({
  firstName: i.firstName,
  lastName: i.lastName,
  address: i.address,
  ...(i.address2 ? { address2: i.address2 } : {}),
  city: i.city,
  state: i.state,
  postalCode: i.postalCode,
  phone: i.phone,
  ...(i.email ? { email: i.email } : {}),
});

const cardOf = (c: AtomicCardInput): AtomicCardDetails => ({
  number: c.number,
  expiry: c.expiry,
  ...(c.cvv ? { cvv: c.cvv } : {}),
  ...(c.title ? { title: c.title } : {}),
  ...(c.subtitle ? { subtitle: c.subtitle } : {}),
  ...(c.brand ? { brand: atomicEnums.cardBrand.toWire(c.brand) } : {}),
});

const accountOf = (a: AtomicBankAccountInput): AtomicAccountDetails => ({
  accountNumber: a.accountNumber,
  routingNumber: a.routingNumber,
  type: atomicEnums.depositAccountType.toWire(a.type),
  ...(a.title ? { title: a.title } : {}),
});

const baasCardOf = (c: AtomicBaasCardInput): AtomicBaasCardDetails => ({
  lastFour: c.lastFour,
  title: c.title,
  ...(c.subtitle ? { subtitle: c.subtitle } : {}),
  ...(c.brand ? { brand: atomicEnums.cardBrand.toWire(c.brand) } : {}),
  ...(c.expiry ? { expiry: c.expiry } : {}),
  paymentService: { galileo: { ...c.galileo } },
});

/** The input fields each flow sends to Atomic. */
const FLOW_FIELDS: Record<AtomicAccessTokenFlow, readonly ('identity' | 'cards' | 'baasCards' | 'accounts')[]> = {
  MANAGE: [],
  CDE_BYPASS: [],
  SWITCH: ['identity', 'cards', 'accounts'],
  BAAS_PASSTHROUGH: ['identity', 'baasCards', 'accounts'],
};

/**
 * Card, account or identity data the chosen flow would not send is refused rather than dropped, so
 * a partner never believes a card reached Atomic when it did not (and CDE bypass stays card-free).
 */
function refuseUnusedData(flow: AtomicAccessTokenFlow, input: AtomicAccessTokenInput): void {
  for (const field of ['identity', 'cards', 'baasCards', 'accounts'] as const) {
    const value = input[field];
    const given = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
    if (given && !FLOW_FIELDS[flow].includes(field)) {
      throw badUserInput(`${field} is not used by the ${flow} flow; send it only with ${flowsUsing(field)}.`, { field });
    }
  }
}

function flowsUsing(field: 'identity' | 'cards' | 'baasCards' | 'accounts'): string {
  return (Object.keys(FLOW_FIELDS) as AtomicAccessTokenFlow[]).filter((f) => FLOW_FIELDS[f].includes(field)).join(' or ');
}

/**
 * Access tokens, users, companies, tasks and task workflows. Card and account numbers pass through
 * to Atomic's PCI host in the request body only: never stored, never logged (got's errors are
 * scrubbed, pino redacts the field names as a second line of defence).
 */
export class AtomicAccessService {
  constructor(private readonly d: AtomicDeps) {}

  async createAccessToken(input: AtomicAccessTokenInput): Promise<{ publicToken: string }> {
    const lifetime = input.tokenLifetime ?? DEFAULT_LIFETIME;
    if (!Number.isInteger(lifetime) || lifetime < MIN_LIFETIME || lifetime > MAX_LIFETIME) {
      throw badUserInput(`tokenLifetime must be from ${MIN_LIFETIME} (30 minutes) to ${MAX_LIFETIME} (30 days) seconds.`, { field: 'tokenLifetime' });
    }
    const flow = input.flow ?? (input.baasCards?.length ? 'BAAS_PASSTHROUGH' : input.identity && (input.cards?.length || input.accounts?.length) ? 'SWITCH' : 'MANAGE');
    refuseUnusedData(flow, input);
    const ref = await requireAtomicUser(this.d, input.userId, { create: true });
    const base = { identifier: ref.identifier, tokenLifetime: lifetime };
    let body: AtomicAccessTokenRequest;
    let pci = false;
    if (flow === 'SWITCH' || flow === 'BAAS_PASSTHROUGH') {
      if (!input.identity) throw badUserInput(`${flow} needs identity.`, { field: 'identity' });
      const cards = flow === 'BAAS_PASSTHROUGH' ? (input.baasCards ?? []).map(baasCardOf) : (input.cards ?? []).map(cardOf);
      const accounts = (input.accounts ?? []).map(accountOf);
      if (cards.length + accounts.length === 0) throw badUserInput(`${flow} needs at least one card or account.`, { field: 'cards' });
      body = { ...base, identity: identityOf(input.identity), ...(cards.length ? { cards } : {}), ...(accounts.length ? { accounts } : {}) } as AtomicAccessTokenRequest;
      pci = true;
    } else {
      // MANAGE and CDE_BYPASS: the identifier alone (CDE bypass sends card data from the device later).
      body = base;
    }
    const res = await this.d.atomic().post<AtomicAccessTokenResponse>('access-token', body, { pci });
    const publicToken = res.data.publicToken;
    this.d.em.create(AtomicPublicToken, {
      endUser: ref.user.id,
      tokenHash: tokenHash(publicToken),
      expiresAt: new Date(Date.now() + lifetime * 1000),
      revokedAt: null,
    });
    await this.d.em.flush();
    return { publicToken };
  }

  /** Only tokens this partner created can be revoked through it. */
  async revokeAccessToken(publicToken: string): Promise<boolean> {
    const row = await this.d.em.findOne(AtomicPublicToken, { tokenHash: tokenHash(publicToken), endUser: this.d.tenant.users });
    if (!row) throw notFound('No such Atomic public token for this partner.');
    await this.d.atomic().put(`access-token/${encodeURIComponent(publicToken)}/revoke`);
    row.revokedAt ??= new Date();
    await this.d.em.flush();
    return true;
  }

  async updateUser(input: UpdateAtomicUserInput): Promise<boolean> {
    const ref = await requireAtomicUser(this.d, input.userId);
    const cards = [...(input.cards ?? []).map(cardOf), ...(input.baasCards ?? []).map(baasCardOf)];
    const body: AtomicUpdateUserRequest = {
      identifier: ref.identifier,
      data: {
        ...(input.identity ? { identity: identityOf(input.identity) } : {}),
        ...(cards.length ? { cards } : {}),
        ...(input.accounts?.length ? { accounts: input.accounts.map(accountOf) } : {}),
      },
    };
    await this.d.atomic().put('user', body, { pci: true });
    return true;
  }

  async endMonitoring(userId: string): Promise<boolean> {
    const ref = await requireAtomicUser(this.d, userId);
    await this.d.atomic().put(`user/${encodeURIComponent(ref.identifier)}/end-monitoring`);
    return true;
  }

  async companies(args: QueryCompaniesArgs): Promise<AtomicCompany[]> {
    const body: AtomicCompanySearchRequest = {
      ...(args.query ? { query: args.query } : {}),
      ...(args.product ? { product: atomicEnums.product.toWire(args.product) } : {}),
      ...(args.products?.length ? { products: args.products.map((p) => atomicEnums.product.toWire(p)) } : {}),
      ...(args.tags?.length ? { tags: args.tags as AtomicCompanySearchRequest['tags'] } : {}),
      ...(args.excludedTags?.length ? { excludedTags: args.excludedTags as AtomicCompanySearchRequest['excludedTags'] } : {}),
    };
    const res = await this.d.atomic().post<AtomicCompanySearchResponse>('company/search', body, { readOnly: true });
    return res.data;
  }

  async tasks(userId: string, status: TaskStatus | null | undefined, payrollDataAvailable?: boolean | null): Promise<AtomicTask[]> {
    const ref = await atomicUser(this.d, userId);
    if (!ref) return [];
    const res = await this.d.atomic().get<AtomicUserTasksResponse>(`user/${encodeURIComponent(ref.identifier)}/tasks`, {
      status: status ? atomicEnums.taskStatus.toWire(status) : undefined,
      payrollDataAvailable: payrollDataAvailable ?? undefined,
    });
    return res.data.tasks;
  }

  /** A task, only when it belongs to one of this partner's users (task ids are global at Atomic). */
  async task(taskId: string): Promise<AtomicTaskDetails | null> {
    const res = await this.d.atomic().get<AtomicTaskDetailsResponse>(`task/${encodeURIComponent(taskId)}/details`).catch((err: unknown) => {
      if ((err as { extensions?: { upstream?: { status?: number } } }).extensions?.upstream?.status === 404) return null;
      throw err;
    });
    const task = res?.data.task;
    if (!task || !(await this.d.identity.ownedByScope(task.user.identifier, this.d.tenant))) return null;
    return task;
  }

  /** Live status, after the same ownership check as task() (the status answer names no user). */
  async taskStatus(taskId: string): Promise<AtomicTaskStatusInfo | null> {
    if (!(await this.task(taskId))) return null;
    const res = await this.d.atomic().get<AtomicTaskStatusResponse>(`task/${encodeURIComponent(taskId)}/status`);
    // 2022-12-02 wraps it as { data: { task } }; older versions answer it bare.
    return 'data' in res ? res.data.task : res;
  }

  async fileUrl(taskId: string, fileId: string): Promise<string> {
    const res = await this.d.atomic().get<AtomicFileUrlResponse>(`task/${encodeURIComponent(taskId)}/file/${encodeURIComponent(fileId)}/generate-url`);
    return res.url;
  }

  async prescreen(input: PrescreenInput): Promise<AtomicPrescreenResult> {
    if (!input.company.id && !input.company.name) throw badUserInput('company needs an id or a name.', { field: 'company' });
    const res = await this.d.atomic().post<AtomicPrescreenResponse>(
      'task/prescreen',
      { company: { ...(input.company.id ? { id: input.company.id } : {}), ...(input.company.name ? { name: input.company.name } : {}) }, product: atomicEnums.product.toWire(input.product as GqlAtomicProduct) },
      { readOnly: true },
    );
    return res.data;
  }

  async startTaskWorkflow(userId: string, linkedAccountId: string, tasks: TaskWorkflowTaskInput[]): Promise<AtomicTaskWorkflowCreated> {
    const ref = await requireAtomicUser(this.d, userId);
    const linked = await this.d.atomic().get<{ data: { _id: string }[] }>(`linked-account/list/${encodeURIComponent(ref.identifier)}`);
    if (!linked.data.some((a) => a._id === linkedAccountId)) throw notFound(`No linked account ${linkedAccountId} for user ${userId}.`);
    if (tasks.length === 0) throw badUserInput('tasks must not be empty.', { field: 'tasks' });
    const body: AtomicTaskWorkflowRequest = {
      linkedAccount: linkedAccountId,
      tasks: tasks.map((t) => ({
        operation: atomicEnums.product.toWire(t.operation) as AtomicTaskWorkflowRequest['tasks'][number]['operation'],
        onComplete: (t.onComplete ?? 'CONTINUE').toLowerCase() as 'continue' | 'finish',
        onFail: (t.onFail ?? 'CONTINUE').toLowerCase() as 'continue' | 'finish',
        ...(t.distribution
          ? {
              distribution: {
                type: atomicEnums.distributionType.toWire(t.distribution.type),
                ...(t.distribution.type === 'FIXED' && t.distribution.amount != null ? { amount: t.distribution.amount / 100 } : {}),
                ...(t.distribution.type === 'PERCENT' && t.distribution.percent != null ? { amount: t.distribution.percent } : {}),
                ...(t.distribution.canUpdate != null ? { canUpdate: t.distribution.canUpdate } : {}),
              },
            }
          : {}),
      })),
    };
    const res = await this.d.atomic().post<AtomicTaskWorkflowResponse>('task-workflow/from-linked-account', body);
    return res.data;
  }
}
