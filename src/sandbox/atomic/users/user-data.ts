import { validationError } from '../errors.js';
import type { StoredUserData } from '../state/types.js';
import { objectsIn, oneOf, optionalArray, optionalObject, optionalString, requiredString, type Body } from '../validation.js';

const BRANDS = ['visa', 'mastercard', 'american-express', 'discover'] as const;
const ACCOUNT_TYPES = ['checking', 'savings', 'paycard'] as const;
const IDENTITY_REQUIRED = ['firstName', 'lastName', 'postalCode', 'address', 'city', 'state', 'phone'] as const;
const GALILEO_REQUIRED = ['apiLogin', 'apiTransKey', 'providerId', 'transactionId', 'accountNo', 'apiUrl'] as const;

/**
 * The identity the references list for PayLink Switch: name, street address, city, 2-letter state,
 * postal code and a 10-digit phone (address2 and email optional). `partial` (PUT /user upserts)
 * only checks the fields that are present.
 */
export function parseIdentity(identity: Body, partial: boolean, label = 'identity'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of [...IDENTITY_REQUIRED, 'address2', 'email'] as const) {
    const value = IDENTITY_REQUIRED.includes(field as (typeof IDENTITY_REQUIRED)[number]) && !partial
      ? requiredString(identity, field, `${label}.${field}`)
      : optionalString(identity, field, `${label}.${field}`);
    if (value !== undefined) out[field] = value;
  }
  if (typeof out.state === 'string' && !/^[A-Za-z]{2}$/.test(out.state)) throw validationError(`${label}.state must be a 2-letter state code.`);
  if (typeof out.phone === 'string' && !/^\d{10}$/.test(out.phone)) {
    throw validationError(`${label}.phone must be a 10-digit phone number without () or -.`);
  }
  return out;
}

/**
 * A card: full details (number 15-19 digits, expiry MM/YY, optional CVV: the user may type it in
 * Transact), or the BaaS passthrough form (lastFour, title and paymentService.galileo credentials).
 */
export function parseCard(card: Body, i: number): Record<string, unknown> {
  const label = `cards[${i}]`;
  const brand = optionalString(card, 'brand', `${label}.brand`);
  if (brand !== undefined) oneOf(brand, BRANDS, `${label}.brand`);
  const expiry = optionalString(card, 'expiry', `${label}.expiry`);
  if (expiry !== undefined && !/^(0[1-9]|1[0-2])\/\d{2}$/.test(expiry)) throw validationError(`${label}.expiry must be MM/YY.`);
  const paymentService = optionalObject(card, 'paymentService', `${label}.paymentService`);
  if (paymentService) {
    const lastFour = requiredString(card, 'lastFour', `${label}.lastFour`);
    if (!/^\d{4}$/.test(lastFour)) throw validationError(`${label}.lastFour must be 4 digits.`);
    requiredString(card, 'title', `${label}.title`);
    const galileo = optionalObject(paymentService, 'galileo', `${label}.paymentService.galileo`);
    if (!galileo) throw validationError(`${label}.paymentService.galileo is required (the only BaaS provider supported).`);
    for (const field of GALILEO_REQUIRED) requiredString(galileo, field, `${label}.paymentService.galileo.${field}`);
    return structuredClone(card);
  }
  const number = requiredString(card, 'number', `${label}.number`);
  if (!/^\d{15,19}$/.test(number)) throw validationError(`${label}.number must be 15 to 19 digits.`);
  if (expiry === undefined) throw validationError(`${label}.expiry is required.`);
  const cvv = optionalString(card, 'cvv', `${label}.cvv`);
  if (cvv !== undefined && !/^\d{3,4}$/.test(cvv)) throw validationError(`${label}.cvv must be 3 or 4 digits.`);
  for (const field of ['title', 'subtitle'] as const) optionalString(card, field, `${label}.${field}`);
  return structuredClone(card);
}

export function parseBankAccount(account: Body, i: number): Record<string, unknown> {
  const label = `accounts[${i}]`;
  const accountNumber = requiredString(account, 'accountNumber', `${label}.accountNumber`);
  if (!/^\d{4,17}$/.test(accountNumber)) throw validationError(`${label}.accountNumber must be 4 to 17 digits.`);
  const routingNumber = requiredString(account, 'routingNumber', `${label}.routingNumber`);
  if (!/^\d{9}$/.test(routingNumber)) throw validationError(`${label}.routingNumber must be a 9-digit ABA routing number.`);
  oneOf(requiredString(account, 'type', `${label}.type`), ACCOUNT_TYPES, `${label}.type`);
  optionalString(account, 'title', `${label}.title`);
  return structuredClone(account);
}

/** identity / cards / accounts of a body (access token or PUT /user `data`), validated. */
export function parseUserData(body: Body, partialIdentity: boolean): StoredUserData {
  const data: StoredUserData = {};
  const identity = optionalObject(body, 'identity');
  if (identity) data.identity = parseIdentity(identity, partialIdentity);
  const cards = optionalArray(body, 'cards');
  if (cards) data.cards = objectsIn(cards, 'cards').map(parseCard);
  const accounts = optionalArray(body, 'accounts');
  if (accounts) data.accounts = objectsIn(accounts, 'accounts').map(parseBankAccount);
  return data;
}

/** Upserts new details into what the user already has (identity fields merge; cards/accounts replace). */
export function mergeUserData(into: StoredUserData, data: StoredUserData): void {
  if (data.identity) into.identity = { ...(into.identity ?? {}), ...data.identity };
  if (data.cards) into.cards = data.cards;
  if (data.accounts) into.accounts = data.accounts;
}
