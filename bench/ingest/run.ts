/**
 * `npm run bench:ingest` — ingest throughput over HTTP against a separately running gateway, the
 * raw-driver ceiling for the same rows, and (PostgreSQL) usage aggregation over a month of events.
 *
 *   --duration 10 --warmup 3 --concurrency 12   measured seconds, warm-up seconds, requests in flight
 *   --dialects sqlite,postgresql                 which databases to benchmark ingest on
 *   --pg postgresql://postgres@127.0.0.1:5432/test   admin URL for scratch databases (or BENCH_PG_URL / DATABASE_URL)
 *   --sqlite-wal                                 switch the SQLite files to journal_mode=WAL first (a preview)
 *   --aggregate                                  only the aggregation part
 *   --skip-aggregate                             only the ingest part
 *   --events 10000000 --partners 50 --runs 5     aggregation data set size and timing runs
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runAggregate } from './aggregate.js';
import { pgCeiling, sqliteCeiling, type CeilingResult } from './ceiling.js';
import { runLoad, type LoadResult } from './client.js';
import { startGatewayProcess } from './server.js';
import { prepareDatabase, type Dialect } from './setup.js';
import { fmtInt, fmtMs, fmtPct, markdownTable } from './table.js';
import { bodyTemplates } from './workload.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '12' },
    dialects: { type: 'string', default: 'sqlite,postgresql' },
    pg: { type: 'string', default: process.env.BENCH_PG_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' },
    'sqlite-wal': { type: 'boolean', default: false },
    aggregate: { type: 'boolean', default: false },
    'skip-aggregate': { type: 'boolean', default: false },
    events: { type: 'string', default: '10000000' },
    partners: { type: 'string', default: '50' },
    runs: { type: 'string', default: '5' },
  },
});

const durationMs = Number(args.duration) * 1000;
const warmupMs = Number(args.warmup) * 1000;
const concurrency = Number(args.concurrency);
const pgAdminUrl = args.pg!;
const SQLITE_TARGET_EVENTS_PER_SEC = 50_000;
const TARGET_RATIO = 0.4;
/** The gateway's PostgreSQL pool size (src/db/orm-options.ts). */
const PG_POOL_MAX = 10;

interface DialectResult {
  dialect: Dialect;
  http: LoadResult;
  peakRssMiB: number;
  ceiling: CeilingResult;
}

async function benchDialect(dialect: Dialect): Promise<DialectResult> {
  const secret = randomBytes(24).toString('hex');
  const db = await prepareDatabase(dialect, pgAdminUrl, 4, args['sqlite-wal']);
  let http: LoadResult;
  let peakRssMiB: number;
  try {
    const gateway = await startGatewayProcess(db.env, secret);
    try {
      console.log(
        `  ${dialect}: gateway pid ${gateway.pid} at ${gateway.url} (RSS ${gateway.rssMiB().toFixed(0)} MiB after start); ${concurrency} clients, ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s`,
      );
      http = await runLoad({ url: gateway.url, secret, templates: bodyTemplates(db.partners), concurrency, warmupMs, durationMs });
      peakRssMiB = gateway.peakRssMiB();
    } finally {
      await gateway.stop();
    }
  } finally {
    await db.drop();
  }
  console.log(`  ${dialect}: ${fmtInt(http.eventsPerSec)} events/s over HTTP; ceiling…`);
  const ceilDb = await prepareDatabase(dialect, pgAdminUrl, 4, args['sqlite-wal']);
  const ceilingConnections = dialect === 'postgresql' ? Math.min(concurrency, PG_POOL_MAX) : 1;
  let ceiling: CeilingResult;
  try {
    ceiling =
      ceilDb.config.kind === 'sqlite'
        ? sqliteCeiling(ceilDb.config.path, ceilDb.partners, Math.min(warmupMs, 1000), Math.min(durationMs, 5000))
        : await pgCeiling(ceilDb.config.url, ceilDb.partners, ceilingConnections, Math.min(warmupMs, 1000), Math.min(durationMs, 5000));
  } finally {
    await ceilDb.drop();
  }
  console.log(`  ${dialect}: ceiling ${fmtInt(ceiling.eventsPerSec)} events/s`);
  return { dialect, http, peakRssMiB, ceiling };
}

function ingestTable(results: DialectResult[]): string {
  const name = (d: Dialect) => (d === 'sqlite' ? 'SQLite' : 'PostgreSQL');
  const rows = results.flatMap((r) => [
    [`${name(r.dialect)} gateway (HTTP, ${concurrency} clients)`, fmtInt(r.http.eventsPerSec), fmtMs(r.http.p50Ms), fmtMs(r.http.p99Ms), r.peakRssMiB.toFixed(0), fmtPct(r.http.eventsPerSec / r.ceiling.eventsPerSec)],
    [`${name(r.dialect)} ceiling (${r.ceiling.label})`, fmtInt(r.ceiling.eventsPerSec), fmtMs(r.ceiling.p50Ms), fmtMs(r.ceiling.p99Ms), '', ''],
  ]);
  return markdownTable(['500-event batches', 'events/s', 'p50 ms', 'p99 ms', 'peak RSS MiB', 'gateway/ceiling'], rows);
}

console.log(`ingest benchmark — ${os.cpus().length} CPUs, node ${process.version}, ${new Date().toISOString()}, load average ${os.loadavg()[0]!.toFixed(2)}`);
if (os.loadavg()[0]! > 0.5) console.log('  (other work is running on this machine: the figures will be lower and noisier than on an idle one)');
const started = Date.now();

if (!args.aggregate) {
  const results: DialectResult[] = [];
  for (const dialect of args.dialects!.split(',').map((d) => d.trim()) as Dialect[]) {
    if (dialect !== 'sqlite' && dialect !== 'postgresql') throw new Error(`unknown dialect ${dialect}`);
    results.push(await benchDialect(dialect));
  }
  console.log(`\n${ingestTable(results)}\n`);
  const sqlite = results.find((r) => r.dialect === 'sqlite');
  if (sqlite) {
    const okRate = sqlite.http.eventsPerSec >= SQLITE_TARGET_EVENTS_PER_SEC;
    const okRatio = sqlite.http.eventsPerSec / sqlite.ceiling.eventsPerSec >= TARGET_RATIO;
    console.log(`target SQLite ≥ ${fmtInt(SQLITE_TARGET_EVENTS_PER_SEC)} events/s over HTTP: ${okRate ? 'met' : 'NOT met'}`);
    console.log(`target SQLite ≥ ${fmtPct(TARGET_RATIO)} of the raw-driver ceiling: ${okRatio ? 'met' : 'NOT met'}`);
  }
}

if (!args['skip-aggregate']) {
  const result = await runAggregate({ adminUrl: pgAdminUrl, events: Number(args.events), partners: Number(args.partners), runs: Number(args.runs) });
  console.log(`\n${result.table}\n`);
}

console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
