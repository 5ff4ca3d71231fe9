/**
 * An instant as the AtlasForge reference and Plaid write it: whole seconds, `Z`
 * (`2026-06-14T19:23:11Z`), for REST answers and webhook payloads.
 */
export function isoSeconds(instant: Date | string): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
