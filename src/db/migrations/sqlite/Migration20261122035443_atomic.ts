import { Migration } from '@mikro-orm/migrations';

export class Migration20261122035443_atomic extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`atomic_users\` (\`id\` text not null, \`end_user_id\` text not null, \`identifier\` text not null, \`created_at\` datetime not null, constraint \`atomic_users_end_user_id_foreign\` foreign key(\`end_user_id\`) references \`end_users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`atomic_users_end_user_id_index\` on \`atomic_users\` (\`end_user_id\`);`);
    this.addSql(`create unique index \`atomic_users_end_user_id_unique\` on \`atomic_users\` (\`end_user_id\`);`);
    this.addSql(`create unique index \`atomic_users_identifier_unique\` on \`atomic_users\` (\`identifier\`);`);

    this.addSql(`create table \`atomic_public_tokens\` (\`id\` text not null, \`end_user_id\` text not null, \`token_hash\` text not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, \`created_at\` datetime not null, constraint \`atomic_public_tokens_end_user_id_foreign\` foreign key(\`end_user_id\`) references \`end_users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`atomic_public_tokens_end_user_id_index\` on \`atomic_public_tokens\` (\`end_user_id\`);`);
    this.addSql(`create unique index \`atomic_public_tokens_token_hash_unique\` on \`atomic_public_tokens\` (\`token_hash\`);`);
  }

}
