import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../../src/db/orm.js';
import { createScratchDatabase, dropDatabase } from '../../src/db/postgres-admin.js';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { UsageService, type Granularity } from '../../src/modules/usage/usage-service.js';
import { fmtInt, fmtMs, markdownTable } from './table.js';
import { MONTH_END, MONTH_START } from './workload.js';

export interface AggregateOptions {
  adminUrl: string;
  events: number;
  partners: number;
  runs: number;
}

/** Loading sessions running at once (one per core of the benchmark machine is plenty). */
const LOAD_SESSIONS = 2;

/**
 * Same mix as the ingest workload (70 % transactions, 10 % account links, 20 % signups), in time
 * order over the month, partners round-robin, ~4,000 active users per partner; ids time-ordered
 * like the gateway's (UUID v7 layout), event ids increasing.
 */
const LOAD_SQL = `
insert into usage_events (id, partner_id, event_type, user_id, amount_cents, category, institution, occurred_at, source, event_id, created_at)
select (substr(t.ms, 1, 8) || '-' || substr(t.ms, 9, 4) || '-7' || substr(gen_random_uuid()::text, 16))::uuid,
       ($1::uuid[])[1 + g % $2], t.event_type, 'usr_' || ((g * 7919) % 200000),
       case when t.event_type = 'transaction' then 100 + (g * 977) % 250000 end,
       case when t.event_type = 'transaction' then (array['groceries','dining','rent','travel','utilities','shopping','transport','health','entertainment','income'])[1 + (g / $2 / 10) % 10] end,
       case when t.event_type = 'account_link' then (array['chase','bank_of_america','wells_fargo','citi','capital_one','us_bank','pnc','td_bank'])[1 + (g / $2 / 10) % 8] end,
       t.ts, 'ingest', 'agg-' || lpad(g::text, 10, '0'), t.ts
from generate_series($3::bigint, $4::bigint) g,
     lateral (select case when (g / $2) % 10 < 2 then 'user_signup' when (g / $2) % 10 = 2 then 'account_link' else 'transaction' end as event_type,
                     $5::timestamptz + make_interval(secs => (g - 1) * $6::float8) as ts) t0,
     lateral (select t0.event_type, t0.ts, lpad(to_hex((extract(epoch from t0.ts) * 1000)::bigint), 12, '0') as ms) t`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Index names (and scan kinds) in a JSON plan. */
function scans(plan: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) plan.forEach((p) => scans(p, out));
  else if (plan && typeof plan === 'object') {
    const node = plan as Record<string, unknown>;
    const type = node['Node Type'];
    if (typeof type === 'string' && /Scan$/.test(type) && type !== 'Subquery Scan') out.add(node['Index Name'] ? `${type} using ${node['Index Name']}` : type);
    Object.values(node).forEach((v) => scans(v, out));
  }
  return out;
}

/**
 * Loads `events` usage events for one month into a scratch PostgreSQL database (INSERT … SELECT
 * over generate_series, in parallel sessions), VACUUM ANALYZE, then times UsageService.report for
 * one partner and for all partners (adminUsage), DAY and HOUR, median of `runs` after a warm-up.
 */
