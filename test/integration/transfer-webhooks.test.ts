import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { verifyAtlasSignature } from '../../src/public/verify-atlas-signature.js';
import { linkUser } from '../helpers/banking.js';
import { DIALECTS } from '../helpers/databases.js';
import { plaidSdk, startBankingFixture, type BankingFixture } from '../helpers/plaid.js';
import { registerEndpoint, WebhookReceiver } from '../helpers/webhooks.js';

/** The whole path: a transfer settles at Plaid → Plaid's webhook → event sync → outbox → a signed delivery to the partner. */
describe.each(DIALECTS)('a settled transfer reaches the partner as a signed transfer.settled webhook (%s)', (dialect) => {
  let f: BankingFixture;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    f = await startBankingFixture(dialect);
    await receiver.start();
  });
  afterAll(async () => {
    await f.stop();
    await receiver.close();
  });

  it('delivers transfer.settled with a signature that an independent (Stripe) verifier accepts', async () => {
    const { secret } = await registerEndpoint(f.gw, receiver.url(), ['transfer.settled']);
    await linkUser(f.gw, 'usr_payee');
    const accounts = (await f.gw.graphql('{ user(id: "usr_payee") { accounts { accountId subtype } } }')).body.data.user.accounts as { accountId: string; subtype: string }[];
    const from = accounts.find((a) => a.subtype === 'checking')!.accountId;
    const to = accounts.find((a) => a.subtype === 'savings')!.accountId;
    const created = await f.gw.graphql(`mutation { createTransfer(input: { fromAccountId: "${from}", toAccountId: "${to}", amount: 7.5 }, idempotencyKey: "${randomUUID()}") { ... on Transfer { id } } }`);
    const transferId = created.body.data.createTransfer.id as string;
    const row = (await f.gw.orm.em.getConnection().execute('select plaid_transfer_id from transfers where public_id = ?', [transferId]))[0]!;
    const sdk = plaidSdk(f.plaid.url);
    await sdk.sandboxTransferSimulate({ transfer_id: String(row.plaid_transfer_id), event_type: 'posted' });
    await sdk.sandboxTransferSimulate({ transfer_id: String(row.plaid_transfer_id), event_type: 'settled' });

    const [delivery] = await receiver.waitFor(1, 20_000);
    // Only the subscribed type arrives: pending and posted were not asked for.
    // The reference's `data.transfer_id`, and the transfer spelt like the REST routes and the other events.
    expect(delivery!.body).toMatchObject({
      type: 'transfer.settled',
      data: { transfer_id: transferId, user_id: 'usr_payee', transfer: { id: transferId, status: 'settled', amount: 7.5, currency: 'USD', from_account_id: from, to_account_id: to, recipient_id: null } },
    });
    expect(Object.keys(delivery!.body.data.transfer).sort()).toEqual(
      ['amount', 'created_at', 'currency', 'estimated_settlement', 'failure_reason', 'from_account_id', 'id', 'memo', 'rail', 'recipient_id', 'status', 'to_account_id'],
    );
    expect(delivery!.body.data.transfer.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const header = String(delivery!.headers['atlas-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const raw = delivery!.raw.toString('utf8');
    expect(verifyAtlasSignature(raw, header, secret)).toBe(true);
    expect(Stripe.webhooks.signature!.verifyHeader(raw, header, secret, 300)).toBe(true);
    expect(verifyAtlasSignature(raw.replace('settled', 'failed'), header, secret)).toBe(false);
  });
});
