import { badRequest, validationError } from './errors.js';

/** A JSON request body as the handlers read it. */
export type Body = Record<string, unknown>;

/** Not an object at all is a 400 (the request was unacceptable); a bad field is a 422. */
export function asBody(value: unknown): Body {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('Request body must be a JSON object.');
  return value as Body;
}

const isMissing = (value: unknown): boolean => value === undefined || value === null || value === '';

export function requiredString(body: Body, field: string, label: string = field): string {
  const value = body[field];
  if (isMissing(value)) throw validationError(`${label} is required.`);
  if (typeof value !== 'string') throw validationError(`${label} must be a string.`);
  return value;
}

export function optionalString(body: Body, field: string, label: string = field): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`${label} must be a string.`);
  return value;
}

export function optionalObject(body: Body, field: string, label: string = field): Body | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw validationError(`${label} must be an object.`);
  return value as Body;
}

export function optionalArray(body: Body, field: string, label: string = field): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw validationError(`${label} must be an array.`);
  return value;
}

export function optionalStringArray(body: Body, field: string, label: string = field): string[] | undefined {
  const value = optionalArray(body, field, label);
  if (value === undefined) return undefined;
  if (value.some((v) => typeof v !== 'string')) throw validationError(`${label} must be an array of strings.`);
  return value as string[];
}

export function optionalNumber(body: Body, field: string, label: string = field): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw validationError(`${label} must be a number.`);
  return value;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], label: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw validationError(`${label} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

/** Each element of an array field must be an object; returns them with their index for messages. */
export function objectsIn(items: unknown[], label: string): Body[] {
  return items.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw validationError(`${label}[${i}] must be an object.`);
    return item as Body;
  });
}
