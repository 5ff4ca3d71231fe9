import { DEFAULT_CALIBRATION } from '../../../src/modules/insights/forecast/calibration.js';
import { forecastCashflow } from '../../../src/modules/insights/forecast/model.js';
import type { ForecastInput, KnownStream } from '../../../src/modules/insights/forecast/types.js';
import { everyDays, onDates, tx } from './fixtures.js';

const rent: KnownStream = { name: 'Greystar rent', amountCents: -120_000, cadence: 'MONTHLY', nextDate: '2024-04-01', source: 'PAYLINK' };
const pay: KnownStream = { name: 'Acme payroll', amountCents: 80_000, cadence: 'BIWEEKLY', nextDate: '2024-04-05', source: 'PAYROLL' };
const phone: KnownStream = { name: 'Phone bill', amountCents: -5000, cadence: null, nextDate: '2024-04-08', source: 'PAYLINK' };

/** Known bills and pay, no history: every day can be worked out by hand. */
const handInput: ForecastInput = {
  asOf: '2024-03-31',
  startingBalanceCents: 100_000,
  horizonDays: 10,
  history: [],
  known: [phone, pay, rent],
};

describe('forecastCashflow: a hand-computable case', () => {
  const forecast = forecastCashflow(handInput);

  it('projects exact daily balances, inflows and outflows', () => {
    // 1,000.00 − 1,200.00 rent on Apr 1; + 800.00 pay on Apr 5; − 50.00 phone on Apr 8.
    expect(forecast.daily.map((d) => [d.date, d.balanceCents, d.inflowCents, d.outflowCents])).toEqual([
      ['2024-04-01', -20_000, 0, 120_000],
      ['2024-04-02', -20_000, 0, 0],
      ['2024-04-03', -20_000, 0, 0],
      ['2024-04-04', -20_000, 0, 0],
      ['2024-04-05', 60_000, 80_000, 0],
      ['2024-04-06', 60_000, 0, 0],
      ['2024-04-07', 60_000, 0, 0],
      ['2024-04-08', 55_000, 0, 5000],
      ['2024-04-09', 55_000, 0, 0],
      ['2024-04-10', 55_000, 0, 0],
    ]);
    expect(forecast).toMatchObject({
      horizonDays: 10,
      asOf: '2024-03-31',
      startingBalanceCents: 100_000,
      projectedMinBalanceCents: -20_000,
      projectedMinDate: '2024-04-01',
      projectedEndBalanceCents: 55_000,
    });
  });

  it('raises OVERDRAFT, LOW_BALANCE (default threshold 100.00) and BILL_AT_RISK with plain-English messages', () => {
    expect(forecast.alerts).toEqual([
      {
        type: 'OVERDRAFT',
        date: '2024-04-01',
        amountCents: -20_000,
        message: 'Account projected to be overdrawn on 2024-04-01 (-200.00; lowest -200.00 on 2024-04-01).',
      },
      {
        type: 'LOW_BALANCE',
        date: '2024-04-01',
        amountCents: -20_000,
        message: 'Balance projected to fall below 100.00 on 2024-04-01 (-200.00; lowest -200.00 on 2024-04-01).',
      },
      {
        type: 'BILL_AT_RISK',
        date: '2024-04-01',
        amountCents: -120_000,
        message: 'Greystar rent (1,200.00) is due on 2024-04-01, but the balance that morning is projected at 1,000.00.',
      },
    ]);
  });

  it('lists the recurring streams it used with their source (the one-off phone bill is projected but not recurring)', () => {
    expect(forecast.recurring).toEqual([
      { name: 'Greystar rent', amountCents: -120_000, cadence: 'MONTHLY', nextDate: '2024-04-01', source: 'PAYLINK' },
      { name: 'Acme payroll', amountCents: 80_000, cadence: 'BIWEEKLY', nextDate: '2024-04-05', source: 'PAYROLL' },
    ]);
  });

  it('with no history to judge by, confidence is the calibration table’s lowest probability', () => {
    expect(forecast.confidence).toBe(Math.min(...DEFAULT_CALIBRATION.knots.map((k) => k.probability)));
  });

  it('fires one LOW_BALANCE alert per run of days below a custom threshold', () => {
    const low = forecastCashflow({ ...handInput, lowBalanceThresholdCents: 60_000 }).alerts.filter((a) => a.type === 'LOW_BALANCE');
    expect(low.map((a) => [a.date, a.amountCents])).toEqual([
      ['2024-04-01', -20_000],
      ['2024-04-08', 55_000],
    ]);
  });

  it('flags a bill whose day starts with less than the bill', () => {
    const tight = forecastCashflow({ ...handInput, startingBalanceCents: 125_000, known: [rent, { ...phone, amountCents: -10_000 }] });
    // Apr 1 starts at 1,250.00 ≥ 1,200.00 (no risk); Apr 8 starts at 50.00 < 100.00.
    expect(tight.alerts.filter((a) => a.type === 'BILL_AT_RISK').map((a) => [a.date, a.amountCents])).toEqual([['2024-04-08', -10_000]]);
  });

  it('rejects a horizon that is not a positive whole number of days', () => {
    expect(() => forecastCashflow({ ...handInput, horizonDays: 0 })).toThrow(RangeError);
  });
});

