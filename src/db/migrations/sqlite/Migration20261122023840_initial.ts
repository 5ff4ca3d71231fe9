import { Migration } from '@mikro-orm/migrations';

export class Migration20261122023840_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`partners\` (\`id\` text not null, \`name\` text not null, \`production_enabled\` integer not null default false, \`rate_limit_per_second\` integer null, \`created_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`create table \`end_users\` (\`id\` text not null, \`partner_id\` text not null, \`external_user_id\` text not null, \`created_at\` datetime not null, constraint \`end_users_partner_id_foreign\` foreign key(\`partner_id\`) references \`partners\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`end_users_partner_id_index\` on \`end_users\` (\`partner_id\`);`);
    this.addSql(`create unique index \`end_users_partner_id_external_user_id_unique\` on \`end_users\` (\`partner_id\`, \`external_user_id\`);`);

    this.addSql(`create table \`api_keys\` (\`id\` text not null, \`partner_id\` text not null, \`prefix\` text not null, \`secret_hash\` text not null, \`mode\` text check (\`mode\` in ('test', 'live')) not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, constraint \`api_keys_partner_id_foreign\` foreign key(\`partner_id\`) references \`partners\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`api_keys_partner_id_index\` on \`api_keys\` (\`partner_id\`);`);
    this.addSql(`create unique index \`api_keys_prefix_unique\` on \`api_keys\` (\`prefix\`);`);
  }

}
