import { detectedBills } from '../../../src/modules/insights/sources/detected-bills.js';
import type { KnownStream } from '../../../src/modules/insights/forecast/types.js';
import { onDates } from '../forecast/fixtures.js';

const months = ['01', '02', '03', '04', '05', '06'];

describe('detectedBills: recurring outflows from the bank history, for live safe-to-spend', () => {
  it('lands a semi-monthly bill on its own days (the 10th and 26th), as the forecast does, not on the 25th', () => {
    const history = onDates(months.flatMap((m) => [`2024-${m}-10`, `2024-${m}-26`]), -5000, 'GYM MEMBERSHIP DUES');
    expect(detectedBills({ history, pending: [], known: [], today: '2024-07-01', end: '2024-07-31' })).toEqual([
      { name: 'GYM MEMBERSHIP DUES', amountCents: 5000, dueInDays: 9, source: 'TRANSACTIONS' },
      { name: 'GYM MEMBERSHIP DUES', amountCents: 5000, dueInDays: 25, source: 'TRANSACTIONS' },
    ]);
  });

  it('leaves out inflows, stopped streams and a bill a PayLink bill already covers', () => {
    const history = [
      ...onDates(months.map((m) => `2024-${m}-01`), -150_000, 'OAKWOOD APTS WEB PMT'),
      ...onDates(months.map((m) => `2024-${m}-09`), -7999, 'COMCAST CABLE COMM'),
      ...onDates(months.map((m) => `2024-${m}-15`), 250_000, 'ACME CORP DIRECT DEP'),
      ...onDates(['2024-01-20', '2024-02-20', '2024-03-20'], -1599, 'OLD STREAMING SVC'),
    ];
    const known: KnownStream[] = [{ name: 'Comcast', amountCents: -7999, cadence: 'MONTHLY', nextDate: '2024-07-09', source: 'PAYLINK' }];
    expect(detectedBills({ history, pending: [], known, today: '2024-06-30', end: '2024-07-30' })).toEqual([
      { name: 'OAKWOOD APTS WEB PMT', amountCents: 150_000, dueInDays: 1, source: 'TRANSACTIONS' },
    ]);
  });

  describe('a bill scheduled for today', () => {
    const rent = onDates(months.map((m) => `2024-${m}-08`), -120_000, 'OAKWOOD APTS WEB PMT');
    const bills = (history = rent, pending: typeof rent = []) => detectedBills({ history, pending, known: [], today: '2024-07-08', end: '2024-08-07' });

    it('is due today (dueInDays 0) while it has not posted: on rent day the rent is not spendable', () => {
      expect(bills()).toEqual([{ name: 'OAKWOOD APTS WEB PMT', amountCents: 120_000, dueInDays: 0, source: 'TRANSACTIONS' }]);
    });

    it('is not counted again once it has posted today, or posted early for today', () => {
      expect(bills([...rent, ...onDates(['2024-07-08'], -120_000, 'OAKWOOD APTS WEB PMT')])).toEqual([]);
      expect(bills([...rent, ...onDates(['2024-07-06'], -120_000, 'OAKWOOD APTS WEB PMT')])).toEqual([]);
    });

    it('is not counted while its payment is pending (the available balance already lost it); another payee pending changes nothing', () => {
      expect(bills(rent, onDates(['2024-07-08'], -120_000, 'OAKWOOD APTS WEB PMT'))).toEqual([]);
      expect(bills(rent, onDates(['2024-07-08'], -120_000, 'CITY WATER UTIL'))).toHaveLength(1);
      expect(bills(rent, onDates(['2024-07-08'], -4_000, 'OAKWOOD APTS WEB PMT'))).toHaveLength(1);
    });
  });

  it('does not count the next occurrence whose payment is already pending, early', () => {
    const history = onDates(months.map((m) => `2024-${m}-10`), -7999, 'COMCAST CABLE COMM');
    const pending = onDates(['2024-07-08'], -7999, 'COMCAST CABLE COMM');
    expect(detectedBills({ history, pending, known: [], today: '2024-07-08', end: '2024-08-07' })).toEqual([]);
    expect(detectedBills({ history, pending: [], known: [], today: '2024-07-08', end: '2024-08-07' })).toEqual([
      { name: 'COMCAST CABLE COMM', amountCents: 7999, dueInDays: 2, source: 'TRANSACTIONS' },
    ]);
  });
});
