import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate, parseInstant } from '../validation/calendar.js';

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new GraphQLError('Date must be a calendar date in YYYY-MM-DD form.', { extensions: { code: 'BAD_USER_INPUT' } });
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (v) => String(v),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
  parseValue: (v) => {
    const instant = typeof v === 'string' ? parseInstant(v) : null;
    if (instant) return instant.toISOString();
    throw new GraphQLError('DateTime must be an ISO-8601 timestamp on a real calendar day, such as 2026-03-01T00:00:00Z (no offset means UTC).', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});

/** The largest amount accepted: 100 billion, so that sums of many amounts stay exact integer cents. */
export const MAX_MONEY_CENTS = 10_000_000_000_000;

/** A plain decimal as written by people and JSON encoders: no exponent, no hex/binary/octal prefix, no spaces. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

const badMoney = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * Input: a finite number, or a string holding a plain decimal, with at most two decimals → integer
 * cents, computed from the decimal digits (never from n × 100 in floating point). A number is read
 * through its shortest decimal form (19.99 → "19.99", 1e2 → "100"); a string must already be one,
 * because Number() would also take "0x10" (16), "0b11" and " 16 ".
 */
export function moneyToCents(value: unknown): number {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw badMoney('Money must be a finite number.');
    text = String(value);
    // Exponent forms are what String() gives below 1e-6 or from 1e21 up: never two-decimal amounts.
    if (/e/i.test(text)) throw badMoney(Math.abs(value) < 1 ? 'Money has at most two decimal places.' : 'Money is too large.');
  } else if (typeof value === 'string') {
    text = value;
  } else {
    throw badMoney('Money must be a finite number.');
  }
  const match = DECIMAL.exec(text);
  if (!match) throw badMoney('Money must be a plain decimal number, such as 25 or 25.10.');
  const [, sign, whole, fraction = ''] = match;
  const decimals = fraction.replace(/0+$/, '');
  if (decimals.length > 2) throw badMoney('Money has at most two decimal places.');
  const cents = BigInt(whole!) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (cents > BigInt(MAX_MONEY_CENTS)) throw badMoney('Money is too large: at most 100000000000.00.');
  const result = Number(cents);
  return sign === '-' && result !== 0 ? -result : result;
}

/** Integer cents inside, major units (two decimals) on the wire. */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  serialize: (cents) => Number(cents) / 100,
  parseValue: moneyToCents,
  // A numeric literal is a number, as in JSON variables (1e2 is 100); a string literal must be a plain decimal.
  parseLiteral: (ast) =>
    moneyToCents(ast.kind === Kind.FLOAT || ast.kind === Kind.INT ? Number(ast.value) : ast.kind === Kind.STRING ? ast.value : undefined),
});
