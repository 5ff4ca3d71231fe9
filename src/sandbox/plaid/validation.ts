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
