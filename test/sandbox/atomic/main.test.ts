import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EMULATOR_CREDENTIALS } from '../../../src/config/config.js';
import { PROJECT_ROOT, waitForOutput } from '../../helpers/spawn.js';
import { atomicClient } from './helpers/emulator.js';

/** `npm run sandbox:atomic` runs src/sandbox/atomic/main.ts; here it runs from a scratch directory. */
describe('Atomic emulator: stand-alone entry point', () => {
  let cwd: string;

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'atomic-emulator-main-'));
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it('serves with the sandbox credentials, keeps state in ./data, and exits cleanly on SIGTERM', async () => {
    const loader = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, path.join(PROJECT_ROOT, 'src/sandbox/atomic/main.ts')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ATOMIC_EMULATOR_PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const [, url] = await waitForOutput(child, /Atomic emulator listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const api = atomicClient(url!, { 'x-api-key': EMULATOR_CREDENTIALS.atomicApiKey, 'x-api-secret': EMULATOR_CREDENTIALS.atomicApiSecret });
      const created = await api.post('access-token', { json: { identifier: 'main-user' } });
      expect(created.statusCode).toBe(200);
      const state = JSON.parse(await readFile(path.join(cwd, 'data', 'atomic-emulator-state.json'), 'utf8')) as { version: number; tokens: unknown[] };
      expect(state.version).toBe(1);
      expect(state.tokens).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a bad port', async () => {
    const loader = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, path.join(PROJECT_ROOT, 'src/sandbox/atomic/main.ts')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ATOMIC_EMULATOR_PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('config error: ATOMIC_EMULATOR_PORT: must be an integer between 0 and 65535 (got "eighty")');
  });
});
