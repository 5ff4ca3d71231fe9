import { Migration } from '@mikro-orm/migrations';

export class Migration20261122060243_transfers_webhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_keys" ("id" uuid not null, "partner_id" uuid not null, "key" varchar(255) not null, "operation" varchar(60) not null, "request_hash" varchar(64) not null, "status" varchar(20) not null, "response_status" int null, "response_body" jsonb null, "locked_until" timestamptz null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "idempotency_keys_pkey" primary key ("id"));`);
    this.addSql(`create index "idempotency_keys_expires_at_index" on "idempotency_keys" ("expires_at");`);
    this.addSql(`alter table "idempotency_keys" add constraint "idempotency_keys_partner_id_key_unique" unique ("partner_id", "key");`);

    this.addSql(`create table "transfer_event_cursors" ("key_mode" varchar(10) not null, "after_id" int not null, "updated_at" timestamptz not null, constraint "transfer_event_cursors_pkey" primary key ("key_mode"));`);

    this.addSql(`create table "transfer_recipients" ("id" uuid not null, "public_id" varchar(40) not null, "end_user_id" uuid not null, "name" varchar(200) not null, "routing_number" varchar(9) not null, "account_number_ciphertext" text not null, "account_number_key_id" varchar(32) not null, "mask" varchar(4) not null, "account_type" varchar(20) not null, "created_at" timestamptz not null, constraint "transfer_recipients_pkey" primary key ("id"));`);
    this.addSql(`alter table "transfer_recipients" add constraint "transfer_recipients_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "transfer_recipients_end_user_id_created_at_index" on "transfer_recipients" ("end_user_id", "created_at");`);

    this.addSql(`create table "transfers" ("id" uuid not null, "public_id" varchar(40) not null, "end_user_id" uuid not null, "item_id" uuid not null, "from_account_id" varchar(100) not null, "to_account_id" varchar(100) null, "recipient_id" uuid null, "amount_cents" bigint not null, "currency" varchar(3) not null, "memo" varchar(200) null, "rail" varchar(20) not null, "status" varchar(20) not null, "plaid_authorization_id" varchar(100) not null, "plaid_transfer_id" varchar(100) not null, "estimated_settlement" timestamptz not null, "failure_reason" varchar(500) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "transfers_pkey" primary key ("id"));`);
    this.addSql(`alter table "transfers" add constraint "transfers_public_id_unique" unique ("public_id");`);
    this.addSql(`alter table "transfers" add constraint "transfers_plaid_transfer_id_unique" unique ("plaid_transfer_id");`);
    this.addSql(`create index "transfers_end_user_id_created_at_index" on "transfers" ("end_user_id", "created_at");`);

    this.addSql(`create table "webhook_endpoints" ("id" uuid not null, "public_id" varchar(40) not null, "partner_id" uuid not null, "url" varchar(2048) not null, "event_types" jsonb not null, "secret_ciphertext" text not null, "secret_key_id" varchar(32) not null, "previous_secret_ciphertext" text null, "previous_secret_key_id" varchar(32) null, "previous_secret_expires_at" timestamptz null, "status" varchar(20) not null, "disabled_reason" varchar(500) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "webhook_endpoints_pkey" primary key ("id"));`);
    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "webhook_endpoints_partner_id_created_at_index" on "webhook_endpoints" ("partner_id", "created_at");`);

    this.addSql(`create table "webhook_deliveries" ("id" uuid not null, "endpoint_id" uuid not null, "event_id" uuid not null, "status" varchar(20) not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "lease_until" timestamptz null, "last_attempt_at" timestamptz null, "last_status_code" int null, "last_error" varchar(500) null, "delivered_at" timestamptz null, "created_at" timestamptz not null, constraint "webhook_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_deliveries_status_next_attempt_at_index" on "webhook_deliveries" ("status", "next_attempt_at");`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`);

    this.addSql(`create table "webhook_delivery_attempts" ("id" uuid not null, "delivery_id" uuid not null, "attempted_at" timestamptz not null, "status_code" int null, "error" varchar(500) null, "duration_ms" int not null, constraint "webhook_delivery_attempts_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_attempts_delivery_id_attempted_at_index" on "webhook_delivery_attempts" ("delivery_id", "attempted_at");`);

    this.addSql(`alter table "idempotency_keys" add constraint "idempotency_keys_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "transfer_recipients" add constraint "transfer_recipients_end_user_id_foreign" foreign key ("end_user_id") references "end_users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "transfers" add constraint "transfers_end_user_id_foreign" foreign key ("end_user_id") references "end_users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "transfers" add constraint "transfers_item_id_foreign" foreign key ("item_id") references "plaid_items" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "transfers" add constraint "transfers_recipient_id_foreign" foreign key ("recipient_id") references "transfer_recipients" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_event_id_foreign" foreign key ("event_id") references "outbox_events" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_delivery_attempts" add constraint "webhook_delivery_attempts_delivery_id_foreign" foreign key ("delivery_id") references "webhook_deliveries" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "outbox_events" add column "dispatched_at" timestamptz null;`);
    this.addSql(`create index "outbox_events_dispatched_at_index" on "outbox_events" ("dispatched_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "transfers" drop constraint "transfers_recipient_id_foreign";`);

    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_endpoint_id_foreign";`);

    this.addSql(`alter table "webhook_delivery_attempts" drop constraint "webhook_delivery_attempts_delivery_id_foreign";`);

    this.addSql(`drop table if exists "idempotency_keys" cascade;`);

    this.addSql(`drop table if exists "transfer_event_cursors" cascade;`);

    this.addSql(`drop table if exists "transfer_recipients" cascade;`);

    this.addSql(`drop table if exists "transfers" cascade;`);

    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);

    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery_attempts" cascade;`);

    this.addSql(`drop index "outbox_events_dispatched_at_index";`);
    this.addSql(`alter table "outbox_events" drop column "dispatched_at";`);
  }

}
