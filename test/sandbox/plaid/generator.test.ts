import { daysBetween, parseIsoDate } from '../../../src/sandbox/plaid/generator/dates.js';
import { generateHistory } from '../../../src/sandbox/plaid/generator/history.js';

const END = new Date('2025-06-15T18:30:00Z');

describe('Plaid emulator: transaction history generator', () => {
  const history = generateHistory('item:example', END);
  const txns = history.transactions;

  it('is a pure function of seed and end day', () => {
    expect(generateHistory('item:example', new Date('2025-06-15T01:00:00Z'))).toEqual(history);
    const other = generateHistory('item:another', END);
    expect(other.transactions.map((t) => t.id)).not.toEqual(txns.map((t) => t.id));
  });

  it('covers 24 months up to the end day, oldest first, with unique Plaid-like ids', () => {
    expect(history.startDate).toBe('2023-06-16');
    expect(history.endDate).toBe('2025-06-15');
    expect(txns[0]!.date >= history.startDate).toBe(true);
    expect(txns[txns.length - 1]!.date).toBe('2025-06-15');
    expect(txns.map((t) => t.date)).toEqual([...txns.map((t) => t.date)].sort());
    expect(new Set(txns.map((t) => t.id)).size).toBe(txns.length);
    expect(txns.every((t) => /^[0-9A-Za-z]{37}$/.test(t.id))).toBe(true);
    expect(txns.length).toBeGreaterThan(700);
    expect(generateHistory('item:example', END, 3).startDate).toBe('2025-03-16');
  });

  it('pays wages every 14 days as money in (negative amounts)', () => {
    const payroll = txns.filter((t) => t.stream === 'payroll');
    expect(payroll.length).toBeGreaterThanOrEqual(52);
    for (let i = 1; i < payroll.length; i++) {
      expect(daysBetween(parseIsoDate(payroll[i - 1]!.date)!, parseIsoDate(payroll[i]!.date)!)).toBe(14);
    }
    expect(payroll.every((t) => t.amount < 0 && t.account === 'checking')).toBe(true);
    expect(payroll.every((t) => t.category.detailed === 'INCOME_WAGES' && t.category.primary === 'INCOME')).toBe(true);
  });

  it('bills Netflix, Hulu, Spotify and Amazon Prime once a month', () => {
    for (const merchant of ['Netflix', 'Hulu', 'Spotify', 'Amazon Prime']) {
      const charges = txns.filter((t) => t.merchantName === merchant);
      const months = charges.map((t) => t.date.slice(0, 7));
      expect(new Set(months).size).toBe(months.length);
      expect(charges.length).toBeGreaterThanOrEqual(23);
      expect(charges.length).toBeLessThanOrEqual(25);
      expect(charges.every((t) => t.amount > 0 && t.stream !== null)).toBe(true);
    }
    const netflix = txns.filter((t) => t.merchantName === 'Netflix');
    for (let i = 1; i < netflix.length; i++) {
      const gap = daysBetween(parseIsoDate(netflix[i - 1]!.date)!, parseIsoDate(netflix[i]!.date)!);
      expect(gap).toBeGreaterThanOrEqual(28);
      expect(gap).toBeLessThanOrEqual(31);
    }
    expect(netflix[0]!.category).toEqual({ primary: 'ENTERTAINMENT', detailed: 'ENTERTAINMENT_TV_AND_MOVIES', confidence_level: 'VERY_HIGH' });
  });

  it('has rent, varying utilities, groceries, dining, transfers, amounts in cents, and a few pending at the end', () => {
    const rent = txns.filter((t) => t.stream === 'rent');
    expect(rent.every((t) => t.date.endsWith('-01') && t.category.detailed === 'RENT_AND_UTILITIES_RENT')).toBe(true);
    const utilities = txns.filter((t) => t.category.detailed === 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY');
    expect(new Set(utilities.map((t) => t.amount)).size).toBeGreaterThan(10);
    expect(txns.some((t) => t.category.detailed === 'RENT_AND_UTILITIES_TELEPHONE')).toBe(true);
    for (const merchant of ["Trader Joe's", 'Whole Foods', 'Safeway', 'Starbucks', 'Chipotle', 'Sweetgreen']) {
      expect(txns.some((t) => t.merchantName === merchant)).toBe(true);
    }
    expect(txns.some((t) => t.category.primary === 'TRANSFER_OUT')).toBe(true);
    expect(txns.some((t) => t.account === 'credit')).toBe(true);
    expect(txns.every((t) => Number(t.amount.toFixed(2)) === t.amount)).toBe(true);
    expect(txns.some((t) => !Number.isInteger(t.amount))).toBe(true);
    const pending = txns.filter((t) => t.pending);
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.every((t) => t.date >= '2025-06-13' && t.stream === null)).toBe(true);
    expect(txns.every((t) => t.category.detailed.startsWith(`${t.category.primary}_`))).toBe(true);
  });

  it('describes its recurring patterns as ground truth', () => {
    const keys = history.patterns.map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['payroll', 'rent', 'utilities', 'phone', 'netflix', 'hulu', 'spotify', 'amazon-prime']));
    expect(history.patterns.find((p) => p.key === 'payroll')).toMatchObject({ frequency: 'BIWEEKLY', direction: 'inflow' });
    for (const pattern of history.patterns) expect(txns.some((t) => t.stream === pattern.key)).toBe(true);
  });
});
