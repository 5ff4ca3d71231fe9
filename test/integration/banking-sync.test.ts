import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { LockMode } from '@mikro-orm/core';
import { BankTransaction, EndUser, PlaidItem } from '../../src/db/entities/index.js';
import { SyncEngine } from '../../src/modules/banking/sync-engine.js';
import type { RunningPlaidEmulator } from '../../src/sandbox/plaid/index.js';
import { accessTokenOf, allTransactions, linkUser } from '../helpers/banking.js';
import { DIALECTS } from '../helpers/databases.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { control, eventually, plaidSdk, startBankingFixture, type BankingFixture } from '../helpers/plaid.js';

describe.each(DIALECTS)('transactions sync engine (%s)', (dialect) => {
  let fixture: BankingFixture;
  let plaid: RunningPlaidEmulator;
  let gw: TestGateway;

  beforeAll(async () => {
    fixture = await startBankingFixture(dialect);
    ({ plaid, gw } = fixture);
  });
  afterAll(() => fixture.stop());

  const rowCount = async (plaidItemId: string) => {
    const item = await gw.orm.em.fork().findOneOrFail(PlaidItem, { plaidItemId });
    return gw.orm.em.fork().count(BankTransaction, { item: item.id });
  };

  it('pages the delta feed: a new user’s whole history is added (not modified), later edits are modified', async () => {
    const { itemId } = await linkUser(gw, 'usr_feed_pages');
    const drain = async () => {
      const seen = { added: [] as string[], modified: [] as string[], removed: [] as string[] };
      for (let pages = 0; pages < 50; pages++) {
        const res = await gw.graphql(
          '{ transactionUpdates(userId: "usr_feed_pages", limit: 100) { added { transactionId } modified { transactionId } removed { transactionId } hasMore } }',
        );
        const page = res.body.data.transactionUpdates;
        seen.added.push(...page.added.map((t: { transactionId: string }) => t.transactionId));
        seen.modified.push(...page.modified.map((t: { transactionId: string }) => t.transactionId));
        seen.removed.push(...page.removed.map((t: { transactionId: string }) => t.transactionId));
        if (!page.hasMore) return seen;
      }
      throw new Error('feed did not end');
    };
    const first = await drain();
    const all = await allTransactions(gw, 'usr_feed_pages');
    expect(all.length).toBeGreaterThan(100); // more than one page
    expect(first.modified).toEqual([]);
    expect(new Set(first.added)).toEqual(new Set(all.map((t) => t.transactionId)));

    // A later batch: the emulator posts pending transactions (posted versions added, pending ones removed) and edits names.
    const token = await accessTokenOf(gw, itemId);
    await plaidSdk(plaid.url).sandboxTransactionsCreate({
      access_token: token,
      transactions: [{ amount: 4.56, date_posted: '2026-11-21', date_transacted: '2026-11-21', description: 'Feed Page Cafe', iso_currency_code: 'USD' }],
    });
    const later = await eventually(async () => {
      const seen = await drain();
      return seen.added.length + seen.modified.length > 0 ? seen : undefined;
    });
    const known = new Set(first.added);
    // What was already delivered comes back as modified, never as added; what is new is added.
    for (const id of later.added) expect(known.has(id)).toBe(false);
    for (const id of later.modified) expect(known.has(id)).toBe(true);
    expect(later.added.length).toBeGreaterThan(0);
  });

  it('applies added, modified and removed after a signed SYNC_UPDATES_AVAILABLE webhook', async () => {
    const { itemId } = await linkUser(gw, 'usr_webhook');
    const before = await allTransactions(gw, 'usr_webhook');
    const pendingBefore = before.filter((t) => t.pending).map((t) => t.transactionId);
    expect(pendingBefore.length).toBeGreaterThan(0);

    const token = await accessTokenOf(gw, itemId);
    await plaidSdk(plaid.url).sandboxTransactionsCreate({
      access_token: token,
      transactions: [{ amount: 12.34, date_posted: '2026-11-20', date_transacted: '2026-11-20', description: 'Corner Bakery', iso_currency_code: 'USD' }],
    });
    // The emulator posts a signed webhook to the gateway, which verifies it and syncs.
    const after = await eventually(async () => {
      const now = await allTransactions(gw, 'usr_webhook');
      return now.some((t) => t.name === 'Corner Bakery') ? now : undefined;
    });
    const afterIds = new Set(after.map((t) => t.transactionId));
    for (const id of pendingBefore) expect(afterIds.has(id)).toBe(false); // removed (posted versions added)
    expect(after.find((t) => t.name === 'Corner Bakery')).toMatchObject({ amount: 12.34, pending: false });
    const beforeById = new Map(before.map((t) => [t.transactionId, t]));
    const modified = after.filter((t) => beforeById.has(t.transactionId) && beforeById.get(t.transactionId)!.name !== t.name);
    expect(modified.length).toBeGreaterThan(0);
    expect(after.length).toBe(new Set(after.map((t) => t.transactionId)).size);
  });

  it('refuses a forged or unsigned webhook with 401 and does not sync', async () => {
    const body = JSON.stringify({ webhook_type: 'TRANSACTIONS', webhook_code: 'SYNC_UPDATES_AVAILABLE', item_id: 'x', environment: 'sandbox' });
    const unsigned = await fetch(`${gw.url}/webhooks/plaid`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ request_body_sha256: createHash('sha256').update(body).digest('hex') })
      .setProtectedHeader({ alg: 'ES256', kid: 'not-plaids-key', typ: 'JWT' })
      .setIssuedAt()
      .sign(privateKey);
    const res = await fetch(`${gw.url}/webhooks/plaid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'plaid-verification': forged },
      body,
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('survives TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION without duplicates or lost rows', async () => {
    await control(plaid.url, '/faults', {
      body: { endpoint: '/transactions/sync', plaidErrorCode: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION', afterCalls: 1, times: 1 },
    });
    const { itemId } = await linkUser(gw, 'usr_mutation');
    const shown = await allTransactions(gw, 'usr_mutation');
    await control(plaid.url, '/faults', { method: 'DELETE' });
    const token = await accessTokenOf(gw, itemId);
    let expected = 0;
    let cursor: string | undefined;
    for (;;) {
      const page = (await plaidSdk(plaid.url).transactionsSync({ access_token: token, count: 500, ...(cursor ? { cursor } : {}) })).data;
      expected += page.added.length;
      cursor = page.next_cursor;
      if (!page.has_more) break;
    }
    expect(expected).toBeGreaterThan(500); // more than one page, so the fault hit mid-pagination
    expect(shown.length).toBe(expected);
    expect(await rowCount(itemId)).toBe(expected);
  });

  it('lets concurrent syncs of one item store each transaction once (PostgreSQL: two gateways, as two processes)', async () => {
    const { itemId } = await linkUser(gw, 'usr_concurrent');
    await allTransactions(gw, 'usr_concurrent'); // the initial sync is done
    const expected = await rowCount(itemId);
    // Rewind the item so both engines start from scratch at the same time.
    const em = gw.orm.em.fork();
    const item = await em.findOneOrFail(PlaidItem, { plaidItemId: itemId });
    await em.nativeDelete(BankTransaction, { item: item.id });
    await em.nativeUpdate(PlaidItem, { id: item.id }, { syncCursor: null, lastSyncedAt: null });
    // SQLite is one process by design: two engines on one ORM. PostgreSQL: a second gateway with
    // its own ORM and connection pool, which is what a second replica is to the database.
    const other = dialect === 'postgresql' ? await startTestGateway(gw.database, { PLAID_SANDBOX_URL: plaid.url }) : undefined;
    try {
      const engines = other
        ? [gw.app.services.sync, other.app.services.sync]
        : [1, 2].map(() => new SyncEngine(gw.orm, gw.app.services.cipher, gw.app.services.plaid, gw.app.log, gw.config.database.kind));
      const results = await Promise.all(engines.map((e) => e.syncItem(item.id)));
      expect(results.filter((r) => !r.superseded)).toHaveLength(1);
      expect(await rowCount(itemId)).toBe(expected);
    } finally {
      await other?.stop();
    }
  });

  // PostgreSQL only: there the run's write waits for the user's row lock, which the test can hold
  // from another connection; the queueing under test is the same code on both dialects.
  (dialect === 'postgresql' ? it : it.skip)('syncs a webhook that arrives while a run is writing, by one more run after it', async () => {
    const { itemId } = await linkUser(gw, 'usr_trailing');
    await allTransactions(gw, 'usr_trailing'); // the initial sync is done
    const item = await gw.orm.em.fork().findOneOrFail(PlaidItem, { plaidItemId: itemId });
    const token = await accessTokenOf(gw, itemId);
    const named = (name: string) => gw.orm.em.fork().count(BankTransaction, { item: item.id, name });
    const deliveries = async () => ((await control(plaid.url, '/webhooks')) as { status: number }[]).filter((d) => d.status === 200).length;
    const create = (description: string) =>
      plaidSdk(plaid.url).sandboxTransactionsCreate({
        access_token: token,
        transactions: [{ amount: 7.5, date_posted: '2026-11-25', date_transacted: '2026-11-25', description, iso_currency_code: 'USD' }],
      });

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = gw.orm.em.fork().transactional(async (em) => {
      await em.findOneOrFail(EndUser, { id: item.endUser.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      locked();
      await held;
    });
    try {
      await isLocked;
      // First webhook: a run reads "Trailing A" from Plaid, then waits for the user's lock to write it.
      const before = await deliveries();
      await create('Trailing A');
      await eventually(async () => {
        const rows = await gw.orm.em.fork().getConnection().execute<{ waiting: number }[]>(
          "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        return rows[0]!.waiting > 0;
      });
      // Second webhook while that run waits: its change ("Trailing B") is one the run never read.
      await create('Trailing B');
      await eventually(async () => (await deliveries()) >= before + 2);
    } finally {
      release();
      await holder;
    }
    await eventually(async () => (await named('Trailing A')) === 1 && (await named('Trailing B')) === 1);
    await gw.app.services.sync.idle();
    expect(await named('Trailing B')).toBe(1);
  });
});
