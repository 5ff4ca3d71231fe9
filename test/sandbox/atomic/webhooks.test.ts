import { createHmac } from 'node:crypto';
import { verifyWebhook, type RunningAtomicEmulator } from '../../../src/sandbox/atomic/index.js';
import { API_SECRET, atomicClient, control, REFERENCE_USER, startEmulator } from './helpers/emulator.js';
import type { AtomicApi } from './helpers/emulator.js';
import { WebhookReceiver } from '../helpers/receiver.js';

type Json = Record<string, unknown>;
/** The reference user's seeded tasks, one per status (ids from src/sandbox/atomic/reference/tasks.ts). */
const STATUS_TASK = (index: number) => `65b3f3c8b871a9626c36d2${(16 + index).toString(16)}`;
const QUEUED = STATUS_TASK(1);
const MFA = STATUS_TASK(5);
const COMPLETED = STATUS_TASK(9);
const LINKED_ACCOUNT = '5f7212103a40e91f95ba376d';

const bodyOf = (raw: Buffer) => JSON.parse(raw.toString()) as Json & { task: Json };

describe('Atomic emulator: task status changes and webhooks', () => {
  let emulator: RunningAtomicEmulator;
  let receiver: WebhookReceiver;
  let api: AtomicApi;

  beforeAll(async () => {
    receiver = await new WebhookReceiver('/atomic/webhooks').start();
    emulator = await startEmulator();
    api = atomicClient(emulator.url);
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });

  it('advances a task one step via the control API and POSTs a signed task-status-updated webhook', async () => {
    expect((await control(emulator.url, 'PUT', '/webhook-url', { url: receiver.url })).body).toEqual({ url: receiver.url });
    const advanced = await control(emulator.url, 'POST', `/tasks/${QUEUED}/advance`);
    expect(advanced.status).toBe(200);
    expect(advanced.body).toMatchObject({ task: { _id: QUEUED, status: 'processing', authenticated: true }, webhook: { url: receiver.url, status: 200 } });

    const [webhook] = await receiver.waitFor(1);
    const signature = webhook!.headers['x-atomic-signature'] as string;
    expect(signature).toBe(createHmac('sha256', API_SECRET).update(webhook!.raw).digest('hex'));
    expect(verifyWebhook(API_SECRET, webhook!.raw, signature)).toBe(true);
    expect(verifyWebhook('another-secret', webhook!.raw, signature)).toBe(false);
    expect(webhook!.headers['content-type']).toBe('application/json');
    expect(bodyOf(webhook!.raw)).toEqual({
      eventType: 'task-status-updated',
      eventTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      user: { _id: '607e249736b9f053b536bdea', identifier: REFERENCE_USER },
      task: {
        _id: QUEUED,
        status: 'processing',
        previousStatus: 'queued',
        product: 'deposit',
        company: {
          _id: '607e249736b9f053b536bde0',
          branding: { logo: { url: 'https://cdn-public.atomicfi.com/b02670fa-ce1b-4171-855b-6856b37bb938.png' } },
          name: 'Test Company',
        },
        payrollDataAvailable: false,
      },
      taskWorkflow: { _id: expect.stringMatching(/^[0-9a-f]{24}$/) },
    });
    expect((await api.get(`task/${QUEUED}/status`)).body).toMatchObject({ status: 'processing' });
    const recorded = (await control(emulator.url, 'GET', '/webhooks')).body as Array<{ url: string; status: number; body: Json }>;
    expect(recorded.at(-1)).toMatchObject({ url: receiver.url, status: 200, body: { eventType: 'task-status-updated' } });
  });

  it('moves a task to a given status (with a failReason), and refuses to step past completed/failed', async () => {
    const failed = await control(emulator.url, 'POST', `/tasks/${MFA}/advance`, { status: 'failed', failReason: 'bad-credentials' });
    expect(failed.status).toBe(200);
    const details = (await api.get(`task/${MFA}/details`)).body as { data: { task: Json } };
    expect(details.data.task).toMatchObject({ status: 'failed', failReason: 'bad-credentials' });
    const webhooks = await receiver.waitFor(2);
    expect(bodyOf(webhooks[1]!.raw).task).toMatchObject({ status: 'failed', previousStatus: 'mfa', failReason: 'bad-credentials' });

    const stuck = await control(emulator.url, 'POST', `/tasks/${COMPLETED}/advance`);
    expect(stuck.status).toBe(409);
    expect(stuck.body).toEqual({ message: expect.stringMatching(/already completed/), statusCode: 409 });
    expect((await control(emulator.url, 'POST', '/tasks/000000000000000000000000/advance')).status).toBe(404);
    expect((await control(emulator.url, 'POST', `/tasks/${COMPLETED}/advance`, { status: 'done' })).status).toBe(400);
    expect((await control(emulator.url, 'POST', `/tasks/${COMPLETED}/advance`, { status: 'queued', failReason: 'x' })).status).toBe(422);
  });

  it('runs workflow tasks by themselves: queued → processing → completed, then the next task', async () => {
    await control(emulator.url, 'PUT', '/task-timing', { stepMs: 40 });
    const before = receiver.received.length;
    const started = (await api.post('task-workflow/from-linked-account', {
      json: { linkedAccount: LINKED_ACCOUNT, tasks: [{ operation: 'verify' }, { operation: 'deposit', distribution: { type: 'total' } }] },
    })).body as { data: { task: { _id: string }; taskWorkflow: { _id: string } } };
    const hooks = (await receiver.waitFor(before + 4)).slice(before).map((w) => bodyOf(w.raw).task);
    expect(hooks.map((t) => [t.product, t.previousStatus, t.status])).toEqual([
      ['verify', 'queued', 'processing'],
      ['verify', 'processing', 'completed'],
      ['deposit', 'queued', 'processing'],
      ['deposit', 'processing', 'completed'],
    ]);
    expect(hooks[0]!._id).toBe(started.data.task._id);
    expect(hooks[1]!.payrollDataAvailable).toBe(true);
    const depositId = hooks[2]!._id as string;
    const deposit = (await api.get(`task/${depositId}/details`)).body as { data: { task: Json } };
    expect(deposit.data.task).toMatchObject({
      status: 'completed',
      taskWorkflow: started.data.taskWorkflow,
      depositData: { accountType: 'checking', distributionType: 'total', lastFour: '0000', routingNumber: '123123123' },
    });
    // The linked account remembers the success.
    const linked = ((await api.get(`linked-account/list/${REFERENCE_USER}`)).body as { data: Json[] }).data[0]!;
    expect(Date.parse(linked.lastSuccess as string)).toBeGreaterThan(Date.parse('2024-01-01'));

    // onComplete: finish stops the workflow after its first task.
    const count = receiver.received.length;
    await api.post('task-workflow/from-linked-account', {
      json: { linkedAccount: LINKED_ACCOUNT, tasks: [{ operation: 'verify', onComplete: 'finish' }, { operation: 'tax' }] },
    });
    await receiver.waitFor(count + 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received.length).toBe(count + 2);
    await control(emulator.url, 'PUT', '/task-timing', { stepMs: 0 });
  });

  it('records failed deliveries and can stop sending', async () => {
    await control(emulator.url, 'PUT', '/webhook-url', { url: 'http://127.0.0.1:9/unreachable' });
    const advanced = await control(emulator.url, 'POST', `/tasks/${STATUS_TASK(3)}/advance`);
    expect(advanced.body).toMatchObject({ task: { status: 'processing' }, webhook: { status: null, error: expect.any(String) } });
    await control(emulator.url, 'PUT', '/webhook-url', { url: null });
    const quiet = await control(emulator.url, 'POST', `/tasks/${STATUS_TASK(4)}/advance`);
    expect(quiet.body).toMatchObject({ task: { status: 'processing' }, webhook: null });
    expect((await control(emulator.url, 'PUT', '/webhook-url', { url: 'not a url' })).status).toBe(400);
    expect((await control(emulator.url, 'PUT', '/task-timing', { stepMs: -1 })).status).toBe(400);
  });
});

describe('Atomic emulator: webhook URL option and download URL expiry', () => {
  it('takes the webhook URL from its options; download URLs stop working after an hour', async () => {
    const receiver = await new WebhookReceiver('/atomic/webhooks').start();
    let clock = new Date('2025-03-03T10:00:00.000Z');
    const emulator = await startEmulator({ webhookUrl: receiver.url, now: () => clock });
    try {
      await control(emulator.url, 'POST', `/tasks/${QUEUED}/advance`);
      const [webhook] = await receiver.waitFor(1);
      expect(bodyOf(webhook!.raw).eventTime).toBe('2025-03-03T10:00:00.000Z');

      const api = atomicClient(emulator.url);
      const { url } = (await api.get('task/602414d84f9a1980cf5eafcc/file/60abeff60836730008616faf/generate-url')).body as { url: string };
      clock = new Date(clock.getTime() + 59 * 60_000);
      expect((await fetch(url)).status).toBe(200);
      clock = new Date(clock.getTime() + 2 * 60_000);
      expect((await fetch(url)).status).toBe(403);
    } finally {
      await emulator.close();
      await receiver.close();
    }
  });
});
