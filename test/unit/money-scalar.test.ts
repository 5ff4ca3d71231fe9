import { describe, expect, it } from '@jest/globals';
import { moneyToCents } from '../../src/graphql/scalars.js';

describe('moneyToCents', () => {
  it('reads amounts exactly from their decimal digits, never from n × 100 in floating point', () => {
    expect(moneyToCents(0.29)).toBe(29); // 0.29 × 100 = 28.999999999999996
    expect(moneyToCents(19.99)).toBe(1999);
    expect(moneyToCents('16.50')).toBe(1650);
    expect(moneyToCents('1.000')).toBe(100);
    expect(moneyToCents(1e2)).toBe(10_000);
    expect(moneyToCents(1234567890.12)).toBe(123_456_789_012);
    expect(moneyToCents(-12.5)).toBe(-1250);
    expect(Object.is(moneyToCents('-0'), 0)).toBe(true);
    expect(moneyToCents(100_000_000_000)).toBe(10_000_000_000_000);
  });

  it.each([
    [1.005, 'at most two decimal places'],
    [0.01000000001, 'at most two decimal places'],
    [1e-7, 'at most two decimal places'],
    ['0x10', 'plain decimal'],
    ['0b1111101000', 'plain decimal'],
    ['0o20', 'plain decimal'],
    ['1e2', 'plain decimal'],
    [' 16', 'plain decimal'],
    ['', 'plain decimal'],
    ['12,50', 'plain decimal'],
    [1e21, 'too large'],
    [100_000_000_000.01, 'too large'],
    [Number.NaN, 'finite number'],
    [Number.POSITIVE_INFINITY, 'finite number'],
    [null, 'finite number'],
    [true, 'finite number'],
  ])('refuses %p (%s) with BAD_USER_INPUT', (value, message) => {
    expect(() => moneyToCents(value)).toThrow(expect.objectContaining({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT' } }));
  });
});
