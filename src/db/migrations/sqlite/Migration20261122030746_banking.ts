import { Migration } from '@mikro-orm/migrations';

export class Migration20261122030746_banking extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`plaid_items\` (\`id\` text not null, \`partner_id\` text not null, \`end_user_id\` text not null, \`plaid_item_id\` text not null, \`key_mode\` text check (\`key_mode\` in ('test', 'live')) not null, \`institution_id\` text null, \`institution_name\` text null, \`access_token_ciphertext\` text not null, \`access_token_key_id\` text not null, \`sync_cursor\` text null, \`last_synced_at\` datetime null, \`status\` text not null default 'active', \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`plaid_items_partner_id_foreign\` foreign key(\`partner_id\`) references \`partners\`(\`id\`) on delete cascade on update cascade, constraint \`plaid_items_end_user_id_foreign\` foreign key(\`end_user_id\`) references \`end_users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`plaid_items_partner_id_index\` on \`plaid_items\` (\`partner_id\`);`);
    this.addSql(`create index \`plaid_items_end_user_id_index\` on \`plaid_items\` (\`end_user_id\`);`);
    this.addSql(`create index \`plaid_items_plaid_item_id_index\` on \`plaid_items\` (\`plaid_item_id\`);`);
    this.addSql(`create unique index \`plaid_items_partner_id_plaid_item_id_unique\` on \`plaid_items\` (\`partner_id\`, \`plaid_item_id\`);`);

    this.addSql(`create table \`bank_transactions\` (\`id\` text not null, \`item_id\` text not null, \`end_user_id\` text not null, \`plaid_transaction_id\` text not null, \`plaid_account_id\` text not null, \`amount_cents\` bigint not null, \`iso_currency_code\` text null, \`date\` date not null, \`name\` text not null, \`merchant_name\` text null, \`pending\` integer not null, \`pending_transaction_id\` text null, \`pfc_primary\` text null, \`pfc_detailed\` text null, \`change_seq\` bigint not null, \`added_seq\` bigint not null, \`removed_at\` datetime null, \`surfaced_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`bank_transactions_item_id_foreign\` foreign key(\`item_id\`) references \`plaid_items\`(\`id\`) on delete cascade on update cascade, constraint \`bank_transactions_end_user_id_foreign\` foreign key(\`end_user_id\`) references \`end_users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`bank_transactions_item_id_index\` on \`bank_transactions\` (\`item_id\`);`);
    this.addSql(`create index \`bank_transactions_end_user_id_index\` on \`bank_transactions\` (\`end_user_id\`);`);
    this.addSql(`create index \`bank_transactions_end_user_id_date_index\` on \`bank_transactions\` (\`end_user_id\`, \`date\`);`);
    this.addSql(`create index \`bank_transactions_end_user_id_change_seq_index\` on \`bank_transactions\` (\`end_user_id\`, \`change_seq\`);`);
    this.addSql(`create unique index \`bank_transactions_item_id_plaid_transaction_id_unique\` on \`bank_transactions\` (\`item_id\`, \`plaid_transaction_id\`);`);

    this.addSql(`create table \`bank_accounts\` (\`id\` text not null, \`item_id\` text not null, \`end_user_id\` text not null, \`plaid_account_id\` text not null, \`name\` text not null, \`official_name\` text null, \`mask\` text null, \`type\` text not null, \`subtype\` text null, \`current_balance_cents\` bigint null, \`available_balance_cents\` bigint null, \`iso_currency_code\` text null, \`updated_at\` datetime not null, constraint \`bank_accounts_item_id_foreign\` foreign key(\`item_id\`) references \`plaid_items\`(\`id\`) on delete cascade on update cascade, constraint \`bank_accounts_end_user_id_foreign\` foreign key(\`end_user_id\`) references \`end_users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`bank_accounts_item_id_index\` on \`bank_accounts\` (\`item_id\`);`);
    this.addSql(`create index \`bank_accounts_end_user_id_index\` on \`bank_accounts\` (\`end_user_id\`);`);
    this.addSql(`create unique index \`bank_accounts_item_id_plaid_account_id_unique\` on \`bank_accounts\` (\`item_id\`, \`plaid_account_id\`);`);

    this.addSql(`create table \`transaction_feed_cursors\` (\`id\` text not null, \`end_user_id\` text not null, \`cursor\` text not null, \`updated_at\` datetime not null, constraint \`transaction_feed_cursors_end_user_id_foreign\` foreign key(\`end_user_id\`) references \`end_users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`transaction_feed_cursors_end_user_id_index\` on \`transaction_feed_cursors\` (\`end_user_id\`);`);
    this.addSql(`create unique index \`transaction_feed_cursors_end_user_id_unique\` on \`transaction_feed_cursors\` (\`end_user_id\`);`);

    this.addSql(`create table \`usage_events\` (\`id\` text not null, \`partner_id\` text not null, \`event_type\` text not null, \`user_id\` text null, \`amount_cents\` bigint null, \`category\` text null, \`institution\` text null, \`occurred_at\` datetime not null, \`source\` text not null, \`event_id\` text null, \`created_at\` datetime not null, constraint \`usage_events_partner_id_foreign\` foreign key(\`partner_id\`) references \`partners\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`usage_events_partner_id_index\` on \`usage_events\` (\`partner_id\`);`);
    this.addSql(`create unique index \`usage_events_event_id_unique\` on \`usage_events\` (\`event_id\`);`);
    this.addSql(`create index \`usage_events_partner_id_occurred_at_index\` on \`usage_events\` (\`partner_id\`, \`occurred_at\`);`);
  }

}
