import { describe, expect, it } from '@jest/globals';
import {
  accountLastFour,
  centsToDollars,
  dollarsToCents,
  lastFour,
  maskAccountNumber,
  maskSsn,
} from '../../src/modules/atomic/masking.js';

describe('maskSsn', () => {
  it.each([
    ['111223333', '***-**-3333'], // [003] identity example
    ['123-45-6789', '***-**-6789'],
    ['XXX-XX-1234', '***-**-1234'], // [003] W-2 employeeTin example (already masked upstream)
    [' 987 65 4321 ', '***-**-4321'],
    [111223333, '***-**-3333'],
  ])('%p → %p', (input, expected) => {
    expect(maskSsn(input)).toBe(expected);
  });

  it('shows nothing when fewer than four digits are present', () => {
    expect(maskSsn('12')).toBe('***-**-****');
    expect(maskSsn('XXX-XX-XXXX')).toBe('***-**-****');
  });

  it('keeps absence absent', () => {
    expect(maskSsn(undefined)).toBeNull();
    expect(maskSsn(null)).toBeNull();
    expect(maskSsn('  ')).toBeNull();
  });

  it('never returns more than four digits of the input', () => {
    for (const ssn of ['111223333', '123456789', '000-00-0001']) {
      const out = maskSsn(ssn)!;
      expect(out.replace(/\D/g, '')).toHaveLength(4);
      expect(out).toMatch(/^\*\*\*-\*\*-\d{4}$/);
    }
  });
});

describe('maskAccountNumber', () => {
  it.each([
    ['1122330000', '******0000'], // [003] deposit account example
    ['XXXX1111', '****1111'], // [003] deposit account example (Atomic's own mask)
    ['000123456789', '********6789'],
    ['1234-5678 9012', '********9012'],
    [9876543210, '******3210'],
  ])('%p → %p', (input, expected) => {
    expect(maskAccountNumber(input)).toBe(expected);
  });

  it('masks a value of four characters or fewer entirely', () => {
    expect(maskAccountNumber('1234')).toBe('****');
    expect(maskAccountNumber('12')).toBe('**');
  });

  it('keeps absence absent', () => {
    expect(maskAccountNumber(undefined)).toBeNull();
    expect(maskAccountNumber('')).toBeNull();
  });
});

describe('lastFour / accountLastFour', () => {
  it('lastFour keeps the last four digits of a value meant to show them', () => {
    expect(lastFour('0000')).toBe('0000'); // [002] depositData.lastFour
    expect(lastFour('2345')).toBe('2345'); // [001] payment method
    expect(lastFour('4111111111111111')).toBe('1111');
    expect(lastFour('12')).toBeNull();
    expect(lastFour(undefined)).toBeNull();
  });

  it('accountLastFour derives them from a full number, and from nothing shorter than five', () => {
    expect(accountLastFour('1122330000')).toBe('0000');
    expect(accountLastFour('XXXX1111')).toBe('1111');
    expect(accountLastFour('1234')).toBeNull();
    expect(accountLastFour(null)).toBeNull();
  });
});

describe('dollarsToCents / centsToDollars', () => {
  it.each([
    [20.7, 2070],
    [19.38, 1938],
    [17.99, 1799],
    [25.47, 2547],
    [2924.1, 292410],
    [44416.74, 4441674],
    [0.1 + 0.2, 30],
    [0, 0],
    [-12.34, -1234],
    ['42.18', 4218],
  ])('%p dollars → %p cents', (dollars, cents) => {
    expect(dollarsToCents(dollars)).toBe(cents);
  });

  it('rounds half away from zero and never yields -0', () => {
    expect(dollarsToCents(0.125)).toBe(13); // 12.5 cents, exact in binary
    expect(dollarsToCents(-0.125)).toBe(-13);
    expect(Object.is(dollarsToCents(-0.001), 0)).toBe(true);
  });

  it('is null for absent or non-numeric amounts', () => {
    expect(dollarsToCents(undefined)).toBeNull();
    expect(dollarsToCents(null)).toBeNull();
    expect(dollarsToCents('')).toBeNull();
    expect(dollarsToCents('abc')).toBeNull();
    expect(dollarsToCents(Number.NaN)).toBeNull();
    expect(dollarsToCents(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('centsToDollars is the inverse for two-decimal amounts', () => {
    for (const d of [0, 0.01, 20.7, 17.99, 2924.1, 44416.74]) expect(centsToDollars(dollarsToCents(d)!)).toBe(d);
  });
});
