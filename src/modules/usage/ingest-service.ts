import type { EntityManager, Knex } from '@mikro-orm/knex';
import { randomUUID } from 'node:crypto';
import { UsageEvent } from '../../db/entities/index.js';
import { AppError } from '../../errors/app-error.js';
import type { PartnerDirectory } from './partner-directory.js';
import { MAX_BATCH, type ValidEvent } from './ingest-validation.js';

export interface IngestResult {
  accepted: number;
  partners: string[];
  duplicates: number;
}

/** An event the gateway records about its own activity (a link, a surfaced transaction, a signup). */
export interface InternalUsageEvent {
  partnerId: string;
  eventType: ValidEvent['eventType'];
  userId: string;
  occurredAt: Date;
  amountCents?: number;
  category?: string | null;
  institution?: string | null;
}

/** Told which partners' counters moved (live subscriptions listen). */
export type UsageNotifier = (partnerIds: string[]) => void;

/**
 * The one way usage events are stored, for the ingest API and the gateway's own events alike:
 * one multi-row INSERT per request, all or nothing. Ingested events name partners that must exist
 * (otherwise 400 with `missing`, nothing stored); an event_id already stored is skipped by the
 * unique index (ON CONFLICT DO NOTHING) and counted as a duplicate.
 */
export class IngestService {
  constructor(
    private readonly directory: PartnerDirectory,
    private readonly notify: UsageNotifier,
  ) {}

  async ingest(em: EntityManager, events: ValidEvent[]): Promise<IngestResult> {
    const partnerIds = [...new Set(events.map((e) => e.partnerId))];
    const missing = await this.directory.missing(em, partnerIds);
    if (missing.length > 0) {
      throw new AppError('BAD_USER_INPUT', `Unknown partner_id${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. Nothing was stored.`, {
        extensions: { missing },
      });
    }
    const accepted = await this.insert(em, events, 'ingest');
    this.notify(partnerIds);
    return { accepted, partners: partnerIds, duplicates: events.length - accepted };
  }

  /** Inside the caller's transaction (the event commits with the change that caused it). */
  async recordInternal(em: EntityManager, events: InternalUsageEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.insert(
      em,
      events.map((e) => ({
        partnerId: e.partnerId,
        eventType: e.eventType,
        userId: e.userId,
        amountCents: e.amountCents ?? null,
        category: e.category ?? null,
        institution: e.institution ?? null,
        occurredAt: e.occurredAt,
        eventId: null,
      })),
      'internal',
    );
    this.notify([...new Set(events.map((e) => e.partnerId))]);
  }

  /**
   * Returns how many rows were stored (duplicates of a stored event_id are not). One multi-row
   * INSERT with bound parameters (a single statement is all or nothing by itself): through the
   * caller's transaction when there is one, otherwise straight on a pooled connection (SQLite: the
   * group writer below) with the statement prepared once per connection. Deliberately not the
   * query builder: for a 500-event batch its per-row entity mapping and inlining of 5,500 values
   * cost more than the insert itself.
   */
  private async insert(em: EntityManager, events: ValidEvent[], source: 'ingest' | 'internal'): Promise<number> {
    const knex = em.getConnection().getKnex();
    const pg = knex.client.dialect === 'postgresql';
    const statement = insertStatement(em, pg, events.length, events.some((e) => e.eventId !== null));
    const now = new Date();
    const ids = uuidV7Prefix(now.getTime());
    // SQLite keeps datetimes as epoch milliseconds (what the ORM writes); PostgreSQL takes ISO 8601
    // text for timestamptz (cheaper than pg's own Date formatting, same instant).
    const nowValue = pg ? now.toISOString() : now.getTime();
    const params: Knex.Value[] = new Array(events.length * COLUMN_COUNT);
    let k = 0;
    for (const e of events) {
      params[k++] = ids + randomUUID().slice(15);
      params[k++] = e.partnerId;
      params[k++] = e.eventType;
      params[k++] = e.userId;
      params[k++] = e.amountCents;
      params[k++] = e.category;
      params[k++] = e.institution;
      params[k++] = pg ? e.occurredAt.toISOString() : e.occurredAt.getTime();
      params[k++] = source;
      params[k++] = e.eventId;
      params[k++] = nowValue;
    }
    const ctx = em.getTransactionContext<Knex.Transaction>();
    if (ctx) {
      const result = (await knex.raw(statement.knexSql, params).transacting(ctx)) as DriverResult;
      return affectedRows(result);
    }
    if (!pg) return sqliteWriter(knex).write(statement, params);
    const client = (await knex.client.acquireConnection()) as { query(q: { text: string; values: unknown[]; name?: string }): Promise<DriverResult> };
    try {
      return affectedRows(await client.query({ text: statement.sql, values: params, ...(statement.name ? { name: statement.name } : {}) }));
    } finally {
      await knex.client.releaseConnection(client);
    }
  }
}

