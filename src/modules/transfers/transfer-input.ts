import { badUserInput } from '../../errors/app-error.js';

/** A transfer request after validation: the one shape GraphQL and REST both reduce to (and fingerprint). */
export interface TransferInput {
  fromAccountId: string;
  toAccountId: string | null;
  recipientId: string | null;
  amountCents: number;
  currency: 'USD';
  memo: string | null;
}

const MAX_MEMO = 200;

export interface RawTransferInput {
  fromAccountId?: unknown;
  toAccountId?: unknown;
  recipientId?: unknown;
  /** Integer cents (the Money scalar and the REST parser convert dollars first). */
  amountCents: number;
  currency?: unknown;
  memo?: unknown;
}

function optionalId(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > 100) throw badUserInput(`${field} must be an id string.`, { field });
  return value;
}

export function validateTransferInput(raw: RawTransferInput): TransferInput {
  const fromAccountId = optionalId(raw.fromAccountId, 'fromAccountId');
  if (!fromAccountId) throw badUserInput('fromAccountId is required.', { field: 'fromAccountId' });
  const toAccountId = optionalId(raw.toAccountId, 'toAccountId');
  const recipientId = optionalId(raw.recipientId, 'recipientId');
  if ((toAccountId === null) === (recipientId === null)) {
    throw badUserInput('Give exactly one destination: toAccountId or recipientId.', { field: toAccountId ? 'recipientId' : 'toAccountId' });
  }
  if (toAccountId === fromAccountId) throw badUserInput('toAccountId must differ from fromAccountId.', { field: 'toAccountId' });
  if (!Number.isSafeInteger(raw.amountCents) || raw.amountCents <= 0) {
    throw badUserInput('amount must be greater than 0, with at most two decimals.', { field: 'amount' });
  }
  const currency = raw.currency ?? 'USD';
  if (currency !== 'USD') throw badUserInput('Only USD transfers are supported.', { field: 'currency' });
  let memo: string | null = null;
  if (raw.memo !== undefined && raw.memo !== null && raw.memo !== '') {
    if (typeof raw.memo !== 'string' || raw.memo.length > MAX_MEMO) throw badUserInput(`memo must be a string of at most ${MAX_MEMO} characters.`, { field: 'memo' });
    memo = raw.memo;
  }
  return { fromAccountId, toAccountId, recipientId, amountCents: raw.amountCents, currency: 'USD', memo };
}
