import { performance } from 'node:perf_hooks';
import Database from 'libsql';
import pg from 'pg';
import { uuidV7 } from '../../src/modules/usage/ingest-service.js';
import { percentile } from './client.js';
import { BATCH_SIZE, batchEvents, minuteOf, VARIANTS } from './workload.js';

export interface CeilingResult {
  /** How the connection was set up, for the table (SQLite: journal mode and synchronous level). */
  label: string;
  events: number;
  seconds: number;
  eventsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

const COLUMNS = ['id', 'partner_id', 'event_type', 'user_id', 'amount_cents', 'category', 'institution', 'occurred_at', 'source', 'event_id', 'created_at'];

/**
 * Values for one batch of each kind, built once: the timed loop only fills in what differs per
 * batch (the gateway's time-ordered uuid, the event_id, the minute, the insert time), so the
 * ceiling pays for as little JavaScript as possible. `dates` turns epoch ms into the driver's form.
 */
function batchFiller(partners: string[], dates: (ms: number) => unknown): (batch: number) => unknown[] {
  const templates = Array.from({ length: VARIANTS }, (_, v) =>
    batchEvents(partners, v).flatMap((e): unknown[] => [null, e.partner_id, e.event_type, e.user_id, e.amount_cents ?? null, e.category ?? null, e.institution ?? null, null, 'ingest', null, null]),
  );
  const width = COLUMNS.length;
  return (batch) => {
    const params = templates[batch % VARIANTS]!.slice();
    const nowMs = Date.now();
    const now = dates(nowMs);
    const minute = Date.parse(`${minuteOf(batch)}Z`);
    for (let i = 0, k = 0; i < BATCH_SIZE; i++, k += width) {
      params[k] = uuidV7(nowMs);
      params[k + 7] = dates(minute + i * 100);
      params[k + 9] = `ceil-${batch}-${i}`;
      params[k + 10] = now;
    }
    return params;
  };
}

function summarise(label: string, latencies: number[], events: number, ms: number): CeilingResult {
  latencies.sort((a, b) => a - b);
  return { label, events, seconds: ms / 1000, eventsPerSec: events / (ms / 1000), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

/**
 * SQLite through `libsql` (the package the ORM's driver uses), set up like the gateway's
 * connection (foreign keys on; the journal mode is the file's own, as migrations left it): one
 * prepared 500-row INSERT, one transaction per batch.
 */
export function sqliteCeiling(file: string, partners: string[], warmupMs: number, durationMs: number): CeilingResult {
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = on');
    const pragma = (name: string) => Object.values((db.prepare(`pragma ${name}`).get() ?? {}) as Record<string, unknown>)[0];
    const journal = String(pragma('journal_mode'));
    const synchronous = ['off', 'normal', 'full', 'extra'][Number(pragma('synchronous'))] ?? '?';
    const row = `(${COLUMNS.map(() => '?').join(', ')})`;
    const insert = db.prepare(`insert into usage_events (${COLUMNS.join(', ')}) values ${Array(BATCH_SIZE).fill(row).join(', ')}`);
    const insertBatch = db.transaction((params: unknown[]) => insert.run(params));
    const paramsFor = batchFiller(partners, (ms) => ms);
    const latencies: number[] = [];
    let batch = 0;
    let events = 0;
    const start = performance.now();
    const measureFrom = start + warmupMs;
    const stopAt = measureFrom + durationMs;
    for (let t0 = start; t0 < stopAt; t0 = performance.now()) {
      insertBatch(paramsFor(batch++));
      if (t0 >= measureFrom) {
        latencies.push(performance.now() - t0);
        events += BATCH_SIZE;
      }
    }
    return summarise(`libsql, journal ${journal}, synchronous ${synchronous}`, latencies, events, performance.now() - measureFrom);
  } finally {
    db.close();
  }
}

/**
 * PostgreSQL through `pg`: a named (prepared) 500-row INSERT, each its own transaction, from
 * `connections` connections at once (the gateway's pool holds up to 10).
 */
export async function pgCeiling(url: string, partners: string[], connections: number, warmupMs: number, durationMs: number): Promise<CeilingResult> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  // pool.end() resolves before its sockets are closed; dropping the database right after may
  // terminate them, which an idle client reports as an error: nothing to do about it here.
  pool.on('error', () => undefined);
  const row = (r: number) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`;
  const text = `insert into usage_events (${COLUMNS.join(', ')}) values ${Array.from({ length: BATCH_SIZE }, (_, r) => row(r)).join(', ')}`;
  const paramsFor = batchFiller(partners, (ms) => new Date(ms));
  const latencies: number[] = [];
  let batch = 0;
  let events = 0;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const stopAt = measureFrom + durationMs;
  let lastDone = measureFrom;
  const worker = async () => {
    const client = await pool.connect();
    try {
      for (;;) {
        const t0 = performance.now();
        if (t0 >= stopAt) return;
        await client.query({ name: 'bench_insert_500', text, values: paramsFor(batch++) });
        const t1 = performance.now();
        if (t0 >= measureFrom) {
          latencies.push(t1 - t0);
          events += BATCH_SIZE;
          lastDone = t1;
        }
      }
    } finally {
      client.release();
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    await pool.end();
  }
  return summarise(`pg, ${connections} connections`, latencies, events, lastDone - measureFrom);
}
