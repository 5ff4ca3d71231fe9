import { coveredByKnown } from '../../../src/modules/insights/forecast/stream-detector.js';
import type { DetectedStream, KnownStream } from '../../../src/modules/insights/forecast/types.js';

const stream = (over: Partial<DetectedStream>): DetectedStream => ({
  key: 'comcast cable comm',
  name: 'COMCAST CABLE COMM',
  cadence: 'MONTHLY',
  amountCents: -7999,
  amountSpreadCents: 0,
  occurrences: 6,
  firstDate: '2024-01-09',
  lastDate: '2024-06-09',
  nextDate: '2024-07-09',
  active: true,
  anchorDays: [9],
  ...over,
});
const bill = (over: Partial<KnownStream>): KnownStream => ({
  name: 'Comcast Cable',
  amountCents: -7999,
  cadence: 'MONTHLY',
  nextDate: '2024-07-09',
  source: 'PAYLINK',
  ...over,
});

describe('coveredByKnown', () => {
  it('matches the same payee by name', () => {
    expect(coveredByKnown(stream({}), [bill({ nextDate: '2024-07-25' })])).toBe(true);
  });

  it('matches a differently named bill by amount, cadence and a next date a few days away', () => {
    const utility = stream({ key: 'pgande web online', name: 'PGANDE WEB ONLINE', amountCents: -8512, amountSpreadCents: 900, nextDate: '2024-07-15', anchorDays: [15] });
    expect(coveredByKnown(utility, [bill({ name: 'PG&E Electric bill', amountCents: -8000, nextDate: '2024-07-17' })])).toBe(true);
    // A month later is the same schedule.
    expect(coveredByKnown(utility, [bill({ name: 'PG&E Electric bill', amountCents: -8000, nextDate: '2024-08-14' })])).toBe(true);
  });

  it('treats biweekly and semi-monthly pay as compatible', () => {
    const pay = stream({ key: 'acme corp direct dep', name: 'ACME CORP DIRECT DEP', cadence: 'BIWEEKLY', amountCents: 250_000, nextDate: '2024-07-12', anchorDays: undefined });
    expect(coveredByKnown(pay, [{ name: 'Acme Corp', amountCents: 250_000, cadence: 'SEMI_MONTHLY', nextDate: '2024-07-15', source: 'PAYROLL' }])).toBe(true);
  });

  it('does not match a different amount, sign or cadence, or an unrelated name on another day', () => {
    expect(coveredByKnown(stream({}), [bill({ amountCents: -2500 })])).toBe(false);
    expect(coveredByKnown(stream({}), [bill({ amountCents: 7999 })])).toBe(false);
    expect(coveredByKnown(stream({}), [bill({ cadence: 'WEEKLY' })])).toBe(false);
    expect(coveredByKnown(stream({}), [bill({ name: 'Netflix', nextDate: '2024-07-19' })])).toBe(false);
    expect(coveredByKnown(stream({}), [])).toBe(false);
  });
});
