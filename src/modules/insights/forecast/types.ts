/**
 * The cash-flow model's inputs and outputs. The model is pure (no I/O): adapters turn bank
 * transactions, PayLink bills and payroll data into these shapes. Money is integer cents; dates
 * are UTC calendar days as 'YYYY-MM-DD'.
 */

export type Cadence = 'WEEKLY' | 'BIWEEKLY' | 'SEMI_MONTHLY' | 'MONTHLY' | 'QUARTERLY' | 'ANNUAL';
export type FlowSource = 'TRANSACTIONS' | 'PAYLINK' | 'PAYROLL';

/** One posted transaction from the account's history. Signed as the balance sees it: inflow > 0, outflow < 0. */
export interface HistoryTransaction {
  date: string;
  amountCents: number;
  /** Merchant name or bank description; the detector normalises it. */
  description: string;
}

/** A recurring stream found in the history by the detector. */
export interface DetectedStream {
  /** The normalised description the occurrences share. */
  key: string;
  /** A display name (the most common original description). */
  name: string;
  cadence: Cadence;
  /** Typical (median) signed amount of one occurrence. */
  amountCents: number;
  /** Spread of the amounts (median absolute deviation), cents. */
  amountSpreadCents: number;
  occurrences: number;
  firstDate: string;
  lastDate: string;
  /** The next expected date after the detector's asOf day. */
  nextDate: string;
  /** False when the stream has stopped (its expected dates passed without an occurrence). */
  active: boolean;
  /**
   * Days of the month the stream is scheduled on (31 = last day), for month-based cadences; lets
   * expandOccurrences continue a semi-monthly pair or a 30th-of-the-month bill exactly.
   */
  anchorDays?: number[];
}

/** A recurring flow known from a provider rather than detected: a PayLink bill, a payroll deposit. */
export interface KnownStream {
  name: string;
  /** Signed: bills < 0, pay > 0. */
  amountCents: number;
  cadence: Cadence | null;
  /** The next date it falls on (on or after the forecast's first day). */
  nextDate: string;
  source: Exclude<FlowSource, 'TRANSACTIONS'>;
}

export interface ForecastInput {
  /** The last day whose data is known; the forecast covers asOf+1 .. asOf+horizonDays. */
  asOf: string;
  /** End-of-day balance on asOf. */
  startingBalanceCents: number;
  horizonDays: number;
  /** Posted transactions up to and including asOf (any order). */
  history: HistoryTransaction[];
  /** Streams known from other sources; a detected stream that one of these covers is dropped (no double counting). */
  known: KnownStream[];
  /** LOW_BALANCE alerts fire when the projected balance falls below this (default documented in the model). */
  lowBalanceThresholdCents?: number;
  /**
   * Set for live forecasts, made while asOf (today) is still under way: a detected stream scheduled
   * for asOf that has not posted is expected on the first forecast day, and a pending payment of a
   * stream (already out of the starting balance) stands for its next occurrence (open-day.ts).
   * Unset, asOf's day has closed, as in the backtest.
   */
  openDay?: { pending: HistoryTransaction[] };
}

export interface ForecastDay {
  date: string;
  balanceCents: number;
  inflowCents: number;
  /** Positive number of cents leaving the account that day. */
  outflowCents: number;
}

export type AlertType = 'LOW_BALANCE' | 'OVERDRAFT' | 'BILL_AT_RISK';

export interface ForecastAlert {
  type: AlertType;
  date: string;
  amountCents: number;
  message: string;
}

export interface ForecastRecurring {
  name: string;
  amountCents: number;
  cadence: Cadence;
  nextDate: string;
  source: FlowSource;
}

export interface Forecast {
  horizonDays: number;
  asOf: string;
  startingBalanceCents: number;
  projectedMinBalanceCents: number;
  projectedMinDate: string;
  projectedEndBalanceCents: number;
  /** Calibrated from the backtest (see calibration.ts), in [0, 1]. */
  confidence: number;
  daily: ForecastDay[];
  alerts: ForecastAlert[];
  recurring: ForecastRecurring[];
}
