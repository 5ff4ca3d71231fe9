import { invalidField, missingFields } from '../errors.js';
import { optionalObject, optionalString, type Body } from '../validation.js';
import { parseAmount } from './money.js';
import type { TransferFailure, TransferUser } from './types.js';

/** Request fields shared by the Transfer endpoints, checked as Plaid checks them. */

/** A positive decimal string with at most two decimals ("12.34"), in cents. */
export function amountField(body: Body, field = 'amount'): number {
  const raw = body[field];
  if (raw === undefined || raw === null || raw === '') throw missingFields([field]);
  const cents = typeof raw === 'string' ? parseAmount(raw) : undefined;
  if (cents === undefined) throw invalidField(`${field} must be a decimal string with at most two decimal places, e.g. "12.34"`);
  if (cents === 0) throw invalidField(`${field} must be greater than 0`);
  return cents;
}

/** `iso_currency_code`, when given, must be USD: Plaid Transfer moves US dollars only. */
export function requireUsd(body: Body): void {
  const currency = optionalString(body, 'iso_currency_code');
  if (currency !== undefined && currency !== 'USD') throw invalidField('iso_currency_code must be USD');
}

const optionalText = (body: Body, field: string, label: string): string | null => optionalString(body, field, label) ?? null;

/** `user`: legal_name required; phone, email and address optional (answered as null when absent). */
export function userField(body: Body): TransferUser {
  const user = optionalObject(body, 'user');
  if (!user) throw missingFields(['user']);
  const legalName = optionalString(user, 'legal_name', 'user.legal_name');
  if (!legalName?.trim()) throw missingFields(['user.legal_name']);
  const address = optionalObject(user, 'address', 'user.address');
  return {
    legal_name: legalName,
    phone_number: optionalText(user, 'phone_number', 'user.phone_number'),
    email_address: optionalText(user, 'email_address', 'user.email_address'),
    address: address
      ? {
          street: optionalText(address, 'street', 'user.address.street'),
          city: optionalText(address, 'city', 'user.address.city'),
          region: optionalText(address, 'region', 'user.address.region'),
          postal_code: optionalText(address, 'postal_code', 'user.address.postal_code'),
          country: optionalText(address, 'country', 'user.address.country'),
        }
      : null,
  };
}

/** Plaid's metadata limits: up to 50 string pairs, keys up to 40 characters, values up to 500. */
export function metadataField(body: Body): Record<string, string> | null {
  const metadata = optionalObject(body, 'metadata');
  if (!metadata) return null;
  const entries = Object.entries(metadata);
  if (entries.length > 50) throw invalidField('metadata must have at most 50 keys');
  for (const [key, value] of entries) {
    if (typeof value !== 'string') throw invalidField(`metadata.${key} must be a string`);
    if (key.length > 40) throw invalidField('metadata keys must be at most 40 characters');
    if (value.length > 500) throw invalidField('metadata values must be at most 500 characters');
  }
  return metadata as Record<string, string>;
}

/** `failure_reason` of /sandbox/transfer/simulate, or undefined when not given; `fallback` fills what it leaves out. */
export function failureField(body: Body, fallback: TransferFailure): TransferFailure | undefined {
  const failure = optionalObject(body, 'failure_reason');
  if (!failure) return undefined;
  const code = optionalString(failure, 'failure_code', 'failure_reason.failure_code');
  const achCode = optionalString(failure, 'ach_return_code', 'failure_reason.ach_return_code');
  const description = optionalString(failure, 'description', 'failure_reason.description');
  // Either spelling of the code fills both: ach_return_code is the deprecated name of failure_code.
  return {
    failure_code: code ?? achCode ?? fallback.failure_code,
    ach_return_code: achCode ?? code ?? fallback.ach_return_code,
    description: description || fallback.description,
  };
}
