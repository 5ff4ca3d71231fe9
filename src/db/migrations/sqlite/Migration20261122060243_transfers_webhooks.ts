import { Migration } from '@mikro-orm/migrations';

export class Migration20261122060243_transfers_webhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`idempotency_keys\` (\`id\` text not null, \`partner_id\` text not null, \`key\` text not null, \`operation\` text not null, \`request_hash\` text not null, \`status\` text not null, \`response_status\` integer null, \`response_body\` json null, \`locked_until\` datetime null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`idempotency_keys_partner_id_foreign\` foreign key(\`partner_id\`) references \`partners\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`idempotency_keys_partner_id_index\` on \`idempotency_keys\` (\`partner_id\`);`);
    this.addSql(`create index \`idempotency_keys_expires_at_index\` on \`idempotency_keys\` (\`expires_at\`);`);
    this.addSql(`create unique index \`idempotency_keys_partner_id_key_unique\` on \`idempotency_keys\` (\`partner_id\`, \`key\`);`);

    this.addSql(`create table \`transfer_event_cursors\` (\`key_mode\` text not null, \`after_id\` integer not null, \`updated_at\` datetime not null, primary key (\`key_mode\`));`);

    this.addSql(`create table \`transfer_recipients\` (\`id\` text not null, \`public_id\` text not null, \`end_user_id\` text not null, \`name\` text not null, \`routing_number\` text not null, \`account_number_ciphertext\` text not null, \`account_number_key_id\` text not null, \`mask\` text not null, \`account_type\` text not null, \`created_at\` datetime not null, constraint \`transfer_recipients_end_user_id_foreign\` foreign key(\`end_user_id\`) references \`end_users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`transfer_recipients_public_id_unique\` on \`transfer_recipients\` (\`public_id\`);`);
    this.addSql(`create index \`transfer_recipients_end_user_id_index\` on \`transfer_recipients\` (\`end_user_id\`);`);
    this.addSql(`create index \`transfer_recipients_end_user_id_created_at_index\` on \`transfer_recipients\` (\`end_user_id\`, \`created_at\`);`);

    this.addSql(`create table \`transfers\` (\`id\` text not null, \`public_id\` text not null, \`end_user_id\` text not null, \`item_id\` text not null, \`from_account_id\` text not null, \`to_account_id\` text null, \`recipient_id\` text null, \`amount_cents\` bigint not null, \`currency\` text not null, \`memo\` text null, \`rail\` text not null, \`status\` text not null, \`plaid_authorization_id\` text not null, \`plaid_transfer_id\` text not null, \`estimated_settlement\` datetime not null, \`failure_reason\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`transfers_end_user_id_foreign\` foreign key(\`end_user_id\`) references \`end_users\`(\`id\`) on delete cascade on update cascade, constraint \`transfers_item_id_foreign\` foreign key(\`item_id\`) references \`plaid_items\`(\`id\`) on delete cascade on update cascade, constraint \`transfers_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`transfer_recipients\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`transfers_public_id_unique\` on \`transfers\` (\`public_id\`);`);
    this.addSql(`create index \`transfers_end_user_id_index\` on \`transfers\` (\`end_user_id\`);`);
    this.addSql(`create index \`transfers_item_id_index\` on \`transfers\` (\`item_id\`);`);
    this.addSql(`create index \`transfers_recipient_id_index\` on \`transfers\` (\`recipient_id\`);`);
    this.addSql(`create unique index \`transfers_plaid_transfer_id_unique\` on \`transfers\` (\`plaid_transfer_id\`);`);
    this.addSql(`create index \`transfers_end_user_id_created_at_index\` on \`transfers\` (\`end_user_id\`, \`created_at\`);`);

    this.addSql(`create table \`webhook_endpoints\` (\`id\` text not null, \`public_id\` text not null, \`partner_id\` text not null, \`url\` text not null, \`event_types\` json not null, \`secret_ciphertext\` text not null, \`secret_key_id\` text not null, \`previous_secret_ciphertext\` text null, \`previous_secret_key_id\` text null, \`previous_secret_expires_at\` datetime null, \`status\` text not null, \`disabled_reason\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`webhook_endpoints_partner_id_foreign\` foreign key(\`partner_id\`) references \`partners\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`webhook_endpoints_public_id_unique\` on \`webhook_endpoints\` (\`public_id\`);`);
    this.addSql(`create index \`webhook_endpoints_partner_id_index\` on \`webhook_endpoints\` (\`partner_id\`);`);
    this.addSql(`create index \`webhook_endpoints_partner_id_created_at_index\` on \`webhook_endpoints\` (\`partner_id\`, \`created_at\`);`);

    this.addSql(`create table \`webhook_deliveries\` (\`id\` text not null, \`endpoint_id\` text not null, \`event_id\` text not null, \`status\` text not null, \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`lease_until\` datetime null, \`last_attempt_at\` datetime null, \`last_status_code\` integer null, \`last_error\` text null, \`delivered_at\` datetime null, \`created_at\` datetime not null, constraint \`webhook_deliveries_endpoint_id_foreign\` foreign key(\`endpoint_id\`) references \`webhook_endpoints\`(\`id\`) on delete cascade on update cascade, constraint \`webhook_deliveries_event_id_foreign\` foreign key(\`event_id\`) references \`outbox_events\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_deliveries_endpoint_id_index\` on \`webhook_deliveries\` (\`endpoint_id\`);`);
    this.addSql(`create index \`webhook_deliveries_event_id_index\` on \`webhook_deliveries\` (\`event_id\`);`);
    this.addSql(`create index \`webhook_deliveries_status_next_attempt_at_index\` on \`webhook_deliveries\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create unique index \`webhook_deliveries_endpoint_id_event_id_unique\` on \`webhook_deliveries\` (\`endpoint_id\`, \`event_id\`);`);

    this.addSql(`create table \`webhook_delivery_attempts\` (\`id\` text not null, \`delivery_id\` text not null, \`attempted_at\` datetime not null, \`status_code\` integer null, \`error\` text null, \`duration_ms\` integer not null, constraint \`webhook_delivery_attempts_delivery_id_foreign\` foreign key(\`delivery_id\`) references \`webhook_deliveries\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_delivery_attempts_delivery_id_index\` on \`webhook_delivery_attempts\` (\`delivery_id\`);`);
    this.addSql(`create index \`webhook_delivery_attempts_delivery_id_attempted_at_index\` on \`webhook_delivery_attempts\` (\`delivery_id\`, \`attempted_at\`);`);

    this.addSql(`alter table \`outbox_events\` add column \`dispatched_at\` datetime null;`);
    this.addSql(`create index \`outbox_events_dispatched_at_index\` on \`outbox_events\` (\`dispatched_at\`);`);
  }

}
