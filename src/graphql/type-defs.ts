import { readdirSync, readFileSync } from 'node:fs';

/** schema/ is two levels up from both src/graphql/ and dist/graphql/. */
const SCHEMA_DIR = new URL('../../schema/', import.meta.url);

/** The SDL of every domain, base first so later files can extend its root types. */
export function loadTypeDefs(): string[] {
  const files = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => readFileSync(new URL(f, SCHEMA_DIR), 'utf8'));
}
