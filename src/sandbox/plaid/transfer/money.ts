/**
 * Transfer amounts travel as decimal strings with two digits of precision ("12.34"); inside the
 * emulator they are integer cents, so sums and comparisons are exact.
 */

const AMOUNT_FORMAT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Cents for a decimal string like "12.34", "12.3" or "12"; undefined for anything else (signs, exponents, 3+ decimals). */
export function parseAmount(value: string): number | undefined {
  const match = AMOUNT_FORMAT.exec(value);
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** "12.34" for 1234: always two decimals, as Plaid answers. */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "$10,000.00", for messages a person reads. */
export function formatDollars(cents: number): string {
  const [whole = '0', fraction = '00'] = formatAmount(cents).split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** The sandbox user's balances are dollar numbers (100, 110.5); cents keep the arithmetic exact. */
export const dollarsToCents = (dollars: number): number => Math.round(dollars * 100);
export const centsToDollars = (cents: number): number => cents / 100;
