import { readFileSync } from 'node:fs';

/** package.json sits two levels up from both src/version.ts and dist/version.js. */
export const VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;
