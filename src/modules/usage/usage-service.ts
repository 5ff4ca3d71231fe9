import type { EntityManager } from '@mikro-orm/knex';
import type { Dialect } from '../../db/orm-options.js';
import { badUserInput } from '../../errors/app-error.js';
import { planWindow, type Span, type WindowPlan } from './usage-window.js';

export type Granularity = 'HOUR' | 'DAY';

export interface UsageReportModel {
  partnerId: string | null;
  from: Date;
  to: Date;
  granularity: Granularity;
  signups: number;
  activeUsers: number;
  accountLinks: number;
  accountLinksByInstitution: { institution: string | null; count: number }[];
  transactions: number;
  transactionAmountCents: number;
  transactionsByCategory: { category: string | null; count: number; amountCents: number }[];
  series: UsageBucketModel[];
}

export interface UsageBucketModel {
  start: Date;
  signups: number;
  accountLinks: number;
  transactions: number;
  transactionAmountCents: number;
}

const MAX_BUCKETS = 24 * 366;
const BUCKET_MS: Record<Granularity, number> = { HOUR: 3_600_000, DAY: 86_400_000 };

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

/**
 * Usage aggregates over [from, to), for one partner or (admin) all of them.
 *
 * Reads the rollup tables the `usage_events` triggers keep (usage-rollup.entity.ts) for whole hours
 * and whole days, and raw events only for the partial hour/day at either edge of the window (the
 * split is `planWindow`). So a month of 10 million events is ~20 rollup rows per partner-hour plus
 * one bitmap row per active user, not 10 million rows (docs/benchmarks.md has the figures). Time
 * buckets are computed in SQL in UTC (SQLite keeps datetimes as epoch milliseconds, PostgreSQL as
 * timestamptz).
 */
export class UsageService {
  constructor(
    private readonly em: EntityManager,
    private readonly dialect: Dialect,
  ) {}

  async report(partnerId: string | null, from: Date, to: Date, granularity: Granularity): Promise<UsageReportModel> {
    if (!(from.getTime() < to.getTime())) throw badUserInput('from must be before to.', { field: 'from' });
    if ((to.getTime() - from.getTime()) / BUCKET_MS[granularity] > MAX_BUCKETS) {
      throw badUserInput(`The window holds more than ${MAX_BUCKETS} ${granularity.toLowerCase()} buckets; use DAY or a shorter window.`, { field: 'granularity' });
    }
    const plan = planWindow(from, to);
    const [counts, activeUsers] = await Promise.all([this.counts(partnerId, plan, granularity), this.activeUsers(partnerId, plan)]);

    const totals = new Map<string, { n: number; amount: number }>();
    const categories = new Map<string | null, { count: number; amountCents: number }>();
    const institutions = new Map<string | null, number>();
    const buckets = new Map<number, UsageBucketModel>();
    for (const r of counts) {
      const type = String(r.event_type);
      const n = num(r.n);
      const amount = num(r.amount);
      const dimension = r.dimension === '' || r.dimension == null ? null : String(r.dimension);
      const total = totals.get(type) ?? { n: 0, amount: 0 };
      totals.set(type, { n: total.n + n, amount: total.amount + amount });
      if (type === 'transaction') {
        const c = categories.get(dimension) ?? { count: 0, amountCents: 0 };
        categories.set(dimension, { count: c.count + n, amountCents: c.amountCents + amount });
      }
      if (type === 'account_link') institutions.set(dimension, (institutions.get(dimension) ?? 0) + n);
      const start = num(r.bucket);
      const b = buckets.get(start) ?? { start: new Date(start), signups: 0, accountLinks: 0, transactions: 0, transactionAmountCents: 0 };
      if (type === 'user_signup') b.signups += n;
      if (type === 'account_link') b.accountLinks += n;
      if (type === 'transaction') {
        b.transactions += n;
        b.transactionAmountCents += amount;
      }
      buckets.set(start, b);
    }
    const byCountDesc = <T extends { count: number }>(a: T & { key: string | null }, b: T & { key: string | null }) =>
      b.count - a.count || String(a.key).localeCompare(String(b.key));
    return {
      partnerId,
      from,
      to,
      granularity,
      signups: totals.get('user_signup')?.n ?? 0,
      activeUsers,
      accountLinks: totals.get('account_link')?.n ?? 0,
      accountLinksByInstitution: [...institutions]
        .map(([key, count]) => ({ key, count }))
        .sort(byCountDesc)
        .map(({ key, count }) => ({ institution: key, count })),
      transactions: totals.get('transaction')?.n ?? 0,
      transactionAmountCents: totals.get('transaction')?.amount ?? 0,
      transactionsByCategory: [...categories]
        .map(([key, c]) => ({ key, ...c }))
        .sort(byCountDesc)
        .map(({ key, count, amountCents }) => ({ category: key, count, amountCents })),
      series: [...buckets.values()].sort((a, b) => a.start.getTime() - b.start.getTime()),
    };
  }