/** SQLite (libsql) answers { changes }, PostgreSQL (pg) { rowCount }. */
type DriverResult = { changes?: number; rowCount?: number | null };
const affectedRows = (r: DriverResult) => Number(r.changes ?? r.rowCount ?? 0);

/** The columns in the order `insert` binds them, by entity property. */
const COLUMN_PROPERTIES = ['id', 'partner', 'eventType', 'userId', 'amountCents', 'category', 'institution', 'occurredAt', 'source', 'eventId', 'createdAt'] as const;
const COLUMN_COUNT = COLUMN_PROPERTIES.length;

interface InsertStatement {
  /** In the driver's own placeholders ($1… for pg, ? for SQLite). */
  sql: string;
  /** With knex's `?` placeholders (inside a transaction, through knex). */
  knexSql: string;
  /** Kept for reuse: named on PostgreSQL (parsed and planned once per connection), prepared once per SQLite connection. */
  name?: string;
}

const statements = new Map<string, InsertStatement>();

/**
 * `insert into usage_events (…) values (…), … [on conflict (event_id) do nothing]` for `rows`
 * rows, with table and column names from the entity metadata. Cheap to build; only the full-batch
 * and single-event statements are kept (and prepared once per connection).
 */
function insertStatement(em: EntityManager, pg: boolean, rows: number, ignoreDuplicates: boolean): InsertStatement {
  const key = `${pg}:${rows}:${ignoreDuplicates}`;
  const cached = statements.get(key);
  if (cached) return cached;
  const meta = em.getMetadata(UsageEvent);
  const column = (p: string) => meta.properties[p as keyof typeof meta.properties].fieldNames[0]!;
  const head = `insert into ${meta.tableName} (${COLUMN_PROPERTIES.map(column).join(', ')}) values `;
  const tail = ignoreDuplicates ? ` on conflict (${column('eventId')}) do nothing` : '';
  const values = (placeholder: (n: number) => string) =>
    Array.from({ length: rows }, (_, r) => `(${COLUMN_PROPERTIES.map((_, c) => placeholder(r * COLUMN_COUNT + c + 1)).join(', ')})`).join(', ');
  const knexSql = head + values(() => '?') + tail;
  const sql = pg ? head + values((n) => `$${n}`) + tail : knexSql;
  const keep = rows === 1 || rows === MAX_BATCH;
  const statement: InsertStatement = keep ? { sql, knexSql, name: `afg_usage_insert_${rows}${ignoreDuplicates ? '_dedupe' : ''}` } : { sql, knexSql };
  if (keep) statements.set(key, statement);
  return statement;
}

/** The slice of a libsql connection used here. */
interface SqliteConnection {
  prepare(sql: string): { run(params: unknown[]): unknown };
  exec(sql: string): void;
  readonly inTransaction: boolean;
}

interface PendingBatch {
  statement: InsertStatement;
  params: Knex.Value[];
  resolve(accepted: number): void;
  reject(err: unknown): void;
}

/** Most batches one SQLite transaction takes (bounds the latency of the first one). */
const MAX_GROUP = 16;

