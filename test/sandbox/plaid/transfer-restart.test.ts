import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACHClass, Products, TransferNetwork, TransferType, type PlaidApi } from 'plaid';
import { linkItem, plaidClient, startEmulator } from './helpers/emulator.js';
import { PlaidSpec } from './helpers/spec.js';

describe('Plaid emulator: transfers survive a restart', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'plaid-emulator-transfers-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps authorizations, transfers, events and their balance holds', async () => {
    const stateFile = path.join(dir, 'plaid-state.json');
    const spec = new PlaidSpec();
    const first = await startEmulator({ stateFile });
    const client1 = plaidClient(first.url, { spec });
    const { accessToken } = await linkItem(client1, { initial_products: [Products.Transfer] });
    const accountId = (await client1.accountsGet({ access_token: accessToken })).data.accounts.find((a) => a.subtype === 'checking')!.account_id;
    const authorize = (client: PlaidApi, amount: string) =>
      client.transferAuthorizationCreate({
        access_token: accessToken,
        account_id: accountId,
        type: TransferType.Debit,
        network: TransferNetwork.Ach,
        ach_class: ACHClass.Web,
        amount,
        user: { legal_name: 'Anne Charleston' },
      });
    const used = (await authorize(client1, '70.00')).data.authorization;
    const create = (client: PlaidApi, authorizationId: string, description: string) =>
      client.transferCreate({ access_token: accessToken, account_id: accountId, authorization_id: authorizationId, description });
    const transfer = (await create(client1, used.id, 'Deposit')).data.transfer;
    await client1.sandboxTransferSimulate({ transfer_id: transfer.id, event_type: 'posted' });
    const unused = (await authorize(client1, '5.00')).data.authorization;
    const events1 = (await client1.transferEventSync({ after_id: 0 })).data.transfer_events;
    const balances1 = (await client1.accountsBalanceGet({ access_token: accessToken })).data.accounts;
    await first.close();

    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { version: number; transfer: { transfers: unknown[]; events: unknown[] } };
    expect(saved.version).toBe(1);
    expect(saved.transfer.transfers).toHaveLength(1);
    expect(saved.transfer.events).toHaveLength(2);

    const second = await startEmulator({ stateFile });
    try {
      const client2 = plaidClient(second.url, { spec });
      expect((await client2.transferGet({ transfer_id: transfer.id })).data.transfer).toEqual({ ...transfer, status: 'posted', cancellable: false });
      expect((await client2.transferEventSync({ after_id: 0 })).data.transfer_events).toEqual(events1);
      // The hold of the posted debit still counts.
      const balances2 = (await client2.accountsBalanceGet({ access_token: accessToken })).data.accounts;
      expect(balances2.map((a) => a.balances.available)).toEqual(balances1.map((a) => a.balances.available));
      expect(balances2.find((a) => a.account_id === accountId)!.balances).toMatchObject({ available: 30, current: 40 });
      expect((await authorize(client2, '30.01')).data.authorization.decision_rationale?.code).toBe('NSF');

      // The lifecycle and the event ids carry on; an authorization made before the restart is still usable, once.
      await client2.sandboxTransferSimulate({ transfer_id: transfer.id, event_type: 'settled' });
      const next = (await client2.transferEventSync({ after_id: events1.at(-1)!.event_id })).data.transfer_events;
      expect(next.map((e) => [e.event_id, e.event_type])).toEqual([[events1.at(-1)!.event_id + 1, 'settled']]);
      const late = await create(client2, unused.id, 'Top up');
      expect(late.data.transfer.status).toBe('pending');
      expect((await create(client2, used.id, 'Deposit')).data.transfer.id).toBe(transfer.id);
    } finally {
      await second.close();
    }
  });
});
