import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EMULATOR_CREDENTIALS } from '../../src/config/config.js';
import { OutboxEvent } from '../../src/db/entities/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { PartnerService } from '../../src/modules/partners/partner-service.js';
import { DEMO_PARTNER_ID } from '../../src/db/seeders/demo-seeder.js';
import { signWebhook, type TaskStatusUpdatedWebhook, type WebhookDelivery } from '../../src/sandbox/atomic/index.js';
import { pointAtomicEmulatorAt } from '../../src/server/atomic-webhook-emulator.js';
import { startProvidersFixture, type ProvidersFixture } from '../helpers/atomic.js';
import { DIALECTS } from '../helpers/databases.js';
import { control } from '../helpers/plaid.js';

const USER = 'usr_task_events';

describe.each(DIALECTS)('POST /webhooks/atomic (%s)', (dialect) => {
  let f: ProvidersFixture;
  let otherKey: string;
  let otherId: string;

  const taskEvents = async () =>
    (await f.gw.orm.em.fork().find(OutboxEvent, { eventType: 'task.updated' }, { orderBy: { id: 'asc' } })).map((e) => ({ partnerId: e.partner.id, payload: e.payload }));

  /** Posts a body to the gateway as Atomic would, signed with `secret` (or with the given header). */
  const deliver = (body: string, signature: string | null = signWebhook(EMULATOR_CREDENTIALS.atomicApiSecret, body)) =>
    fetch(`${f.gw.url}/webhooks/atomic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-atomic-signature': signature }) },
      body,
    });

  /** The user's tasks as the partner sees them (this also gives the user an Atomic identifier). */
  const tasksOf = async (key: string) => {
    const token = await f.gw.graphql(`mutation { createAtomicAccessToken(input: { userId: "${USER}" }) { publicToken } }`, { key });
    expect(token.body.errors).toBeUndefined();
    const res = await f.gw.graphql(`{ user(id: "${USER}") { tasks { id status product } } }`, { key });
    return res.body.data.user.tasks as { id: string; status: string; product: string }[];
  };

  /** Moves a task in the emulator, which posts the signed webhook and reports the gateway's answer. */
  const advance = async (taskId: string, body: { status: string; failReason?: string }) =>
    (await control(f.atomic.url, `/tasks/${taskId}/advance`, { body })) as { task: { status: string }; webhook: WebhookDelivery | null };

  beforeAll(async () => {
    f = await startProvidersFixture(dialect);
    // What npm start does for its own emulator.
    await pointAtomicEmulatorAt(f.atomic.url, `${f.gw.url}/webhooks/atomic`, createLogger('silent'));
    const other = await new PartnerService(f.gw.orm.em.fork()).createPartner('Other');
    otherKey = other.testKey;
    otherId = other.partner.id;
  });
  afterAll(() => f.stop());

  it('the emulator’s webhooks point at the gateway, as npm start sets them', async () => {
    expect(await control(f.atomic.url, '/webhook-url')).toEqual({ url: `${f.gw.url}/webhooks/atomic` });
  });

  it('records a task status change as task.updated for the partner whose user it is, with the partner’s user id', async () => {
    // Both partners have a user called USER: only the owner of the task's Atomic identifier hears of it.
    await tasksOf(f.gw.demoKey!);
    const task = (await tasksOf(otherKey))[0]!;
    const moved = await advance(task.id, { status: 'processing' });
    expect(moved.webhook?.status).toBe(200);

    const events = await taskEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.partnerId).toBe(otherId);
    const company = (moved.webhook!.body as TaskStatusUpdatedWebhook).task.company;
    expect(events[0]!.payload).toEqual({
      user_id: USER,
      task: {
        id: task.id,
        status: 'processing',
        previous_status: task.status.toLowerCase(),
        product: task.product.toLowerCase(),
        company: { id: company._id, name: company.name },
      },
    });
  });

  it('carries the fail reason of a failed task, and a redelivery writes nothing more', async () => {
    const task = (await tasksOf(f.gw.demoKey!))[0]!;
    const moved = await advance(task.id, { status: 'failed', failReason: 'bad-credentials' });
    expect(moved.webhook?.status).toBe(200);
    const before = await taskEvents();
    const mine = before.filter((e) => e.partnerId === DEMO_PARTNER_ID);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.payload).toMatchObject({ user_id: USER, task: { id: task.id, status: 'failed', fail_reason: 'bad-credentials' } });

    // Atomic redelivers: the same bytes, correctly signed.
    const res = await deliver(JSON.stringify(moved.webhook!.body));
    expect(res.status).toBe(200);
    expect(await taskEvents()).toEqual(before);
  });

  it('answers 401 to a missing, malformed, forged or tampered signature, and writes nothing', async () => {
    const task = (await tasksOf(otherKey))[0]!;
    const before = await taskEvents();
    const event = JSON.stringify({
      eventType: 'task-status-updated',
      eventTime: new Date().toISOString(),
      user: { _id: 'u1', identifier: await identifierOf(f, otherId) },
      task: { _id: task.id, status: 'completed', previousStatus: 'processing', product: 'verify', company: { _id: 'c1', name: 'X' } },
      taskWorkflow: { _id: 'w1' },
    });
    const tampered = event.replace('"completed"', '"failed"');
    for (const [body, signature] of [
      [event, null],
      [event, 'not-hex'],
      [event, signWebhook('some-other-secret', event)],
      [tampered, signWebhook(EMULATOR_CREDENTIALS.atomicApiSecret, event)],
    ] as const) {
      const res = await deliver(body, signature);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
    expect(await taskEvents()).toEqual(before);
    // The same event correctly signed is accepted: the refusals were about the signature alone.
    expect((await deliver(event)).status).toBe(200);
    expect((await taskEvents()).length).toBe(before.length + 1);
  });

  it('acknowledges and ignores an event for an identifier no partner has, without logging it', async () => {
    const before = await taskEvents();
    const identifier = 'afg_0123456789abcdef0123456789abcdef';
    const event = JSON.stringify({
      eventType: 'task-status-updated',
      eventTime: new Date().toISOString(),
      user: { _id: 'u2', identifier },
      task: { _id: 'task_nobody', status: 'completed', previousStatus: 'processing', product: 'deposit' },
      taskWorkflow: { _id: 'w2' },
    });
    const res = await deliver(event);
    expect(res.status).toBe(200);
    expect(await taskEvents()).toEqual(before);
    expect(f.gw.logs.some((l) => l.msg === 'Atomic webhook for a user no partner has; ignored' && l.atomicTaskId === 'task_nobody')).toBe(true);
    expect(f.gw.rawLogs()).not.toContain(identifier);
  });
});

async function identifierOf(f: ProvidersFixture, partnerId: string): Promise<string> {
  const rows = await f.gw.orm.em.getConnection().execute(
    'select a.identifier from atomic_users a join end_users u on u.id = a.end_user_id where u.partner_id = ? and u.external_user_id = ?',
    [partnerId, USER],
  );
  return (rows[0] as { identifier: string }).identifier;
}
