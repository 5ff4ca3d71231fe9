import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { atomicClient, control, REFERENCE_USER, startEmulator } from './helpers/emulator.js';
import { WebhookReceiver } from '../helpers/receiver.js';

type Json = Record<string, unknown>;
const QUEUED_TASK = '65b3f3c8b871a9626c36d211';

describe('Atomic emulator: state survives a restart', () => {
  let dir: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atomic-emulator-state-'));
    receiver = await new WebhookReceiver('/atomic/webhooks').start();
  });
  afterAll(async () => {
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps tokens (and revocations), deleted and detected accounts, task statuses, users and the webhook URL', async () => {
    const stateFile = path.join(dir, 'nested', 'atomic-state.json');
    const first = await startEmulator({ stateFile });
    const api1 = atomicClient(first.url);
    const token = async (identifier: string) =>
      ((await api1.post('access-token', { json: { identifier } })).body as { data: { publicToken: string } }).data.publicToken;
    const kept = await token('user-restart');
    const revoked = await token('user-restart');
    await api1.put(`access-token/${revoked}/revoke`);

    const accounts = ((await api1.get('pay-link/accounts', { searchParams: { identifier: 'user-restart' } })).body as { accounts: Json[] })
      .accounts;
    await api1.delete(`pay-link/accounts/${accounts[0]!._id as string}`);
    await api1.delete('pay-link/accounts', { searchParams: { identifier: REFERENCE_USER } });
    const detected = ((await api1.post('pay-link/accounts', {
      json: {
        identifier: REFERENCE_USER,
        financialTransactions: [
          { identifier: 'a', date: '2025-01-03', description: 'SPOTIFY USA', amount: 11.99 },
          { identifier: 'b', date: '2025-02-03', description: 'SPOTIFY USA', amount: 11.99 },
        ],
      },
    })).body as { accounts: Json[] }).accounts;
    expect(detected).toHaveLength(1);

    await control(first.url, 'PUT', '/webhook-url', { url: receiver.url });
    await control(first.url, 'POST', `/tasks/${QUEUED_TASK}/advance`, { status: 'failed', failReason: 'bad-credentials' });
    const workflow = (await api1.post('task-workflow/from-linked-account', {
      json: { linkedAccount: '5f7212103a40e91f95ba376d', tasks: [{ operation: 'verify' }] },
    })).body as { data: { task: { _id: string } } };
    await api1.put('user/user-restart/end-monitoring');
    // A generated user's task ids resolve only once the user is known; it is, from now on.
    const generatedTask = ((await api1.get('user/user-restart/tasks')).body as { data: { tasks: Json[] } }).data.tasks[0]!._id as string;
    await first.close();

    // Written atomically and privately: no temp file left behind, readable only by the owner.
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { version: number; kind: string };
    expect(saved).toMatchObject({ version: 1, kind: 'atomic-emulator' });
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    expect((await readdir(path.dirname(stateFile))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await startEmulator({ stateFile });
    try {
      const api2 = atomicClient(second.url);
      const search = (publicToken: string) =>
        atomicClient(second.url, { 'x-public-token': publicToken }).post('company/search', { json: { query: 'Hulu' } });
      expect((await search(kept)).statusCode).toBe(200);
      expect((await search(revoked)).statusCode).toBe(401);

      expect((await api2.get(`pay-link/accounts/${accounts[0]!._id as string}`)).statusCode).toBe(404);
      expect((await api2.get(`pay-link/accounts/${accounts[1]!._id as string}`)).statusCode).toBe(200);
      const reference = ((await api2.get('pay-link/accounts', { searchParams: { identifier: REFERENCE_USER } })).body as { accounts: Json[] })
        .accounts;
      expect(reference).toEqual(detected);

      expect((await api2.get(`task/${QUEUED_TASK}/status`)).body).toEqual({
        createdAt: '2024-02-01T15:01:07.250Z',
        status: 'failed',
        failReason: 'bad-credentials',
      });
      expect(((await api2.get(`task/${workflow.data.task._id}/details`)).body as { data: { task: Json } }).data.task).toMatchObject({
        product: 'verify',
        linkedAccount: '5f7212103a40e91f95ba376d',
      });
      expect((await api2.get(`task/${generatedTask}/details`)).statusCode).toBe(200);
      const linked = ((await api2.get('linked-account/list/user-restart')).body as { data: Json[] }).data;
      expect(linked.every((a) => a.transactRequired === true)).toBe(true);
      expect((await control(second.url, 'GET', '/webhook-url')).body).toEqual({ url: receiver.url });
    } finally {
      await second.close();
    }
  });

  it('refuses a state file it did not write rather than overwrite it', async () => {
    const foreign = path.join(dir, 'foreign.json');
    await writeFile(foreign, JSON.stringify({ version: 1, items: [] }));
    await expect(startEmulator({ stateFile: foreign })).rejects.toThrow(/not an Atomic emulator state file/);
    expect(JSON.parse(await readFile(foreign, 'utf8'))).toEqual({ version: 1, items: [] });
  });
});
