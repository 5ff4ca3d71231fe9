import { expandOccurrences } from '../../../src/modules/insights/forecast/stream-detector.js';

describe('expandOccurrences', () => {
  it('keeps a month-end bill on the last day of every month (31st → Feb 29 in a leap year)', () => {
    expect(expandOccurrences('MONTHLY', '2024-01-31', '2024-01-01', '2024-05-31')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
  });

  it('31st → Feb 28 in a common year', () => {
    expect(expandOccurrences('MONTHLY', '2023-01-31', '2023-02-01', '2023-03-31')).toEqual(['2023-02-28', '2023-03-31']);
  });

  it('a mid-month day stays put; bounds are inclusive and nothing comes before nextDate', () => {
    expect(expandOccurrences('MONTHLY', '2024-03-15', '2024-01-01', '2024-05-15')).toEqual(['2024-03-15', '2024-04-15', '2024-05-15']);
  });

  it('semi-monthly defaults: the 1st & 15th, and the 15th & last day', () => {
    expect(expandOccurrences('SEMI_MONTHLY', '2024-01-01', '2024-01-01', '2024-02-20')).toEqual(['2024-01-01', '2024-01-15', '2024-02-01', '2024-02-15']);
    expect(expandOccurrences('SEMI_MONTHLY', '2024-01-15', '2024-01-01', '2024-03-15')).toEqual([
      '2024-01-15',
      '2024-01-31',
      '2024-02-15',
      '2024-02-29',
      '2024-03-15',
    ]);
  });

  it('semi-monthly on explicit anchor days', () => {
    expect(expandOccurrences('SEMI_MONTHLY', '2024-01-20', '2024-01-01', '2024-03-01', [5, 20])).toEqual(['2024-01-20', '2024-02-05', '2024-02-20']);
  });

  it('weekly and biweekly', () => {
    expect(expandOccurrences('WEEKLY', '2024-02-23', '2024-02-20', '2024-03-10')).toEqual(['2024-02-23', '2024-03-01', '2024-03-08']);
    expect(expandOccurrences('BIWEEKLY', '2024-02-23', '2024-02-24', '2024-03-31')).toEqual(['2024-03-08', '2024-03-22']);
  });

  it('quarterly and annual keep the month end and the leap day sensible', () => {
    expect(expandOccurrences('QUARTERLY', '2024-01-31', '2024-01-01', '2024-12-31')).toEqual(['2024-01-31', '2024-04-30', '2024-07-31', '2024-10-31']);
    expect(expandOccurrences('ANNUAL', '2024-02-29', '2024-01-01', '2026-12-31')).toEqual(['2024-02-29', '2025-02-28', '2026-02-28']);
  });

  it('returns nothing for an empty range', () => {
    expect(expandOccurrences('MONTHLY', '2024-03-15', '2024-03-16', '2024-04-14')).toEqual([]);
  });
});
