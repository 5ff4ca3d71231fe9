import { describe, expect, it } from '@jest/globals';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { isDatabaseUnavailable } from '../../src/errors/database-unavailable.js';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it('recognises a pool that could not hand out a connection in time', () => {
    const timeout = new Error('Knex: Timeout acquiring a connection. The pool is probably full.');
    timeout.name = 'KnexTimeoutError';
    expect(isDatabaseUnavailable(timeout)).toBe(true);
  });

  it('recognises refused, reset and cut connections, also wrapped by MikroORM', () => {
    expect(isDatabaseUnavailable(new DriverException(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')))).toBe(true);
    expect(isDatabaseUnavailable(withCode('read ECONNRESET', 'ECONNRESET'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('query failed', { cause: withCode('terminating connection due to administrator command', '57P01') }))).toBe(true);
  });

  it('leaves the request’s own and the code’s own failures alone', () => {
    expect(isDatabaseUnavailable(new UniqueConstraintViolationException(withCode('duplicate key value violates unique constraint', '23505')))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
