import { describe, expect, it } from '@jest/globals';
import { isCalendarDate, parseInstant } from '../../src/validation/calendar.js';

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2026-03-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-31', '2026-13-01', '2026-00-10', '2026-3-1', '20260301', '2026-03-01T00:00:00Z', ''])
      expect([bad, isCalendarDate(bad)]).toEqual([bad, false]);
  });
});

describe('parseInstant', () => {
  it('reads ISO-8601 forms; no offset is UTC, whatever the server’s time zone', () => {
    expect(parseInstant('2026-03-01T12:30:00Z')?.toISOString()).toBe('2026-03-01T12:30:00.000Z');
    expect(parseInstant('2026-03-01T12:30:00+02:00')?.toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(parseInstant('2026-03-01T12:30:00+0200')?.toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(parseInstant('2026-03-01T12:30:00.123456Z')?.toISOString()).toBe('2026-03-01T12:30:00.123Z');
    expect(parseInstant('2026-03-01T12:30')?.toISOString()).toBe('2026-03-01T12:30:00.000Z');
    expect(parseInstant('2026-03-01T00:00:00')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseInstant('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('refuses what Date.parse would read as something else', () => {
    for (const bad of ['1', '2026', 'March 1, 2026', '2026-02-31T00:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01T12:60:00Z', '2026-03-01 12:30:00Z', '0x10'])
      expect([bad, parseInstant(bad)]).toEqual([bad, null]);
  });
});
