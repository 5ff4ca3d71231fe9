/**
 * The generator's own vocabulary. It deliberately does not depend on the `plaid` SDK so the forecast
 * benchmark can reuse it as plain data; the emulator maps these to Plaid's wire types.
 */

export type AccountKey = 'checking' | 'credit';
export type PaymentChannel = 'online' | 'in store' | 'other';
export type Frequency = 'BIWEEKLY' | 'MONTHLY';
export type ConfidenceLevel = 'VERY_HIGH' | 'HIGH' | 'MEDIUM' | 'LOW';

/** Plaid's personal finance category (PFC) taxonomy: a primary and a detailed code. */
export interface FinanceCategory {
  primary: string;
  detailed: string;
  confidence_level: ConfidenceLevel;
}

export interface GeneratedTransaction {
  /** Stable for a given seed: base62, 37 characters, like Plaid's transaction ids. */
  id: string;
  account: AccountKey;
  /** Posting day (or, while pending, the day it was seen), `YYYY-MM-DD`. */
  date: string;
  authorizedDate: string;
  /** Plaid's sign convention: money leaving the account is positive, money coming in is negative. */
  amount: number;
  /** The bank's descriptor, e.g. `STARBUCKS STORE 05921`. */
  name: string;
  merchantName: string | null;
  category: FinanceCategory;
  paymentChannel: PaymentChannel;
  pending: boolean;
  /** Key of the recurring pattern this belongs to (`payroll`, `netflix`, ...), or null for one-offs. */
  stream: string | null;
}

/** Ground truth for one recurring series in a history: what a recurring-detection should find. */
export interface RecurringPattern {
  key: string;
  description: string;
  merchantName: string | null;
  account: AccountKey;
  frequency: Frequency;
  direction: 'inflow' | 'outflow';
  category: FinanceCategory;
}

export interface GeneratedHistory {
  seed: string;
  /** First and last day covered, inclusive. */
  startDate: string;
  endDate: string;
  /** Sorted by date, oldest first. */
  transactions: GeneratedTransaction[];
  patterns: RecurringPattern[];
}
