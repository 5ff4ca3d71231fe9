import { Migration } from '@mikro-orm/migrations';

export class Migration20261122053306_insights extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`outbox_events\` (\`id\` text not null, \`partner_id\` text not null, \`event_type\` text not null, \`payload\` json not null, \`created_at\` datetime not null, constraint \`outbox_events_partner_id_foreign\` foreign key(\`partner_id\`) references \`partners\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`outbox_events_partner_id_index\` on \`outbox_events\` (\`partner_id\`);`);
    this.addSql(`create index \`outbox_events_partner_id_created_at_index\` on \`outbox_events\` (\`partner_id\`, \`created_at\`);`);

    this.addSql(`create table \`safe_to_spend_calculations\` (\`id\` text not null, \`end_user_id\` text not null, \`calculation_id\` text not null, \`calculated_at\` datetime not null, \`is_sandbox\` integer not null, \`figures\` json not null, constraint \`safe_to_spend_calculations_end_user_id_foreign\` foreign key(\`end_user_id\`) references \`end_users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`safe_to_spend_calculations_end_user_id_index\` on \`safe_to_spend_calculations\` (\`end_user_id\`);`);
    this.addSql(`create unique index \`safe_to_spend_calculations_calculation_id_unique\` on \`safe_to_spend_calculations\` (\`calculation_id\`);`);
    this.addSql(`create index \`safe_to_spend_calculations_end_user_id_calculated_at_index\` on \`safe_to_spend_calculations\` (\`end_user_id\`, \`calculated_at\`);`);
  }

}