export async function runAggregate(opts: AggregateOptions): Promise<{ table: string }> {
  const url = await createScratchDatabase(opts.adminUrl, 'aggregate');
  try {
    const orm = await openDatabase({ kind: 'postgresql', url });
    try {
      const partners: string[] = [];
      for (let i = 1; i <= opts.partners; i++) partners.push((await new PartnerService(orm.em.fork()).createPartner(`Aggregate Partner ${i}`)).partner.id);

      await orm.em.getConnection().execute('alter table usage_events enable always trigger usage_events_rollup');
      const t0 = performance.now();
      const secondsPerEvent = (MONTH_END.getTime() - MONTH_START.getTime()) / 1000 / opts.events;
      const per = Math.ceil(opts.events / LOAD_SESSIONS);
      await Promise.all(
        Array.from({ length: LOAD_SESSIONS }, async (_, s) => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            // The rows reference existing partners by construction: skip the per-row FK trigger, as a bulk
            // load does, but keep the rollup trigger (ENABLE ALWAYS fires it in replica mode too), so the
            // rollups are built by the same code as in production, one statement per session.
            await client.query('set session_replication_role = replica');
            await client.query(LOAD_SQL, [partners, partners.length, s * per + 1, Math.min(opts.events, (s + 1) * per), MONTH_START, secondsPerEvent]);
          } finally {
            await client.end();
          }
        }),
      );
      const loadSeconds = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      await orm.em.getConnection().execute('vacuum analyze usage_events, usage_hourly_rollups, usage_user_months');
      const vacuumSeconds = (performance.now() - t1) / 1000;
      const scalar = async (sql: string, params: unknown[] = []) => String((await orm.em.getConnection().execute<{ v: unknown }[]>(sql, params))[0]?.v);
      const n = await scalar('select count(*) as v from usage_events');
      const size = await scalar(`select pg_size_pretty(pg_total_relation_size('usage_events')) as v`);
      const indexes = await orm.em.getConnection().execute<{ name: string; size: string }[]>(
        `select indexrelid::regclass::text as name, pg_size_pretty(pg_relation_size(indexrelid)) as size from pg_index where indrelid = 'usage_events'::regclass order by 1`,
      );
      console.log(`  aggregate: loaded ${fmtInt(Number(n))} events for ${opts.partners} partners in ${loadSeconds.toFixed(1)} s, rollups included (+ vacuum analyze ${vacuumSeconds.toFixed(1)} s), table + indexes ${size} (${indexes.map((i) => `${i.name} ${i.size}`).join(', ')})`);
      const rollups: string[] = [];
      for (const t of ['usage_hourly_rollups', 'usage_user_months']) {
        rollups.push(`${t}: ${fmtInt(Number(await scalar(`select count(*) as v from ${t}`)))} rows, ${await scalar(`select pg_size_pretty(pg_total_relation_size('${t}')) as v`)}`);
      }
      console.log(`  aggregate: ${rollups.join('; ')}`);

      const partnerId = partners[0]!;
      const partnerEvents = await scalar('select count(*) as v from usage_events where partner_id = ?', [partnerId]);
      const rows: string[][] = [];
      for (const scope of [partnerId, null]) {
        for (const granularity of ['DAY', 'HOUR'] as Granularity[]) {
          const service = new UsageService(orm.em.fork(), 'postgresql');
          const times: number[] = [];
          // All partners take seconds a run: fewer runs and no warm-up keep the benchmark short.
          const runs = scope ? opts.runs + 1 : Math.min(opts.runs, 3);
          for (let r = 0; r < runs; r++) {
            const s = performance.now();
            await service.report(scope, MONTH_START, MONTH_END, granularity);
            if (!scope || r > 0) times.push(performance.now() - s);
          }
          rows.push([
            scope ? `one partner (${fmtInt(Number(partnerEvents))} events)` : `all partners (${fmtInt(Number(n))} events)`,
            granularity,
            fmtMs(median(times)),
            fmtMs(Math.min(...times)),
            fmtMs(Math.max(...times)),
            String(times.length),
          ]);
          console.log(`  aggregate: ${rows.at(-1)!.join(' | ')}`);
        }
      }
      const plans: string[] = [];
      for (const scope of [partnerId, null]) {
        const where = scope ? 'partner_id = ?' : 'partner_id in (select id from partners)';
        const params = [...(scope ? [scope] : []), MONTH_START, MONTH_END];
        const res = await orm.em.getConnection().execute<{ 'QUERY PLAN': unknown }[]>(
          `explain (format json) select * from usage_hourly_rollups where ${where} and hour_start >= ? and hour_start < ?`,
          params,
        );
        plans.push(`${scope ? 'one partner' : 'all partners'}: ${[...scans(res[0]!['QUERY PLAN'])].join(', ')}`);
      }
      const table = markdownTable(['UsageService.report, month of March 2026', 'granularity', 'median ms', 'min ms', 'max ms', 'runs'], rows);
      return { table: `${table}\n\n${rollups.join('; ')}\n\nplans (hourly rollup read): ${plans.join('; ')}` };
    } finally {
      await orm.close(true);
    }
  } finally {
    await dropDatabase(url);
  }
}
