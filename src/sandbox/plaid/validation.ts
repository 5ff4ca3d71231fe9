import { invalidField, missingFields, PlaidApiError } from './errors.js';

/** A request body as Plaid reads it: a JSON object. */
export type Body = Record<string, unknown>;

export function asBody(value: unknown): Body {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new PlaidApiError('INVALID_BODY', 'body must be a JSON object');
  return value as Body;
}

const isMissing = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Plaid lists every missing required field at once: `the following required fields are missing: a, b`. */
export function requireFields(body: Body, fields: string[]): void {
  const missing = fields.filter((f) => isMissing(body[f]));
  if (missing.length > 0) throw missingFields(missing);
}

export function requiredString(body: Body, field: string, label: string = field): string {
  const value = body[field];
  if (isMissing(value)) throw missingFields([label]);
  if (typeof value !== 'string') throw invalidField(`${label} must be a string`);
  return value;
}

export function optionalString(body: Body, field: string, label: string = field): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidField(`${label} must be a string`);
  return value;
}

export function optionalObject(body: Body, field: string, label: string = field): Body | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidField(`${label} must be an object`);
  return value as Body;
}

export function optionalStringArray(body: Body, field: string, label: string = field): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalidField(`${label} must be an array of strings`);
  return value as string[];
}

export function optionalBoolean(body: Body, field: string, label: string = field): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidField(`${label} must be a boolean`);
  return value;
}

/** A webhook URL must be an absolute http(s) URL, as Plaid requires. */
export function optionalWebhookUrl(body: Body, field: string, label: string = field): string | undefined {
  const value = optionalString(body, field, label);
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidField(`${label} must be a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidField(`${label} must be an http or https URL`);
  return value;
}

/** One of `values`, or INVALID_FIELD naming them. */
export function optionalEnum<T extends string>(body: Body, field: string, values: readonly T[], label: string = field): T | undefined {
  const value = optionalString(body, field, label);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw invalidField(`${label} must be one of ${values.join(', ')}`);
  return value as T;
}

export function requiredEnum<T extends string>(body: Body, field: string, values: readonly T[], label: string = field): T {
  requiredString(body, field, label);
  return optionalEnum(body, field, values, label) as T;
}

/** An integer within [min, max]; `fallback` when absent or null (the spec makes such counts nullable). */
export function optionalInteger(body: Body, field: string, range: { min: number; max?: number }, fallback: number): number {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  const { min, max } = range;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    const bounds = max === undefined ? `of at least ${min}` : `between ${min} and ${max}`;
    throw invalidField(`${field} must be an integer ${bounds}`);
  }
  return value;
}

/** An RFC 3339 date-time (`2019-12-06T22:35:49Z`), as epoch milliseconds. */
export function optionalDateTime(body: Body, field: string): number | undefined {
  const value = optionalString(body, field);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) {
    throw invalidField(`${field} must be an RFC 3339 date-time, e.g. 2019-12-06T22:35:49Z`);
  }
  return ms;
}
