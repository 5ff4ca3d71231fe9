import { Migration } from '@mikro-orm/migrations';

export class Migration20261122092630_key_modes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`outbox_events\` add column \`key_mode\` text check (\`key_mode\` in ('test', 'live')) not null default 'test';`);

    this.addSql(`drop index \`idempotency_keys_partner_id_key_unique\`;`);

    this.addSql(`alter table \`idempotency_keys\` add column \`key_mode\` text check (\`key_mode\` in ('test', 'live')) not null default 'test';`);
    this.addSql(`create unique index \`idempotency_keys_partner_id_key_mode_key_unique\` on \`idempotency_keys\` (\`partner_id\`, \`key_mode\`, \`key\`);`);

    this.addSql(`drop index \`end_users_partner_id_external_user_id_unique\`;`);

    this.addSql(`alter table \`end_users\` add column \`key_mode\` text check (\`key_mode\` in ('test', 'live')) not null default 'test';`);
    this.addSql(`create unique index \`end_users_partner_id_key_mode_external_user_id_unique\` on \`end_users\` (\`partner_id\`, \`key_mode\`, \`external_user_id\`);`);

    this.addSql(`alter table \`webhook_endpoints\` add column \`key_mode\` text check (\`key_mode\` in ('test', 'live')) not null default 'test';`);

    // Until now test and live keys shared one data space. Existing rows get the mode that keeps what
    // they did: a user with a live-linked bank is live; a production-enabled partner's endpoints,
    // pending events and idempotency keys are live (a live retry must still find its key).
    this.addSql(`update \`end_users\` set \`key_mode\` = 'live' where \`id\` in (select \`end_user_id\` from \`plaid_items\` where \`key_mode\` = 'live');`);
    for (const table of ['webhook_endpoints', 'outbox_events', 'idempotency_keys']) {
      this.addSql(`update \`${table}\` set \`key_mode\` = 'live' where \`partner_id\` in (select \`id\` from \`partners\` where \`production_enabled\` = true);`);
    }
  }

}
