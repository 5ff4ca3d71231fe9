import { Migration } from '@mikro-orm/migrations';

export class Migration20261122023840_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "partners" ("id" uuid not null, "name" varchar(200) not null, "production_enabled" boolean not null default false, "rate_limit_per_second" int null, "created_at" timestamptz not null, constraint "partners_pkey" primary key ("id"));`);

    this.addSql(`create table "end_users" ("id" uuid not null, "partner_id" uuid not null, "external_user_id" varchar(200) not null, "created_at" timestamptz not null, constraint "end_users_pkey" primary key ("id"));`);
    this.addSql(`alter table "end_users" add constraint "end_users_partner_id_external_user_id_unique" unique ("partner_id", "external_user_id");`);

    this.addSql(`create table "api_keys" ("id" uuid not null, "partner_id" uuid not null, "prefix" varchar(40) not null, "secret_hash" varchar(64) not null, "mode" text check ("mode" in ('test', 'live')) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_prefix_unique" unique ("prefix");`);

    this.addSql(`alter table "end_users" add constraint "end_users_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_keys" add constraint "api_keys_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "end_users" drop constraint "end_users_partner_id_foreign";`);

    this.addSql(`alter table "api_keys" drop constraint "api_keys_partner_id_foreign";`);

    this.addSql(`drop table if exists "partners" cascade;`);

    this.addSql(`drop table if exists "end_users" cascade;`);

    this.addSql(`drop table if exists "api_keys" cascade;`);
  }

}
