import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { IdempotencyKey, OutboxEvent, UsageEvent, WebhookDelivery, WebhookDeliveryAttempt } from '../../src/db/entities/index.js';
import { DEMO_PARTNER_ID } from '../../src/db/seeders/demo-seeder.js';
import { PURGE_BATCH } from '../../src/modules/retention/purge-expired.js';
import { IngestService } from '../../src/modules/usage/ingest-service.js';
import { PartnerDirectory } from '../../src/modules/usage/partner-directory.js';
import { UsageService } from '../../src/modules/usage/usage-service.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { deliveries, eventually, recordCalculation, registerEndpoint, WebhookReceiver } from '../helpers/webhooks.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

/** A completed idempotency key of the demo partner that expires at `expiresAt`. */
const key = (name: string, expiresAt: Date) => ({
  id: randomUUID(),
  partner: DEMO_PARTNER_ID,
  key: name,
  operation: 'createTransfer',
  requestHash: 'a'.repeat(64),
  status: 'completed' as const,
  responseStatus: 200,
  responseBody: { ok: true },
  lockedUntil: null,
  createdAt: new Date(expiresAt.getTime() - DAY_MS),
  expiresAt,
});

describe.each(DIALECTS)('retention purge (%s)', (dialect) => {
  let gw: TestGateway;
  const rx = new WebhookReceiver();

  beforeAll(async () => {
    await rx.start();
    gw = await startTestGateway(dialect, { WEBHOOK_RETENTION_DAYS: '30' });
  });
  afterAll(async () => {
    await gw?.stop();
    await rx.close();
  });

  it('deletes events older than WEBHOOK_RETENTION_DAYS whose delivery is over, with their delivery log; keeps newer ones and any still pending', async () => {
    const { id: endpointId } = await registerEndpoint(gw, rx.url(), ['calculation.updated']);
    for (const user of ['usr_old_done', 'usr_old_pending', 'usr_recent']) await recordCalculation(gw, user);
    const delivered = await eventually(async () => {
      const list = await deliveries(gw, endpointId);
      return list.length === 3 && list.every((d) => d.status === 'SUCCEEDED') && list;
    });
    const eventOf = new Map<string, string>();
    for (const request of rx.requests) eventOf.set((request.body.data as { user_id: string }).user_id, request.body.id as string);
    const byEvent = new Map(delivered.map((d) => [d.eventId as string, d]));
    const oldDone = eventOf.get('usr_old_done')!;
    const oldPending = eventOf.get('usr_old_pending')!;
    const recent = eventOf.get('usr_recent')!;

    // Age two events past the retention period (31 and 40 days); one of them is being retried again.
    const em = gw.orm.em.fork();
    await em.nativeUpdate(OutboxEvent, { id: oldDone }, { createdAt: daysAgo(40) });
    await em.nativeUpdate(OutboxEvent, { id: oldPending }, { createdAt: daysAgo(31) });
    await em.nativeUpdate(WebhookDelivery, { event: oldPending }, { status: 'pending', nextAttemptAt: new Date(Date.now() + DAY_MS) });
    expect(await em.count(WebhookDeliveryAttempt, { delivery: byEvent.get(oldDone)!.id })).toBe(1);

    expect(await gw.app.services.retention.sweepNow()).toEqual({ outboxEvents: 1, idempotencyKeys: 0, usageEvents: 0 });

    const remaining = await gw.orm.em.fork().find(OutboxEvent, { id: { $in: [oldDone, oldPending, recent] } });
    expect(remaining.map((e) => e.id).sort()).toEqual([oldPending, recent].sort());
    // The delivery and its attempt log went with the event (ON DELETE CASCADE, SQLite included).
    expect(await gw.orm.em.fork().count(WebhookDelivery, { event: oldDone })).toBe(0);
    expect(await gw.orm.em.fork().count(WebhookDeliveryAttempt, { delivery: byEvent.get(oldDone)!.id })).toBe(0);
    // The partner's delivery log no longer lists it.
    expect((await deliveries(gw, endpointId)).map((d) => d.eventId).sort()).toEqual([oldPending, recent].sort());
    expect(gw.logs).toContainEqual(expect.objectContaining({ msg: 'expired rows purged', outboxEvents: 1, webhookRetentionDays: 30 }));
  });

  it('deletes expired idempotency keys in batches and keeps live ones', async () => {
    const em = gw.orm.em.fork();
    const expired = Array.from({ length: 2 * PURGE_BATCH + 1 }, (_, i) => key(`expired-${i}`, daysAgo(1)));
    await em.insertMany(IdempotencyKey, [...expired, key('live', new Date(Date.now() + 3600_000))]);

    expect(await gw.app.services.retention.sweepNow()).toEqual({ outboxEvents: 0, idempotencyKeys: 2 * PURGE_BATCH + 1, usageEvents: 0 });

    const left = await gw.orm.em.fork().find(IdempotencyKey, { partner: DEMO_PARTNER_ID });
    expect(left.map((k) => k.key)).toEqual(['live']);
  });

  it('deletes raw usage events older than USAGE_EVENT_RETENTION_DAYS (400); a report over whole days stays the same', async () => {
    const startOfDay = (daysBack: number) => new Date(Math.floor((Date.now() - daysBack * DAY_MS) / DAY_MS) * DAY_MS);
    const event = (occurredAt: Date, i: number) => ({
      partnerId: DEMO_PARTNER_ID,
      eventType: 'transaction' as const,
      userId: `usr_usage_${i % 2}`,
      amountCents: 1_000 * (i + 1),
      category: 'groceries',
      institution: null,
      occurredAt,
      eventId: `retention-${randomUUID()}`,
    });
    const old = [0, 1, 2].map((i) => event(new Date(startOfDay(500).getTime() + (i + 1) * 3_600_000), i));
    const recent = [3, 4].map((i) => event(new Date(startOfDay(10).getTime() + i * 3_600_000), i));
    await new IngestService(new PartnerDirectory(), () => {}).ingest(gw.orm.em.fork(), [...old, ...recent]);
    const report = () => new UsageService(gw.orm.em.fork(), dialect).report(DEMO_PARTNER_ID, startOfDay(501), startOfDay(9), 'DAY');
    const before = await report();
    expect(before).toMatchObject({ transactions: 5, transactionAmountCents: 15_000, activeUsers: 2 });

    expect(await gw.app.services.retention.sweepNow()).toEqual({ outboxEvents: 0, idempotencyKeys: 0, usageEvents: 3 });

    const kept = await gw.orm.em.fork().find(UsageEvent, { eventId: { $in: [...old, ...recent].map((e) => e.eventId) } });
    expect(kept.map((e) => e.eventId).sort()).toEqual(recent.map((e) => e.eventId).sort());
    expect(await report()).toEqual(before);
  });
});

describe.each(DIALECTS)('retention purge on start (%s)', (dialect) => {
  let db: TestDatabase;
  const gateways: TestGateway[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await db?.drop();
  });

  it('purges what expired while no gateway ran as soon as one starts', async () => {
    const first = await startTestGateway(db);
    gateways.push(first);
    await first.orm.em.fork().insertMany(IdempotencyKey, [key('expired-offline', daysAgo(2)), key('live', new Date(Date.now() + 3600_000))]);
    await first.stop();

    const second = await startTestGateway(db);
    gateways.push(second);
    await eventually(() => second.logs.some((l) => l.msg === 'expired rows purged' && l.idempotencyKeys === 1), 10_000, 'the start-up purge');
    const left = await second.orm.em.fork().find(IdempotencyKey, { partner: DEMO_PARTNER_ID });
    expect(left.map((k) => k.key)).toEqual(['live']);
  });
});
