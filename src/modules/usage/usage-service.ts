import type { EntityManager } from '@mikro-orm/knex';
import type { Dialect } from '../../db/orm-options.js';
import { badUserInput } from '../../errors/app-error.js';

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
 * Usage aggregates over [from, to), for one partner or (admin) all of them. Each figure is one
 * grouped query on the (partner_id, occurred_at) index; time buckets are computed in SQL in UTC
 * (SQLite keeps datetimes as epoch milliseconds, PostgreSQL as timestamptz).
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
    const pg = this.dialect === 'postgresql';
    const where = `${partnerId ? 'partner_id = ? and ' : ''}occurred_at >= ? and occurred_at < ?`;
    const params = [...(partnerId ? [partnerId] : []), pg ? from : from.getTime(), pg ? to : to.getTime()];
    const bucket = pg
      ? `(extract(epoch from date_trunc('${granularity.toLowerCase()}', occurred_at, 'UTC')) * 1000)::bigint`
      : `(occurred_at / ${BUCKET_MS[granularity]}) * ${BUCKET_MS[granularity]}`;
    const run = (sql: string) => this.em.getConnection().execute<Row[]>(sql, params);

    const [totals, active, institutions, categories, series] = await Promise.all([
      run(`select event_type, count(*) as n, coalesce(sum(amount_cents), 0) as amount from usage_events where ${where} group by event_type`),
      // The same user id under two partners is two users (matters for the all-partner admin report).
      run(`select count(distinct ${pg ? "partner_id::text || ':' || user_id" : "partner_id || ':' || user_id"}) as n from usage_events where ${where}`),
      run(`select institution, count(*) as n from usage_events where ${where} and event_type = 'account_link' group by institution order by n desc`),
      run(`select category, count(*) as n, coalesce(sum(amount_cents), 0) as amount from usage_events where ${where} and event_type = 'transaction' group by category order by n desc`),
      run(`select ${bucket} as bucket, event_type, count(*) as n, coalesce(sum(amount_cents), 0) as amount from usage_events where ${where} group by 1, 2 order by 1`),
    ]);
    const byType = new Map(totals.map((r) => [String(r.event_type), r]));
    const buckets = new Map<number, UsageBucketModel>();
    for (const r of series) {
      const start = num(r.bucket);
      const b = buckets.get(start) ?? { start: new Date(start), signups: 0, accountLinks: 0, transactions: 0, transactionAmountCents: 0 };
      if (r.event_type === 'user_signup') b.signups = num(r.n);
      if (r.event_type === 'account_link') b.accountLinks = num(r.n);
      if (r.event_type === 'transaction') {
        b.transactions = num(r.n);
        b.transactionAmountCents = num(r.amount);
      }
      buckets.set(start, b);
    }
    return {
      partnerId,
      from,
      to,
      granularity,
      signups: num(byType.get('user_signup')?.n),
      activeUsers: num(active[0]?.n),
      accountLinks: num(byType.get('account_link')?.n),
      accountLinksByInstitution: institutions.map((r) => ({ institution: (r.institution as string | null) ?? null, count: num(r.n) })),
      transactions: num(byType.get('transaction')?.n),
      transactionAmountCents: num(byType.get('transaction')?.amount),
      transactionsByCategory: categories.map((r) => ({ category: (r.category as string | null) ?? null, count: num(r.n), amountCents: num(r.amount) })),
      series: [...buckets.values()],
    };
  }
}
