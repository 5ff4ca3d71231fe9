import { Migration } from '@mikro-orm/migrations';

export class Migration20261122030746_banking extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "plaid_items" ("id" uuid not null, "partner_id" uuid not null, "end_user_id" uuid not null, "plaid_item_id" varchar(100) not null, "key_mode" text check ("key_mode" in ('test', 'live')) not null, "institution_id" varchar(100) null, "institution_name" varchar(200) null, "access_token_ciphertext" text not null, "access_token_key_id" varchar(32) not null, "sync_cursor" text null, "last_synced_at" timestamptz null, "status" varchar(20) not null default 'active', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "plaid_items_pkey" primary key ("id"));`);
    this.addSql(`create index "plaid_items_plaid_item_id_index" on "plaid_items" ("plaid_item_id");`);
    this.addSql(`alter table "plaid_items" add constraint "plaid_items_partner_id_plaid_item_id_unique" unique ("partner_id", "plaid_item_id");`);

    this.addSql(`create table "bank_transactions" ("id" uuid not null, "item_id" uuid not null, "end_user_id" uuid not null, "plaid_transaction_id" varchar(100) not null, "plaid_account_id" varchar(100) not null, "amount_cents" bigint not null, "iso_currency_code" varchar(3) null, "date" date not null, "name" varchar(500) not null, "merchant_name" varchar(200) null, "pending" boolean not null, "pending_transaction_id" varchar(100) null, "pfc_primary" varchar(100) null, "pfc_detailed" varchar(100) null, "change_seq" bigint not null, "added_seq" bigint not null, "removed_at" timestamptz null, "surfaced_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "bank_transactions_pkey" primary key ("id"));`);
    this.addSql(`create index "bank_transactions_end_user_id_date_index" on "bank_transactions" ("end_user_id", "date");`);
    this.addSql(`create index "bank_transactions_end_user_id_change_seq_index" on "bank_transactions" ("end_user_id", "change_seq");`);
    this.addSql(`alter table "bank_transactions" add constraint "bank_transactions_item_id_plaid_transaction_id_unique" unique ("item_id", "plaid_transaction_id");`);

    this.addSql(`create table "bank_accounts" ("id" uuid not null, "item_id" uuid not null, "end_user_id" uuid not null, "plaid_account_id" varchar(100) not null, "name" varchar(200) not null, "official_name" varchar(200) null, "mask" varchar(10) null, "type" varchar(40) not null, "subtype" varchar(60) null, "current_balance_cents" bigint null, "available_balance_cents" bigint null, "iso_currency_code" varchar(3) null, "updated_at" timestamptz not null, constraint "bank_accounts_pkey" primary key ("id"));`);
    this.addSql(`alter table "bank_accounts" add constraint "bank_accounts_item_id_plaid_account_id_unique" unique ("item_id", "plaid_account_id");`);

    this.addSql(`create table "transaction_feed_cursors" ("id" uuid not null, "end_user_id" uuid not null, "cursor" text not null, "updated_at" timestamptz not null, constraint "transaction_feed_cursors_pkey" primary key ("id"));`);
    this.addSql(`alter table "transaction_feed_cursors" add constraint "transaction_feed_cursors_end_user_id_unique" unique ("end_user_id");`);

    this.addSql(`create table "usage_events" ("id" uuid not null, "partner_id" uuid not null, "event_type" varchar(20) not null, "user_id" varchar(200) null, "amount_cents" bigint null, "category" varchar(100) null, "institution" varchar(200) null, "occurred_at" timestamptz not null, "source" varchar(10) not null, "event_id" varchar(200) null, "created_at" timestamptz not null, constraint "usage_events_pkey" primary key ("id"));`);
    this.addSql(`alter table "usage_events" add constraint "usage_events_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "usage_events_partner_id_occurred_at_index" on "usage_events" ("partner_id", "occurred_at");`);

    this.addSql(`alter table "plaid_items" add constraint "plaid_items_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "plaid_items" add constraint "plaid_items_end_user_id_foreign" foreign key ("end_user_id") references "end_users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bank_transactions" add constraint "bank_transactions_item_id_foreign" foreign key ("item_id") references "plaid_items" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "bank_transactions" add constraint "bank_transactions_end_user_id_foreign" foreign key ("end_user_id") references "end_users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bank_accounts" add constraint "bank_accounts_item_id_foreign" foreign key ("item_id") references "plaid_items" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "bank_accounts" add constraint "bank_accounts_end_user_id_foreign" foreign key ("end_user_id") references "end_users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "transaction_feed_cursors" add constraint "transaction_feed_cursors_end_user_id_foreign" foreign key ("end_user_id") references "end_users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "usage_events" add constraint "usage_events_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "bank_transactions" drop constraint "bank_transactions_item_id_foreign";`);

    this.addSql(`alter table "bank_accounts" drop constraint "bank_accounts_item_id_foreign";`);

    this.addSql(`drop table if exists "plaid_items" cascade;`);

    this.addSql(`drop table if exists "bank_transactions" cascade;`);

    this.addSql(`drop table if exists "bank_accounts" cascade;`);

    this.addSql(`drop table if exists "transaction_feed_cursors" cascade;`);

    this.addSql(`drop table if exists "usage_events" cascade;`);
  }

}
