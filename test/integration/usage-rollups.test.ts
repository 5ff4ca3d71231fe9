import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openDatabase, type Orm } from '../../src/db/orm.js';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { IngestService } from '../../src/modules/usage/ingest-service.js';
import type { ValidEvent } from '../../src/modules/usage/ingest-validation.js';
import { PartnerDirectory } from '../../src/modules/usage/partner-directory.js';
import { UsageService, type Granularity, type UsageReportModel } from '../../src/modules/usage/usage-service.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

const TYPES = ['user_signup', 'account_link', 'transaction'] as const;
const CATEGORIES = ['groceries', 'dining', 'rent', null];
const INSTITUTIONS = ['chase', 'citi', null];

/** Deterministic events over late February to early April 2026, some without a user id. */
function makeEvents(partners: string[], count: number, seed: number, idPrefix: string): ValidEvent[] {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const start = Date.parse('2026-02-25T00:00:00Z');
  const span = Date.parse('2026-04-05T00:00:00Z') - start;
  return Array.from({ length: count }, (_, i) => {
    const eventType = TYPES[Math.floor(rand() * 3)]!;
    return {
      partnerId: partners[Math.floor(rand() * partners.length)]!,
      eventType,
      userId: rand() < 0.05 ? null : `u${Math.floor(rand() * 40)}`,
      amountCents: eventType === 'transaction' ? Math.floor(rand() * 100_000) : null,
      category: eventType === 'transaction' ? CATEGORIES[Math.floor(rand() * CATEGORIES.length)]! : null,
      institution: eventType === 'account_link' ? INSTITUTIONS[Math.floor(rand() * INSTITUTIONS.length)]! : null,
      occurredAt: new Date(start + Math.floor(rand() * span)),
      eventId: `${idPrefix}-${i}`,
    };
  });
}

/** The report computed the slow, obvious way from the events themselves. */
function bruteForce(events: ValidEvent[], partnerId: string | null, from: Date, to: Date, granularity: Granularity) {
  const inWindow = events.filter((e) => (!partnerId || e.partnerId === partnerId) && e.occurredAt >= from && e.occurredAt < to);
  const of = (t: string) => inWindow.filter((e) => e.eventType === t);
  const unit = granularity === 'HOUR' ? 3_600_000 : 86_400_000;
  const group = <K>(xs: ValidEvent[], key: (e: ValidEvent) => K) => {
    const m = new Map<K, ValidEvent[]>();
    for (const e of xs) m.set(key(e), [...(m.get(key(e)) ?? []), e]);
    return m;
  };
  const sum = (xs: ValidEvent[]) => xs.reduce((s, e) => s + (e.amountCents ?? 0), 0);
  return {
    signups: of('user_signup').length,
    activeUsers: new Set(inWindow.filter((e) => e.userId).map((e) => `${e.partnerId}:${e.userId}`)).size,
    accountLinks: of('account_link').length,
    accountLinksByInstitution: new Map([...group(of('account_link'), (e) => e.institution)].map(([k, xs]) => [k, xs.length])),
    transactions: of('transaction').length,
    transactionAmountCents: sum(of('transaction')),
    transactionsByCategory: new Map([...group(of('transaction'), (e) => e.category)].map(([k, xs]) => [k, { count: xs.length, amountCents: sum(xs) }])),
    series: [...group(inWindow, (e) => Math.floor(e.occurredAt.getTime() / unit) * unit)]
      .sort(([a], [b]) => a - b)
      .map(([start, xs]) => ({
        start: new Date(start),
        signups: xs.filter((e) => e.eventType === 'user_signup').length,
        accountLinks: xs.filter((e) => e.eventType === 'account_link').length,
        transactions: xs.filter((e) => e.eventType === 'transaction').length,
        transactionAmountCents: sum(xs.filter((e) => e.eventType === 'transaction')),
      })),
  };
}

const comparable = (r: UsageReportModel) => ({
  signups: r.signups,
  activeUsers: r.activeUsers,
  accountLinks: r.accountLinks,
  accountLinksByInstitution: new Map(r.accountLinksByInstitution.map((i) => [i.institution, i.count])),
  transactions: r.transactions,
  transactionAmountCents: r.transactionAmountCents,
  transactionsByCategory: new Map(r.transactionsByCategory.map((c) => [c.category, { count: c.count, amountCents: c.amountCents }])),
  series: r.series,
});

const WINDOWS: [string, string][] = [
  ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'], // an aligned month: rollups only
  ['2026-02-27T13:17:05Z', '2026-03-02T08:45:00Z'], // across a month end, partial hours and days at both ends
  ['2026-03-10T10:05:00Z', '2026-03-10T10:55:00Z'], // inside one hour: raw events only
  ['2026-03-10T10:05:00Z', '2026-03-10T18:00:00Z'], // inside one day
  ['2026-02-01T00:00:00Z', '2026-05-01T00:00:00Z'], // three months, the data in the middle
];

describe.each(DIALECTS)('usage rollups (%s)', (dialect) => {
  let db: TestDatabase;
  let orm: Orm;
  let partners: string[];
  const stored: ValidEvent[] = [];
  const ingest = new IngestService(new PartnerDirectory(), () => {});

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    orm = await openDatabase(db.config, { migrate: false });
    // Events stored before the rollup migration must be counted too (the migration backfills them).
    const migrator = orm.getMigrator();
    const pending = (await migrator.getPendingMigrations()).map((m) => m.name);
    const rollupMigration = pending.find((n) => n.endsWith('_usage_rollups'))!;
    await migrator.up({ to: pending[pending.indexOf(rollupMigration) - 1]! });
    partners = [];
    for (let i = 0; i < 3; i++) partners.push((await new PartnerService(orm.em.fork()).createPartner(`Rollup Partner ${i}`)).partner.id);
    const before = makeEvents(partners, 400, 7, 'before');
    await ingest.ingest(orm.em.fork(), before);
    stored.push(...before);
    await migrator.up();

    // After it: the triggers keep the rollups current, batch by batch.
    const after = makeEvents(partners, 1500, 11, 'after');
    for (let i = 0; i < after.length; i += 300) await ingest.ingest(orm.em.fork(), after.slice(i, i + 300));
    stored.push(...after);
    // A retried batch (same event ids) is stored once and must not be counted twice.
    const retry = await ingest.ingest(orm.em.fork(), after.slice(0, 300));
    expect(retry.duplicates).toBe(300);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('keeps the rollups equal to the events they summarise', async () => {
    const conn = orm.em.getConnection();
    const [events] = await conn.execute('select count(*) as n from usage_events');
    const [rolled] = await conn.execute('select sum(events) as n, sum(amount_cents) as amount from usage_hourly_rollups');
    expect(Number(events!.n)).toBe(stored.length);
    expect(Number(rolled!.n)).toBe(stored.length);
    expect(Number(rolled!.amount)).toBe(stored.reduce((s, e) => s + (e.amountCents ?? 0), 0));
  });

  for (const [from, to] of WINDOWS) {
    for (const granularity of ['HOUR', 'DAY'] as Granularity[]) {
      it(`reports ${from} .. ${to} by ${granularity} exactly as counting the events would, per partner and for all partners`, async () => {
        const service = new UsageService(orm.em.fork(), dialect);
        for (const scope of [partners[0]!, null]) {
          const report = await service.report(scope, new Date(from), new Date(to), granularity);
          expect(comparable(report)).toEqual(bruteForce(stored, scope, new Date(from), new Date(to), granularity));
        }
      });
    }
  }
});
