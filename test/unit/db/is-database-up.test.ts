import { describe, expect, it } from '@jest/globals';
import { isDatabaseUp, type Orm } from '../../../src/db/orm.js';

/** A database that accepts the connection but never answers (a black-holed host). */
const silent = { isConnected: async () => true, em: { getConnection: () => ({ execute: () => new Promise(() => undefined) }) } } as unknown as Orm;
const answering = { isConnected: async () => true, em: { getConnection: () => ({ execute: async () => [{ 1: 1 }] }) } } as unknown as Orm;

describe('isDatabaseUp', () => {
  // Without the timeout this never settles and jest fails the test.
  it('gives up on a database that never answers after the timeout instead of the pool’s 30 s', async () => {
    expect(await isDatabaseUp(silent, 200)).toBe(false);
  });

  it('is true for a database that answers', async () => {
    expect(await isDatabaseUp(answering, 200)).toBe(true);
  });
});
