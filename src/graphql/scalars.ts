import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return value;
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
    if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
    throw new GraphQLError('DateTime must be an ISO-8601 timestamp.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

/** Input: a finite number (or numeric string) with at most two decimals → integer cents. */
export function moneyToCents(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new GraphQLError('Money must be a finite number.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const cents = Math.round(n * 100);
  if (Math.abs(cents - n * 100) > 1e-6 || !Number.isSafeInteger(cents)) {
    throw new GraphQLError('Money has at most two decimal places.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return cents;
}

/** Integer cents inside, major units (two decimals) on the wire. */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  serialize: (cents) => Number(cents) / 100,
  parseValue: moneyToCents,
  parseLiteral: (ast) =>
    moneyToCents(ast.kind === Kind.FLOAT || ast.kind === Kind.INT || ast.kind === Kind.STRING ? ast.value : undefined),
});