/**
 * Group commit for SQLite's single writer connection. A commit waits for the disk (fsync) and, with
 * libsql's synchronous API, holds the event loop while it does; batches that arrive meanwhile queue
 * up and are written together in the next transaction, one INSERT each, so one fsync serves several
 * requests. Each request still answers only after its own rows are committed, and stays all or
 * nothing: a failing INSERT is backed out alone (SQLite's statement-level rollback) and fails only
 * its request; if the transaction itself is lost, every request in it fails.
 */
class SqliteGroupWriter {
  private queue: PendingBatch[] = [];
  private scheduled = false;

  constructor(private readonly knex: Knex) {}

  write(statement: InsertStatement, params: Knex.Value[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ statement, params, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    let connection: SqliteConnection;
    try {
      connection = (await this.knex.client.acquireConnection()) as SqliteConnection;
    } catch (err) {
      const failed = this.queue;
      this.queue = [];
      this.scheduled = false;
      for (const b of failed) b.reject(err);
      return;
    }
    // Everything queued while the connection was busy goes into this transaction.
    const group = this.queue.splice(0, MAX_GROUP);
    this.scheduled = this.queue.length > 0;
    if (this.scheduled) setImmediate(() => void this.flush());
    try {
      writeGroup(connection, group);
    } finally {
      await this.knex.client.releaseConnection(connection);
    }
  }
}

/** Synchronous from BEGIN to COMMIT: nothing else can use the connection in between. */
function writeGroup(db: SqliteConnection, group: PendingBatch[]): void {
  const outcomes: ({ ok: true; accepted: number } | { ok: false; err: unknown })[] = [];
  try {
    db.exec('begin');
    for (const b of group) {
      try {
        outcomes.push({ ok: true, accepted: affectedRows(preparedSqlite(db, b.statement).run(b.params) as DriverResult) });
      } catch (err) {
        if (!db.inTransaction) throw err; // the whole transaction is gone, not just this statement
        outcomes.push({ ok: false, err });
      }
    }
    db.exec('commit');
  } catch (err) {
    if (db.inTransaction) {
      try {
        db.exec('rollback');
      } catch {
        // the connection reports the original error below
      }
    }
    for (const b of group) b.reject(err);
    return;
  }
  group.forEach((b, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) b.resolve(outcome.accepted);
    else b.reject(outcome.err);
  });
}

const sqliteWriters = new WeakMap<object, SqliteGroupWriter>();

function sqliteWriter(knex: Knex): SqliteGroupWriter {
  let writer = sqliteWriters.get(knex.client);
  if (!writer) sqliteWriters.set(knex.client, (writer = new SqliteGroupWriter(knex)));
  return writer;
}

/** Prepared statements per SQLite connection (the pool replaces connections now and then; old ones are collected). */
const sqlitePrepared = new WeakMap<object, Map<string, ReturnType<SqliteConnection['prepare']>>>();

function preparedSqlite(connection: SqliteConnection, statement: InsertStatement): ReturnType<SqliteConnection['prepare']> {
  if (!statement.name) return connection.prepare(statement.sql);
  let cache = sqlitePrepared.get(connection);
  if (!cache) sqlitePrepared.set(connection, (cache = new Map()));
  let prepared = cache.get(statement.name);
  if (!prepared) cache.set(statement.name, (prepared = connection.prepare(statement.sql)));
  return prepared;
}

/**
 * The first 13 characters of a version-7 UUID for `ms` ("tttttttt-tttt-7"); the rest comes from
 * a random v4 UUID (74 random bits). Time-ordered ids put a batch's rows next to each other in the
 * primary-key index instead of on hundreds of random pages, which is most of an insert's cost.
 */
function uuidV7Prefix(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7`;
}

/** A version-7 UUID (exported for the ingest benchmark's raw-driver ceiling, which stores the same rows). */
export const uuidV7 = (ms = Date.now()) => uuidV7Prefix(ms) + randomUUID().slice(15);