describe('forecastCashflow: detected streams', () => {
  const months = (day: string) => ['01', '02', '03', '04', '05', '06'].map((m) => `2024-${m}-${day}`);
  const history = [
    ...onDates(months('09'), -7999, 'COMCAST CABLE COMM'),
    ...onDates(months('01'), -150_000, 'OAKWOOD APTS WEB PMT'),
    ...everyDays('2024-01-05', 14, 13, 120_000, 'ACME CORP DIRECT DEP'),
  ];
  const input: ForecastInput = { asOf: '2024-06-30', startingBalanceCents: 100_000, horizonDays: 30, history, known: [] };

  it('projects the detected streams exactly when the history has nothing else', () => {
    const forecast = forecastCashflow(input);
    const moves = forecast.daily.filter((d) => d.inflowCents !== 0 || d.outflowCents !== 0);
    // Rent Jul 1; pay every other Friday from Jan 5 (the 13th was Jun 21, so Jul 5 and Jul 19); cable Jul 9.
    expect(moves.map((d) => [d.date, d.balanceCents])).toEqual([
      ['2024-07-01', -50_000],
      ['2024-07-05', 70_000],
      ['2024-07-09', 62_001],
      ['2024-07-19', 182_001],
    ]);
    expect(forecast.recurring.map((r) => [r.name, r.cadence, r.nextDate, r.source])).toEqual([
      ['OAKWOOD APTS WEB PMT', 'MONTHLY', '2024-07-01', 'TRANSACTIONS'],
      ['ACME CORP DIRECT DEP', 'BIWEEKLY', '2024-07-05', 'TRANSACTIONS'],
      ['COMCAST CABLE COMM', 'MONTHLY', '2024-07-09', 'TRANSACTIONS'],
    ]);
  });

  it('does not count a detected stream twice when a known PayLink bill covers it', () => {
    const known: KnownStream[] = [{ name: 'Comcast', amountCents: -7999, cadence: 'MONTHLY', nextDate: '2024-07-09', source: 'PAYLINK' }];
    const forecast = forecastCashflow({ ...input, known });
    expect(forecast.daily.find((d) => d.date === '2024-07-09')).toEqual({ date: '2024-07-09', balanceCents: 62_001, inflowCents: 0, outflowCents: 7999 });
    const cable = forecast.recurring.filter((r) => r.amountCents === -7999);
    expect(cable).toEqual([{ name: 'Comcast', amountCents: -7999, cadence: 'MONTHLY', nextDate: '2024-07-09', source: 'PAYLINK' }]);
  });

  it('counts a payment once when it posted early, before asOf, for a day in the horizon', () => {
    const early = [...history.filter((t) => t.date !== '2024-06-01'), tx('2024-05-31', -150_000, 'OAKWOOD APTS WEB PMT'), tx('2024-06-30', -150_000, 'OAKWOOD APTS WEB PMT')];
    const forecast = forecastCashflow({ ...input, history: early });
    expect(forecast.daily.find((d) => d.date === '2024-07-01')).toMatchObject({ outflowCents: 0 });
    expect(forecast.projectedEndBalanceCents).toBe(100_000 + 2 * 120_000 - 7999);
    expect(forecast.recurring.find((r) => r.name === 'OAKWOOD APTS WEB PMT')).toMatchObject({ nextDate: '2024-08-01' });
  });

  it('is deterministic and does not depend on the order of the history', () => {
    const noisy = [...history, tx('2024-06-03', -4520, 'CORNER DELI'), tx('2024-06-17', -1999, 'SHELL OIL 57444'), tx('2024-05-21', 2500, 'VENMO CASHOUT')];
    const a = forecastCashflow({ ...input, history: noisy });
    const b = forecastCashflow({ ...input, history: [...noisy].reverse() });
    expect(b).toEqual(a);
    expect(forecastCashflow({ ...input, history: noisy })).toEqual(a);
  });

  describe('on an open day (live: asOf is today, still under way)', () => {
    // asOf Jul 1, rent day: June's rent and May's posted, July's not yet.
    const rentDay: ForecastInput = { ...input, asOf: '2024-07-01' };
    const julyTwo = (f: ReturnType<typeof forecastCashflow>) => f.daily.find((d) => d.date === '2024-07-02')!;

    it('expects today’s unposted rent on the first forecast day; a closed day (the backtest) takes it as skipped', () => {
      expect(julyTwo(forecastCashflow({ ...rentDay, openDay: { pending: [] } }))).toMatchObject({ outflowCents: 150_000, balanceCents: -50_000 });
      expect(julyTwo(forecastCashflow(rentDay))).toMatchObject({ outflowCents: 0, balanceCents: 100_000 });
    });

    it('does not expect it again once it has posted today or is pending (the starting balance already lost it)', () => {
      const posted = forecastCashflow({ ...rentDay, history: [...history, tx('2024-07-01', -150_000, 'OAKWOOD APTS WEB PMT')], openDay: { pending: [] } });
      expect(julyTwo(posted)).toMatchObject({ outflowCents: 0 });
      const pending = forecastCashflow({ ...rentDay, openDay: { pending: [tx('2024-07-01', -150_000, 'OAKWOOD APTS WEB PMT')] } });
      expect(julyTwo(pending)).toMatchObject({ outflowCents: 0 });
      expect(pending.projectedEndBalanceCents).toBe(100_000 + 2 * 120_000 - 7999);
    });

    it('lets a pending early payment stand for the next occurrence within the tolerance (cable due the 9th, pending on the 7th)', () => {
      const forecast = forecastCashflow({ ...input, asOf: '2024-07-07', openDay: { pending: [tx('2024-07-07', -7999, 'COMCAST CABLE COMM')] } });
      expect(forecast.daily.find((d) => d.date === '2024-07-09')).toMatchObject({ outflowCents: 0 });
      expect(forecast.daily.find((d) => d.date === '2024-08-01')).toMatchObject({ outflowCents: 150_000 });
    });
  });

  it('never reads transactions after asOf', () => {
    const future = [...history, tx('2024-07-03', -99_999_00, 'FUTURE SPLURGE')];
    expect(forecastCashflow({ ...input, history: future })).toEqual(forecastCashflow(input));
  });
});
