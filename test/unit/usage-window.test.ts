import { planWindow } from '../../src/modules/usage/usage-window.js';

const d = (s: string) => new Date(s);
const iso = (spans: { from: Date; to: Date }[]) => spans.map((s) => [s.from.toISOString(), s.to.toISOString()]);

describe('planWindow', () => {
  it('answers an aligned month wholly from the rollups', () => {
    const plan = planWindow(d('2026-03-01T00:00:00Z'), d('2026-04-01T00:00:00Z'));
    expect(plan.rollupHours).toEqual({ from: d('2026-03-01T00:00:00Z'), to: d('2026-04-01T00:00:00Z') });
    expect(plan.rawForCounts).toEqual([]);
    expect(plan.rawForUsers).toEqual([]);
    // 31 days: bits 0..30.
    expect(plan.userMonths).toEqual([{ monthStart: d('2026-03-01T00:00:00Z'), mask: 2 ** 31 - 1 }]);
  });

  it('reads partial hours and partial days at the edges from raw events', () => {
    const plan = planWindow(d('2026-03-02T10:30:00Z'), d('2026-03-05T07:15:00Z'));
    expect(plan.rollupHours).toEqual({ from: d('2026-03-02T11:00:00Z'), to: d('2026-03-05T07:00:00Z') });
    expect(iso(plan.rawForCounts)).toEqual([
      ['2026-03-02T10:30:00.000Z', '2026-03-02T11:00:00.000Z'],
      ['2026-03-05T07:00:00.000Z', '2026-03-05T07:15:00.000Z'],
    ]);
    // Whole days: the 3rd and the 4th.
    expect(plan.userMonths).toEqual([{ monthStart: d('2026-03-01T00:00:00Z'), mask: (1 << 2) | (1 << 3) }]);
    expect(iso(plan.rawForUsers)).toEqual([
      ['2026-03-02T10:30:00.000Z', '2026-03-03T00:00:00.000Z'],
      ['2026-03-05T00:00:00.000Z', '2026-03-05T07:15:00.000Z'],
    ]);
  });

  it('reads a window inside one hour from raw events only', () => {
    const plan = planWindow(d('2026-03-02T10:05:00Z'), d('2026-03-02T10:55:00Z'));
    expect(plan.rollupHours).toBeNull();
    expect(iso(plan.rawForCounts)).toEqual([['2026-03-02T10:05:00.000Z', '2026-03-02T10:55:00.000Z']]);
    expect(plan.userMonths).toEqual([]);
    expect(iso(plan.rawForUsers)).toEqual([['2026-03-02T10:05:00.000Z', '2026-03-02T10:55:00.000Z']]);
  });

  it('splits whole days across months and years', () => {
    const plan = planWindow(d('2025-12-30T00:00:00Z'), d('2026-02-02T00:00:00Z'));
    expect(plan.userMonths).toEqual([
      { monthStart: d('2025-12-01T00:00:00Z'), mask: (1 << 29) | (1 << 30) },
      { monthStart: d('2026-01-01T00:00:00Z'), mask: 2 ** 31 - 1 },
      { monthStart: d('2026-02-01T00:00:00Z'), mask: 1 },
    ]);
  });
});
