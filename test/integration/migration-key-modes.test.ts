import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openDatabase, type Orm } from '../../src/db/orm.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

const BEFORE_KEY_MODES = 'Migration20261122060243_transfers_webhooks';

/**
 * Rows written before test and live data were separated get the mode that keeps what they did: a
 * user with a live-linked bank stays visible to live keys; a production-enabled partner's
 * endpoints, events and idempotency keys stay live (a live retry must find its key).
 */
describe.each(DIALECTS)('the key_modes migration on existing rows (%s)', (dialect) => {
  let db: TestDatabase;
  let orm: Orm;
  const now = new Date().toISOString();
  const bool = (b: boolean) => (dialect === 'sqlite' ? (b ? 1 : 0) : b);
  const run = (sql: string, params: unknown[] = []) => orm.em.getConnection().execute(sql, params);
  /** A fixed, valid uuid per (kind of row, number). */
  const uuid = (kind: number, n: number) => `${kind}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    orm = await openDatabase(db.config, { migrate: false });
    await orm.getMigrator().up({ to: BEFORE_KEY_MODES });
    // Partner 1 is production-enabled, partner 2 is not.
    for (const [n, enabled] of [[1, true], [2, false]] as const) {
      const id = uuid(0, n);
      await run('insert into partners (id, name, production_enabled, created_at) values (?, ?, ?, ?)', [id, id, bool(enabled), now]);
      await run('insert into webhook_endpoints (id, public_id, partner_id, url, event_types, secret_ciphertext, secret_key_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        uuid(1, n), `we_${n}`, id, 'https://hooks.example.com', '["*"]', 'x', 'k', 'enabled', now, now,
      ]);
      await run('insert into outbox_events (id, partner_id, event_type, payload, created_at) values (?, ?, ?, ?, ?)', [uuid(2, n), id, 'calculation.updated', '{}', now]);
      await run('insert into idempotency_keys (id, partner_id, key, operation, request_hash, status, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)', [
        uuid(3, n), id, 'k1', 'createTransfer', 'h', 'completed', now, now,
      ]);
    }
    // Under the production-enabled partner: one user with a live item, one with a sandbox item, one with no item.
    const partner = uuid(0, 1);
    for (const [n, user, itemMode] of [[1, 'live_user', 'live'], [2, 'sandbox_user', 'test'], [3, 'no_item_user', null]] as const) {
      const userId = uuid(4, n);
      await run('insert into end_users (id, partner_id, external_user_id, created_at) values (?, ?, ?, ?)', [userId, partner, user, now]);
      if (itemMode) {
        await run(
          'insert into plaid_items (id, partner_id, end_user_id, plaid_item_id, key_mode, access_token_ciphertext, access_token_key_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [uuid(5, n), partner, userId, `item_${user}`, itemMode, 'x', 'k', 'active', now, now],
        );
      }
    }
    await orm.getMigrator().up();
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('a user is live only when it has a live-linked item', async () => {
    const users = await run('select external_user_id, key_mode from end_users order by external_user_id');
    expect(users.map((u) => [u.external_user_id, u.key_mode])).toEqual([
      ['live_user', 'live'],
      ['no_item_user', 'test'],
      ['sandbox_user', 'test'],
    ]);
  });

  it.each(['webhook_endpoints', 'outbox_events', 'idempotency_keys'])('%s of the production-enabled partner are live, the others test', async (table) => {
    const rows = await run(`select partner_id, key_mode from ${table} order by partner_id`);
    expect(rows.map((r) => [r.partner_id, r.key_mode])).toEqual([
      [uuid(0, 1), 'live'],
      [uuid(0, 2), 'test'],
    ]);
  });
});
