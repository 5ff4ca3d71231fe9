import { Migration } from '@mikro-orm/migrations';

export class Migration20261122052349_usage_rollups extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "usage_hourly_rollups" ("partner_id" uuid not null, "hour_start" timestamptz not null, "event_type" varchar(20) not null, "dimension" varchar(200) not null, "events" bigint not null, "amount_cents" bigint not null, constraint "usage_hourly_rollups_pkey" primary key ("partner_id", "hour_start", "event_type", "dimension"));`);

    this.addSql(`create table "usage_user_months" ("partner_id" uuid not null, "month_start" timestamptz not null, "user_id" varchar(200) not null, "active_days" bigint not null, constraint "usage_user_months_pkey" primary key ("partner_id", "month_start", "user_id"));`);

    this.addSql(`alter table "usage_hourly_rollups" add constraint "usage_hourly_rollups_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "usage_user_months" add constraint "usage_user_months_partner_id_foreign" foreign key ("partner_id") references "partners" ("id") on update cascade on delete cascade;`);
    // Every insert into usage_events, whatever its path, updates the rollups in the same statement
    // (see usage-rollup.entity.ts): a statement-level trigger over the transition table, i.e. one
    // grouped upsert per ingest request, not one per event. The transition table holds only rows
    // actually inserted, so a retry de-duplicated by ON CONFLICT DO NOTHING is not counted. Rows are
    // upserted in key order so concurrent ingests lock them in the same order (no deadlocks), and a
    // user-month row is rewritten only when a day bit is new.
    this.addSql(`create function "usage_events_rollup"() returns trigger language plpgsql as $$
begin
  insert into "usage_hourly_rollups" as r ("partner_id", "hour_start", "event_type", "dimension", "events", "amount_cents")
  select "partner_id", date_trunc('hour', "occurred_at", 'UTC'), "event_type", coalesce("category", "institution", ''), count(*), coalesce(sum("amount_cents"), 0)
  from inserted group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict ("partner_id", "hour_start", "event_type", "dimension")
  do update set "events" = r."events" + excluded."events", "amount_cents" = r."amount_cents" + excluded."amount_cents";

  insert into "usage_user_months" as m ("partner_id", "month_start", "user_id", "active_days")
  select "partner_id", date_trunc('month', "occurred_at", 'UTC'), "user_id",
         bit_or(1::bigint << (extract(day from "occurred_at" at time zone 'UTC')::int - 1))
  from inserted where "user_id" is not null group by 1, 2, 3 order by 1, 2, 3
  on conflict ("partner_id", "month_start", "user_id")
  do update set "active_days" = m."active_days" | excluded."active_days"
  where m."active_days" & excluded."active_days" <> excluded."active_days";
  return null;
end $$;`);
    this.addSql(`create trigger "usage_events_rollup" after insert on "usage_events" referencing new table as inserted for each statement execute function "usage_events_rollup"();`);

    // Events recorded before this migration.
    this.addSql(`insert into "usage_hourly_rollups" ("partner_id", "hour_start", "event_type", "dimension", "events", "amount_cents")
  select "partner_id", date_trunc('hour', "occurred_at", 'UTC'), "event_type", coalesce("category", "institution", ''), count(*), coalesce(sum("amount_cents"), 0)
  from "usage_events" group by 1, 2, 3, 4;`);
    this.addSql(`insert into "usage_user_months" ("partner_id", "month_start", "user_id", "active_days")
  select "partner_id", date_trunc('month', "occurred_at", 'UTC'), "user_id", bit_or(1::bigint << (extract(day from "occurred_at" at time zone 'UTC')::int - 1))
  from "usage_events" where "user_id" is not null group by 1, 2, 3;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "usage_events_rollup" on "usage_events";`);
    this.addSql(`drop function if exists "usage_events_rollup"();`);
    this.addSql(`drop table if exists "usage_hourly_rollups" cascade;`);

    this.addSql(`drop table if exists "usage_user_months" cascade;`);
  }

}
