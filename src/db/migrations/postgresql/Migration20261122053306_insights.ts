import { Migration } from '@mikro-orm/migrations';

export class Migration20261122053306_insights extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outbox_events" ("id" uuid not null, "partner_id" uuid not null, "event_type" varchar(60) not null, "payload" jsonb not null, "created_at" timestamptz not null, constraint "outbox_events_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_events_partner_id_created_at_index" on "outbox_events" ("partner_id", "created_at");`);

    this.addSql(`create table "safe_to_spend_calculations" ("id" uuid not null, "end_user_id" uuid not null, "calculation_id" varchar(60) not null, "calculated_at" timestamptz not null, "is_sandbox" boolean not null, "figures" jsonb not null, constraint "safe_to_spend_calculations_pkey" primary key ("id"));`);
    this.addSql(`alter table "safe_to_spend_calculations" add constraint "safe_to_spend_calculations_calculation_id_unique" unique ("calculation_id");`);
    this.addSql(`create index "safe_to_spend_calculations_end_user_id_calculated_at_index" on "safe_to_spend_calculations" ("end_user_id", "calculated_at");`);

    this.addSql(`alter table "outbox_events" add constraint "outbox_events_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "safe_to_spend_calculations" add constraint "safe_to_spend_calculations_end_user_id_foreign" foreign key ("end_user_id") references "end_users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_events" cascade;`);

    this.addSql(`drop table if exists "safe_to_spend_calculations" cascade;`);
  }

}
