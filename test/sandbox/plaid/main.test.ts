import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CountryCode, Products } from 'plaid';
import { EMULATOR_CREDENTIALS } from '../../../src/config/config.js';
import { PROJECT_ROOT, waitForOutput } from '../../helpers/spawn.js';
import { plaidClient } from './helpers/emulator.js';

/** `npm run sandbox:plaid` runs src/sandbox/plaid/main.ts; here it runs from a scratch directory. */
describe('Plaid emulator: stand-alone entry point', () => {
  let cwd: string;

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'plaid-emulator-main-'));
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it('serves with the sandbox credentials, keeps state in ./data, and exits cleanly on SIGTERM', async () => {
    const loader = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, path.join(PROJECT_ROOT, 'src/sandbox/plaid/main.ts')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PLAID_EMULATOR_PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const [, url] = await waitForOutput(child, /Plaid emulator listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const client = plaidClient(url!, {
        headers: { 'PLAID-CLIENT-ID': EMULATOR_CREDENTIALS.plaidClientId, 'PLAID-SECRET': EMULATOR_CREDENTIALS.plaidSecret },
      });
      const link = await client.linkTokenCreate({
        client_name: 'AtlasForge',
        language: 'en',
        country_codes: [CountryCode.Us],
        user: { client_user_id: 'u' },
        products: [Products.Transactions],
      });
      expect(link.data.link_token).toMatch(/^link-sandbox-/);
      const state = JSON.parse(await readFile(path.join(cwd, 'data', 'plaid-emulator-state.json'), 'utf8')) as { version: number };
      expect(state.version).toBe(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
