import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Creates an empty PostgreSQL database next to the one `baseUrl` names and returns its URL.
 * Tests use one per server so parallel suites never share state; the migration generator
 * diffs against one.
 */
export async function createScratchDatabase(baseUrl: string, label: string): Promise<string> {
  const name = `afg_${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Runs a statement on the server's maintenance database (CREATE/DROP DATABASE cannot run inside the target). */
async function adminQuery(anyUrl: string, sql: string): Promise<void> {
  const url = new URL(anyUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
