import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { CountryCode, Products, SandboxItemFireWebhookRequestWebhookCodeEnum } from 'plaid';
import { linkItem, plaidClient, startEmulator, syncAll } from './helpers/emulator.js';
import { WebhookReceiver } from '../helpers/receiver.js';

describe('Plaid emulator: state survives a restart', () => {
  let dir: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'plaid-emulator-state-'));
    receiver = await new WebhookReceiver('/plaid/webhooks').start();
  });
  afterAll(async () => {
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps Items, tokens, appended transactions, cursors and the signing key', async () => {
    const stateFile = path.join(dir, 'nested', 'plaid-state.json');
    const first = await startEmulator({ stateFile });
    const client1 = plaidClient(first.url);
    const { accessToken, itemId } = await linkItem(client1, { options: { webhook: receiver.url } });
    const initial = await syncAll(client1, accessToken, 500);
    await client1.sandboxTransactionsCreate({
      access_token: accessToken,
      transactions: [{ amount: 42.42, date_transacted: '2025-01-10', date_posted: '2025-01-11', description: 'Before restart' }],
    });
    const [webhook] = await receiver.waitFor(1);
    const kid = decodeProtectedHeader(webhook!.headers['plaid-verification'] as string).kid;
    const full1 = await syncAll(client1, accessToken, 500);
    const pendingToken = (await client1.sandboxPublicTokenCreate({ institution_id: 'ins_43', initial_products: [Products.Transactions] }))
      .data.public_token;
    const link = await client1.linkTokenCreate({
      client_name: 'AtlasForge',
      language: 'en',
      country_codes: [CountryCode.Us],
      user: { client_user_id: 'user-7' },
      products: [Products.Transactions],
      webhook: receiver.url,
    });
    // Read last: appending transactions moves the Item's update time, which accounts report.
    const accounts1 = (await client1.accountsGet({ access_token: accessToken })).data.accounts;
    await first.close();

    // Written atomically and privately: no temp file left behind, readable only by the owner.
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { version: number; link_tokens: unknown[] };
    expect(saved.version).toBe(1);
    expect(saved.link_tokens).toContainEqual(
      expect.objectContaining({ link_token: link.data.link_token, client_user_id: 'user-7', webhook: receiver.url }),
    );
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    expect((await readdir(path.dirname(stateFile))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await startEmulator({ stateFile });
    try {
      const client2 = plaidClient(second.url);
      const item = await client2.itemGet({ access_token: accessToken });
      expect(item.data.item.item_id).toBe(itemId);
      expect(item.data.item.webhook).toBe(receiver.url);
      expect((await client2.accountsGet({ access_token: accessToken })).data.accounts).toEqual(accounts1);

      // Same history (base re-derived from the seed, appended events from the file), same cursors.
      const full2 = await syncAll(client2, accessToken, 500);
      expect(full2.added).toEqual(full1.added);
      expect(full2.added.some((t) => t.name === 'Before restart')).toBe(true);
      const incremental = await syncAll(client2, accessToken, 100, initial.cursor);
      expect(incremental.added.map((t) => t.name)).toContain('Before restart');
      const idle = await client2.transactionsSync({ access_token: accessToken, cursor: full1.cursor });
      expect(idle.data.added).toEqual([]);

      // The same signing key: its kid still resolves and new webhooks carry it.
      expect((await client2.webhookVerificationKeyGet({ key_id: kid! })).data.key.kid).toBe(kid);
      await client2.sandboxItemFireWebhook({
        access_token: accessToken,
        webhook_code: SandboxItemFireWebhookRequestWebhookCodeEnum.SyncUpdatesAvailable,
      });
      const [, again] = await receiver.waitFor(2);
      expect(decodeProtectedHeader(again!.headers['plaid-verification'] as string).kid).toBe(kid);

      // A public token created before the restart can still be exchanged once.
      expect((await client2.itemPublicTokenExchange({ public_token: pendingToken })).data.access_token).toMatch(/^access-sandbox-/);
    } finally {
      await second.close();
    }
  });

  it('refuses a state file it did not write rather than overwrite it', async () => {
    const stateFile = path.join(dir, 'foreign.json');
    await writeFile(stateFile, JSON.stringify({ hello: 'world' }));
    await expect(startEmulator({ stateFile })).rejects.toThrow(/not a Plaid emulator state file/);
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ hello: 'world' });
  });
});
