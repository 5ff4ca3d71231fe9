/**
 * Pure helpers applied to Atomic data on its way out of the gateway.
 *
 * Atomic answers with full SSNs (identity, W-2 employee TIN) and full account numbers (deposit
 * accounts, bank payment methods). The gateway never shows more than the last four: every GraphQL
 * field that carries one goes through maskSsn or maskAccountNumber (see type-resolvers.ts).
 * Amounts arrive as dollars (JSON numbers) and leave through the Money scalar as integer cents.
 */

type Raw = string | number | null | undefined;

function text(value: Raw): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/**
 * `***-**-6789`. Only digits count, so already-masked forms (`XXX-XX-6789`) keep their last four.
 * Fewer than four digits: nothing is shown (`***-**-****`). Empty or absent: null.
 */
export function maskSsn(value: Raw): string | null {
  const s = text(value);
  if (s === null) return null;
  const digits = s.replace(/\D/g, '');
  return digits.length < 4 ? '***-**-****' : `***-**-${digits.slice(-4)}`;
}

/**
 * Every character but the last four becomes `*`, keeping the length: `1122330000` → `******0000`,
 * Atomic's own `XXXX1111` → `****1111`. Spaces and dashes are dropped first. A value of four
 * characters or fewer cannot be told apart from a whole (short) number, so it is masked entirely.
 */
export function maskAccountNumber(value: Raw): string | null {
  const s = text(value);
  if (s === null) return null;
  const compact = s.replace(/[\s-]/g, '');
  if (compact.length <= 4) return '*'.repeat(compact.length);
  return '*'.repeat(compact.length - 4) + compact.slice(-4);
}

/** The last four digits of a value that is meant to show them (a `lastFour` field), or null when it has fewer. */
export function lastFour(value: Raw): string | null {
  const s = text(value);
  if (s === null) return null;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/**
 * The last four digits of a full account number, for a `lastFour` derived from it; null under the
 * same rule as maskAccountNumber (four characters or fewer show nothing).
 */
export function accountLastFour(value: Raw): string | null {
  const s = text(value);
  if (s === null || s.replace(/[\s-]/g, '').length <= 4) return null;
  return lastFour(s);
}

/**
 * Atomic's dollars → integer cents for the Money scalar. Rounds half away from zero (an input with
 * more than two decimals is an upstream estimate, not a ledger amount). Absent or not a finite
 * number: null.
 */
export function dollarsToCents(value: Raw): number | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return null;
  const cents = Math.sign(n) * Math.round(Math.abs(n) * 100) + 0; // + 0 turns -0 into 0
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Integer cents (a Money argument) → the dollars Atomic expects. */
export function centsToDollars(cents: number): number {
  return cents / 100;
}
