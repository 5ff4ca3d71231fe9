import { Migration } from '@mikro-orm/migrations';

export class Migration20261122035443_atomic extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "atomic_users" ("id" uuid not null, "end_user_id" uuid not null, "identifier" varchar(64) not null, "created_at" timestamptz not null, constraint "atomic_users_pkey" primary key ("id"));`);
    this.addSql(`alter table "atomic_users" add constraint "atomic_users_end_user_id_unique" unique ("end_user_id");`);
    this.addSql(`alter table "atomic_users" add constraint "atomic_users_identifier_unique" unique ("identifier");`);

    this.addSql(`create table "atomic_public_tokens" ("id" uuid not null, "end_user_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "atomic_public_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "atomic_public_tokens" add constraint "atomic_public_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "atomic_users" add constraint "atomic_users_end_user_id_foreign" foreign key ("end_user_id") references "end_users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "atomic_public_tokens" add constraint "atomic_public_tokens_end_user_id_foreign" foreign key ("end_user_id") references "end_users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "atomic_users" cascade;`);

    this.addSql(`drop table if exists "atomic_public_tokens" cascade;`);
  }

}
