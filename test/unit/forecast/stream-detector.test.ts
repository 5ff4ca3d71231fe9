import { detectRecurringStreams } from '../../../src/modules/insights/forecast/stream-detector.js';
import { addDaysIso } from '../../../src/modules/insights/forecast/dates.js';
import type { HistoryTransaction } from '../../../src/modules/insights/forecast/types.js';
import { everyDays, onDates, tx } from './fixtures.js';

const months = (year: number, from: number, to: number, day: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

describe('detectRecurringStreams: cadences', () => {
  it('weekly', () => {
    const streams = detectRecurringStreams(everyDays('2024-01-05', 7, 10, -1500, 'CLASSPASS GYM 0042'), '2024-03-10');
    expect(streams).toEqual([
      {
        key: 'classpass gym',
        name: 'CLASSPASS GYM 0042',
        cadence: 'WEEKLY',
        amountCents: -1500,
        amountSpreadCents: 0,
        occurrences: 10,
        firstDate: '2024-01-05',
        lastDate: '2024-03-08',
        nextDate: '2024-03-15',
        active: true,
      },
    ]);
  });

  it('biweekly pay', () => {
    const [pay, ...rest] = detectRecurringStreams(everyDays('2024-01-05', 14, 8, 250_000, 'ACME CORP DIRECT DEP'), '2024-04-20');
    expect(rest).toEqual([]);
    expect(pay).toMatchObject({ cadence: 'BIWEEKLY', amountCents: 250_000, occurrences: 8, lastDate: '2024-04-12', nextDate: '2024-04-26', active: true });
  });

  it('semi-monthly on the 1st and 15th', () => {
    const dates = months(2024, 1, 5, 1).flatMap((d) => [d, d.replace(/-01$/, '-15')]);
    const [pay, ...rest] = detectRecurringStreams(onDates(dates, 180_000, 'GLOBEX CORPORATION PAYROLL'), '2024-05-20');
    expect(rest).toEqual([]);
    expect(pay).toMatchObject({ cadence: 'SEMI_MONTHLY', anchorDays: [1, 15], occurrences: 10, nextDate: '2024-06-01', active: true });
  });

  it('monthly rent', () => {
    const [rent] = detectRecurringStreams(onDates(months(2024, 1, 6, 1), -180_000, 'GREYSTAR RENT PMT'), '2024-06-15');
    expect(rent).toMatchObject({ key: 'greystar rent pmt', cadence: 'MONTHLY', anchorDays: [1], amountCents: -180_000, nextDate: '2024-07-01', active: true });
  });

  it('quarterly', () => {
    const dates = ['2023-01-20', '2023-04-20', '2023-07-20', '2023-10-20'];
    const [water] = detectRecurringStreams(onDates(dates, -4500, 'CITY WATER DISTRICT'), '2023-11-01');
    expect(water).toMatchObject({ cadence: 'QUARTERLY', occurrences: 4, nextDate: '2024-01-20', active: true });
  });

  it('annual', () => {
    const dates = ['2022-03-14', '2023-03-14', '2024-03-14'];
    const [prime] = detectRecurringStreams(onDates(dates, -13_900, 'AMAZON PRIME MEMBERSHIP'), '2024-04-01');
    expect(prime).toMatchObject({ cadence: 'ANNUAL', occurrences: 3, nextDate: '2025-03-14', active: true });
  });
});

describe('detectRecurringStreams: real-world irregularities', () => {
  it('tolerates dates jittered by up to 3 days (weekends, holidays) and anchors on the usual day', () => {
    const dates = ['2024-01-04', '2024-02-06', '2024-03-01', '2024-04-04', '2024-05-07', '2024-06-02'];
    const [phone] = detectRecurringStreams(onDates(dates, -6500, 'VERIZON WIRELESS PAYMENTS'), '2024-06-10');
    expect(phone).toMatchObject({ cadence: 'MONTHLY', anchorDays: [4], occurrences: 6, nextDate: '2024-07-04', active: true });
  });

  it('does not expect again a payment that posted early for the next scheduled day (rent for the 1st paid on the 30th)', () => {
    const dates = ['2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-06-30'];
    const [rent] = detectRecurringStreams(onDates(dates, -150_000, 'OAKWOOD APTS WEB PMT'), '2024-06-30');
    expect(rent).toMatchObject({ cadence: 'MONTHLY', anchorDays: [1], lastDate: '2024-06-30', nextDate: '2024-08-01', active: true });
  });

  it('tolerates a missing month', () => {
    const dates = ['2024-01-10', '2024-02-10', '2024-04-10', '2024-05-10', '2024-06-10'];
    const [cable] = detectRecurringStreams(onDates(dates, -7999, 'COMCAST CABLE COMM'), '2024-06-20');
    expect(cable).toMatchObject({ cadence: 'MONTHLY', occurrences: 5, nextDate: '2024-07-10', active: true });
  });

  it('follows a drifting amount with its median and spread (a utility bill over the seasons)', () => {
    const amounts = [-12_000, -11_000, -9500, -8000, -7000, -6800, -7500, -9000];
    const [utility, ...rest] = detectRecurringStreams(onDates(months(2024, 1, 8, 15), amounts, 'PGANDE WEB ONLINE'), '2024-08-20');
    expect(rest).toEqual([]);
    // Median of the eight amounts: (8000 + 9000) / 2; absolute deviations 3500 2500 1000 500 1500 1700 1000 500,
    // whose median is (1000 + 1500) / 2.
    expect(utility).toMatchObject({ cadence: 'MONTHLY', amountCents: -8500, amountSpreadCents: 1250, occurrences: 8 });
  });

  it('marks a stream inactive once two scheduled days have passed without it, but not after one', () => {
    const history = onDates(months(2024, 1, 4, 5), -2999, 'HULU 877-8244858');
    expect(detectRecurringStreams(history, '2024-05-20')[0]).toMatchObject({ active: true, nextDate: '2024-06-05' });
    expect(detectRecurringStreams(history, '2024-07-20')[0]).toMatchObject({ active: false, lastDate: '2024-04-05', nextDate: '2024-08-05' });
  });

  it('splits two different bills from one payee by amount level', () => {
    const history = [...onDates(months(2024, 1, 6, 5), -4500, 'CITY UTILITIES'), ...onDates(months(2024, 1, 6, 20), -12_000, 'CITY UTILITIES')];
    const streams = detectRecurringStreams(history, '2024-06-25');
    expect(streams.map((s) => [s.cadence, s.amountCents, s.nextDate])).toEqual([
      ['MONTHLY', -4500, '2024-07-05'],
      ['MONTHLY', -12_000, '2024-07-20'],
    ]);
  });

  it('does not call irregular everyday spending a stream, and still finds the stream among it', () => {
    const gaps = [1, 2, 5, 9, 3, 13, 4, 8, 2, 21, 6, 1, 11, 3, 7, 17, 2, 4, 10, 5];
    const amounts = [640, 1299, 385, 2210, 980, 4150, 720, 1875, 450, 3330];
    const noise: HistoryTransaction[] = [];
    let date = '2024-01-02';
    gaps.forEach((gap, i) => {
      date = addDaysIso(date, gap);
      noise.push(tx(date, -amounts[i % amounts.length]!, `CORNER DELI #${100 + i}`));
      noise.push(tx(addDaysIso(date, gap % 3), -amounts[(i + 3) % amounts.length]! * 2, 'SHELL OIL 57444'));
    });
    expect(detectRecurringStreams(noise, '2024-06-30')).toEqual([]);
    const withRent = [...noise, ...onDates(months(2024, 1, 6, 1), -150_000, 'OAKWOOD APTS WEB PMT')];
    expect(detectRecurringStreams(withRent, '2024-06-30').map((s) => s.key)).toEqual(['oakwood apts web pmt']);
  });

  it('ignores transactions after asOf', () => {
    const history = onDates(months(2024, 1, 6, 1), -150_000, 'OAKWOOD APTS WEB PMT');
    expect(detectRecurringStreams(history, '2024-02-15')).toEqual([]);
  });
});
