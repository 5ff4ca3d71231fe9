import { Migration } from '@mikro-orm/migrations';

export class Migration20261122052348_usage_rollups extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`usage_hourly_rollups\` (\`partner_id\` text not null, \`hour_start\` datetime not null, \`event_type\` text not null, \`dimension\` text not null, \`events\` bigint not null, \`amount_cents\` bigint not null, constraint \`usage_hourly_rollups_partner_id_foreign\` foreign key(\`partner_id\`) references \`partners\`(\`id\`) on delete cascade on update cascade, primary key (\`partner_id\`, \`hour_start\`, \`event_type\`, \`dimension\`));`);
    this.addSql(`create index \`usage_hourly_rollups_partner_id_index\` on \`usage_hourly_rollups\` (\`partner_id\`);`);

    this.addSql(`create table \`usage_user_months\` (\`partner_id\` text not null, \`month_start\` datetime not null, \`user_id\` text not null, \`active_days\` bigint not null, constraint \`usage_user_months_partner_id_foreign\` foreign key(\`partner_id\`) references \`partners\`(\`id\`) on delete cascade on update cascade, primary key (\`partner_id\`, \`month_start\`, \`user_id\`));`);
    this.addSql(`create index \`usage_user_months_partner_id_index\` on \`usage_user_months\` (\`partner_id\`);`);
    // Every insert into usage_events, whatever its path, updates the rollups in the same statement
    // (see usage-rollup.entity.ts). A row skipped by ON CONFLICT DO NOTHING fires nothing, so a
    // de-duplicated retry is not counted. The user-month row is written only when its day bit is new.
    this.addSql(`create trigger \`usage_events_rollup\` after insert on \`usage_events\` begin
  insert into \`usage_hourly_rollups\` (\`partner_id\`, \`hour_start\`, \`event_type\`, \`dimension\`, \`events\`, \`amount_cents\`)
  values (new.partner_id, (new.occurred_at / 3600000) * 3600000, new.event_type, coalesce(new.category, new.institution, ''), 1, coalesce(new.amount_cents, 0))
  on conflict (\`partner_id\`, \`hour_start\`, \`event_type\`, \`dimension\`) do update set \`events\` = \`events\` + 1, \`amount_cents\` = \`amount_cents\` + excluded.\`amount_cents\`;
  insert into \`usage_user_months\` (\`partner_id\`, \`month_start\`, \`user_id\`, \`active_days\`)
  select new.partner_id, cast(strftime('%s', new.occurred_at / 1000, 'unixepoch', 'start of month') as integer) * 1000, new.user_id,
         1 << (cast(strftime('%d', new.occurred_at / 1000, 'unixepoch') as integer) - 1)
  where new.user_id is not null
  on conflict (\`partner_id\`, \`month_start\`, \`user_id\`) do update set \`active_days\` = \`active_days\` | excluded.\`active_days\`
  where \`active_days\` & excluded.\`active_days\` = 0;
end;`);

    // Events recorded before this migration.
    this.addSql(`insert into \`usage_hourly_rollups\` (\`partner_id\`, \`hour_start\`, \`event_type\`, \`dimension\`, \`events\`, \`amount_cents\`)
  select partner_id, (occurred_at / 3600000) * 3600000, event_type, coalesce(category, institution, ''), count(*), coalesce(sum(amount_cents), 0)
  from \`usage_events\` group by 1, 2, 3, 4;`);
    // SQLite has no bit_or aggregate: the sum of distinct single-bit values is their OR.
    this.addSql(`insert into \`usage_user_months\` (\`partner_id\`, \`month_start\`, \`user_id\`, \`active_days\`)
  select partner_id, month_start, user_id, sum(bit) from (
    select distinct partner_id, cast(strftime('%s', occurred_at / 1000, 'unixepoch', 'start of month') as integer) * 1000 as month_start, user_id,
           1 << (cast(strftime('%d', occurred_at / 1000, 'unixepoch') as integer) - 1) as bit
    from \`usage_events\` where user_id is not null
  ) group by 1, 2, 3;`);
  }

}