  /** Event counts and amounts per (bucket, event type, category/institution): whole hours from the rollup, edges raw. */
  private counts(partnerId: string | null, plan: WindowPlan, granularity: Granularity): Promise<Row[]> {
    const pg = this.dialect === 'postgresql';
    const parts: string[] = [];
    const params: unknown[] = [];
    if (plan.rollupHours) {
      parts.push(`select hour_start as t, event_type, dimension, events as n, amount_cents as amount from usage_hourly_rollups
                  where ${this.scope(partnerId, params)} and hour_start >= ? and hour_start < ?`);
      params.push(this.time(plan.rollupHours.from), this.time(plan.rollupHours.to));
    }
    if (plan.rawForCounts.length) {
      parts.push(`select occurred_at as t, event_type, coalesce(category, institution, '') as dimension, 1 as n, coalesce(amount_cents, 0) as amount
                  from usage_events where ${this.scope(partnerId, params)} and (${this.spans(plan.rawForCounts, params)})`);
    }
    const ms = BUCKET_MS[granularity];
    const bucket = pg ? `(extract(epoch from date_trunc('${granularity.toLowerCase()}', t, 'UTC')) * 1000)::bigint` : `(t / ${ms}) * ${ms}`;
    return this.em
      .getConnection()
      .execute<Row[]>(`select ${bucket} as bucket, event_type, dimension, sum(n) as n, sum(amount) as amount from (${parts.join(' union all ')}) s group by 1, 2, 3`, params);
  }

  /** Distinct (partner, user) pairs with an event in the window: whole days from the user-month bitmaps, edges raw. */
  private async activeUsers(partnerId: string | null, plan: WindowPlan): Promise<number> {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (plan.userMonths.length) {
      const scope = this.scope(partnerId, params);
      const months = plan.userMonths.map((m) => {
        params.push(this.time(m.monthStart), m.mask);
        return '(month_start = ? and (active_days & ?) <> 0)';
      });
      parts.push(`select distinct partner_id, user_id from usage_user_months where ${scope} and (${months.join(' or ')})`);
    }
    if (plan.rawForUsers.length) {
      parts.push(`select distinct partner_id, user_id from usage_events where ${this.scope(partnerId, params)} and user_id is not null and (${this.spans(plan.rawForUsers, params)})`);
    }
    // `distinct` and `union` (not `union all`): a user active on several days, or on a whole day and
    // on an edge, counts once. The same user id under two partners is two users (matters for the
    // all-partner admin report).
    const rows = await this.em.getConnection().execute<Row[]>(`select count(*) as n from (${parts.join(' union ')}) u`, params);
    return num(rows[0]?.n);
  }

  /**
   * The partner filter. For the admin report it is still a filter on partner_id, over every
   * partner: that lets the database range-scan the (partner, time) keys of each partner instead of
   * scanning whole tables for a few edge minutes.
   */
  private scope(partnerId: string | null, params: unknown[]): string {
    if (!partnerId) return 'partner_id in (select id from partners)';
    params.push(partnerId);
    return 'partner_id = ?';
  }

  private spans(spans: Span[], params: unknown[]): string {
    return spans
      .map((s) => {
        params.push(this.time(s.from), this.time(s.to));
        return '(occurred_at >= ? and occurred_at < ?)';
      })
      .join(' or ');
  }

  private time(d: Date): Date | number {
    return this.dialect === 'postgresql' ? d : d.getTime();
  }
}
