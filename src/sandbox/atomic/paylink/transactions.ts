import { validationError } from '../errors.js';
import type { FinancialTransactionIn } from '../types.js';
import { objectsIn, oneOf, optionalString, requiredString, type Body } from '../validation.js';

/** find-company answers at most this many transactions per call; more is a 422. */
export const FIND_COMPANY_BATCH_LIMIT = 1000;
/** Detect Accounts reads a long history, so its limit is higher. */
export const DETECT_BATCH_LIMIT = 10_000;

const CURRENCIES = ['usd', 'eur', 'cad'] as const;

/** The `financialTransactions` array: required, non-empty and within `limit`. */
export function transactionArray(body: Body, limit: number): Body[] {
  const raw = body.financialTransactions;
  if (!Array.isArray(raw) || raw.length === 0) throw validationError('financialTransactions must be a non-empty array.');
  if (raw.length > limit) {
    throw validationError(`financialTransactions can hold at most ${limit} transactions per request (got ${raw.length}).`);
  }
  return objectsIn(raw, 'financialTransactions');
}

/** A transaction as Detect Accounts requires it (identifier, date, description, amount; the rest optional). */
export function parseDetectTransaction(t: Body, i: number): FinancialTransactionIn {
  const label = `financialTransactions[${i}]`;
  const date = requiredString(t, 'date', `${label}.date`);
  if (Number.isNaN(Date.parse(date))) throw validationError(`${label}.date must be an ISO 8601 date.`);
  const amount = t.amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw validationError(`${label}.amount must be a number.`);
  const currency = optionalString(t, 'currency', `${label}.currency`);
  const out: FinancialTransactionIn = {
    identifier: requiredString(t, 'identifier', `${label}.identifier`),
    date,
    description: requiredString(t, 'description', `${label}.description`),
    amount,
  };
  if (currency !== undefined) out.currency = oneOf(currency.toLowerCase(), CURRENCIES, `${label}.currency`);
  for (const field of ['merchantName', 'type', 'category', 'subCategory'] as const) {
    const value = optionalString(t, field, `${label}.${field}`);
    if (value !== undefined) out[field] = value;
  }
  return out;
}
