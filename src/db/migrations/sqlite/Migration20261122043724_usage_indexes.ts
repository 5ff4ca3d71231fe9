import { Migration } from '@mikro-orm/migrations';

export class Migration20261122043724_usage_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`usage_events_partner_id_occurred_at_index\`;`);

    this.addSql(`create index \`usage_events_partner_report_index\` on \`usage_events\` (\`partner_id\`, \`occurred_at\`, \`event_type\`, \`user_id\`, \`amount_cents\`, \`category\`, \`institution\`);`);
  }

}
