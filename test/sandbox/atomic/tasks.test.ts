import type { RunningAtomicEmulator } from '../../../src/sandbox/atomic/index.js';
import { atomicClient, example, REFERENCE_USER, startEmulator } from './helpers/emulator.js';
import type { AtomicApi } from './helpers/emulator.js';

type Json = Record<string, unknown>;

/** Task ids the emulator seeds from the references (see src/sandbox/atomic/reference/tasks.ts). */
const TASKS = {
  paylinkDetails: '65b15fd99b3f03aa9edff9de',
  depositDetails: '65b15fd99b3f03aa9edff9e0',
  statusPayLink: '63b45b90c0d3ee0008a1b0a1',
  statusUserLink: '63b45b90c0d3ee0008a1b0b2',
  payroll: '602414d84f9a1980cf5eafcc',
};
const PAYSTUB = '60abeff50836730008616fad';
const TAX_FORM = '60abeff60836730008616faf';

describe('Atomic emulator: tasks, files and prescreen', () => {
  let emulator: RunningAtomicEmulator;
  let api: AtomicApi;

  beforeAll(async () => {
    emulator = await startEmulator();
    api = atomicClient(emulator.url);
  });
  afterAll(() => emulator.close());

  it('serves Get Task Details exactly as in the PayLink references', async () => {
    const newer = await api.get(`task/${TASKS.paylinkDetails}/details`);
    expect(newer.statusCode).toBe(200);
    expect(newer.body).toEqual(example('paylink.taskDetails'));

    // The older reference shows a deposit task under the same id; the emulator serves it under the next one.
    const older = example<{ data: { task: Json } }>('paylinkOld.taskDetails');
    older.data.task._id = TASKS.depositDetails;
    expect((await api.get(`task/${TASKS.depositDetails}/details`)).body).toEqual(older);
  });

  it('serves Get Task Status bare (001/003), or enveloped for x-atomic-version 2022-12-02 (002)', async () => {
    expect((await api.get(`task/${TASKS.statusPayLink}/status`)).body).toEqual(example('paylink.taskStatus'));
    expect((await api.get(`task/${TASKS.statusUserLink}/status`)).body).toEqual(example('userlink.taskStatus'));
    const versioned = await api.get(`task/${TASKS.statusUserLink}/status`, { headers: { 'x-atomic-version': '2022-12-02' } });
    expect(versioned.body).toEqual(example('paylinkOld.taskStatus'));
    // Any other (well-formed) version gets the current shape; a malformed one is a 400.
    expect((await api.get(`task/${TASKS.statusUserLink}/status`, { headers: { 'x-atomic-version': '2024-01-01' } })).body).toEqual(
      example('userlink.taskStatus'),
    );
    const malformed = await api.get(`task/${TASKS.statusUserLink}/status`, { headers: { 'x-atomic-version': 'v2' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toEqual({ message: 'x-atomic-version must be a date in the form YYYY-MM-DD.', statusCode: 400 });
  });

  it('answers 404 for unknown tasks', async () => {
    for (const path of ['task/000000000000000000000000/details', 'task/000000000000000000000000/status', `task/000000000000000000000000/file/${PAYSTUB}/generate-url`]) {
      const response = await api.get(path);
      expect(response.statusCode).toBe(404);
      expect(response.body).toEqual({ message: 'Task not found.', statusCode: 404 });
    }
  });

  it('lists a user\'s tasks as in the Get Tasks example, filtered by status and payrollDataAvailable', async () => {
    const response = await api.get(`user/${REFERENCE_USER}/tasks`);
    expect(response.statusCode).toBe(200);
    const tasks = (response.body as { data: { tasks: Json[] } }).data.tasks;
    const [verify, deposit] = example<{ data: { tasks: Json[] } }>('paylink.userTasks').data.tasks;
    expect(tasks).toContainEqual(verify);
    // The example repeats one _id for two tasks; the second one is served under ...d104.
    expect(tasks).toContainEqual({ ...deposit, _id: '65b3f3c8b871a9626c36d104' });
    // Tasks in every status the UserLink reference lists.
    const statuses = new Set(tasks.map((t) => t.status));
    for (const status of ['invited', 'queued', 'processing', 'paused', 'captcha', 'mfa', 'error', 'failed', 'retry', 'completed', 'manual']) {
      expect(statuses).toContain(status);
    }
    const failed = (await api.get(`user/${REFERENCE_USER}/tasks`, { searchParams: { status: 'failed' } })).body as { data: { tasks: Json[] } };
    expect(failed.data.tasks.length).toBeGreaterThan(1);
    expect(failed.data.tasks.every((t) => t.status === 'failed')).toBe(true);
    const ready = (await api.get(`user/${REFERENCE_USER}/tasks`, { searchParams: { payrollDataAvailable: 'true' } })).body as {
      data: { tasks: Json[] };
    };
    expect(ready.data.tasks.length).toBeGreaterThan(1);
    expect(ready.data.tasks.every((t) => t.payrollDataAvailable === true)).toBe(true);
    expect((await api.get(`user/${REFERENCE_USER}/tasks`, { searchParams: { status: 'done' } })).statusCode).toBe(422);
    expect((await api.get(`user/${REFERENCE_USER}/tasks`, { searchParams: { payrollDataAvailable: 'yes' } })).statusCode).toBe(422);
  });

  it('generates download URLs for a task\'s files, valid for an hour, and serves the file', async () => {
    const response = await api.get(`task/${TASKS.payroll}/file/${PAYSTUB}/generate-url`);
    expect(response.statusCode).toBe(200);
    const { url } = response.body as { url: string };
    expect(Object.keys(response.body as Json)).toEqual(Object.keys(example('userlink.fileUrl')));
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const tampered = url.replace(/signature=([0-9a-f])/, (_, c: string) => `signature=${c === '0' ? '1' : '0'}`);
    expect((await fetch(tampered)).status).toBe(403);
    expect((await api.get(`task/${TASKS.payroll}/file/${TAX_FORM}/generate-url`)).statusCode).toBe(200);
    const otherTask = await api.get(`task/${TASKS.paylinkDetails}/file/${PAYSTUB}/generate-url`);
    expect(otherTask.statusCode).toBe(404);
    expect(otherTask.body).toEqual({ message: 'File not found.', statusCode: 404 });
  });

  it('prescreens: HIGH for a verifiable operational employer, LOW otherwise', async () => {
    const prescreen = (json: Json) => api.post('task/prescreen', { json });
    const high = await prescreen({ company: { name: 'DoTerra' }, product: 'verify' });
    expect(high.statusCode).toBe(200);
    expect(high.body).toEqual(example('paylinkOld.prescreen'));
    expect((await prescreen({ company: { id: '5d77f9e1070856f3828945c6' }, product: 'verify' })).body).toEqual({ data: { confidence: 'HIGH' } });
    expect((await prescreen({ company: { name: 'Some Unknown Employer LLC' }, product: 'verify' })).body).toEqual({ data: { confidence: 'LOW' } });
    expect((await prescreen({ company: { name: 'Paycom Client' }, product: 'verify' })).body).toEqual({ data: { confidence: 'LOW' } });
    expect((await prescreen({ company: { name: 'DoorDash' }, product: 'verify' })).body).toEqual({ data: { confidence: 'LOW' } });
    expect((await prescreen({ company: { name: 'DoTerra' }, product: 'deposit' })).statusCode).toBe(422);
    expect((await prescreen({ product: 'verify' })).statusCode).toBe(422);
    expect((await prescreen({ company: {}, product: 'verify' })).statusCode).toBe(422);
    expect((await prescreen({ company: { id: '000000000000000000000000' }, product: 'verify' })).statusCode).toBe(404);
  });
});
