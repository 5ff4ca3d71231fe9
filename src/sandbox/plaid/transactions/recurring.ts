import type { TransactionStream } from 'plaid';
import { RecurringTransactionFrequency, TransactionStreamStatus } from 'plaid';
import { addDays, addMonths, daysBetween, isoDate, parseIsoDate } from '../generator/dates.js';
import { hashBase62, roundCents } from '../generator/prng.js';
import type { LedgerRecord } from './records.js';

export interface RecurringStreams {
  inflow_streams: TransactionStream[];
  outflow_streams: TransactionStream[];
}

/**
 * Plaid's recurring streams for an Item, from the generator's known patterns: every posted
 * transaction carries its pattern key, so grouping by it is exact. Frequency comes from the median
 * gap between occurrences; a stream is active while its next occurrence is not overdue.
 */
export function buildStreams(itemId: string, records: Iterable<LedgerRecord>, today: Date, accountIds?: string[]): RecurringStreams {
  const groups = new Map<string, LedgerRecord[]>();
  for (const record of records) {
    if (!record.stream || record.transaction.pending) continue;
    if (accountIds && !accountIds.includes(record.transaction.account_id)) continue;
    const key = `${record.transaction.account_id}:${record.stream}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const result: RecurringStreams = { inflow_streams: [], outflow_streams: [] };
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const stream = toStream(itemId, key, group, today);
    (stream.average_amount.amount! < 0 ? result.inflow_streams : result.outflow_streams).push(stream);
  }
  return result;
}

function toStream(itemId: string, key: string, group: LedgerRecord[], today: Date): TransactionStream {
  const txns = group.map((r) => r.transaction).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = txns[0]!;
  const last = txns[txns.length - 1]!;
  const lastRecord = group.find((r) => r.transaction === last)!;
  const gaps = txns.slice(1).map((t, i) => daysBetween(parseIsoDate(txns[i]!.date)!, parseIsoDate(t.date)!));
  const medianGap = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
  const frequency =
    medianGap >= 12 && medianGap <= 16
      ? RecurringTransactionFrequency.Biweekly
      : medianGap >= 26 && medianGap <= 35
        ? RecurringTransactionFrequency.Monthly
        : RecurringTransactionFrequency.Unknown;
  const lastDate = parseIsoDate(last.date)!;
  const next =
    frequency === RecurringTransactionFrequency.Biweekly
      ? addDays(lastDate, 14)
      : frequency === RecurringTransactionFrequency.Monthly
        ? addMonths(lastDate, 1)
        : null;
  // Overdue by more than half a period means the stream has stopped.
  const period = frequency === RecurringTransactionFrequency.Biweekly ? 14 : 30;
  const isActive = daysBetween(lastDate, today) <= period * 1.5;
  const amount = (value: number) => ({ amount: value, iso_currency_code: last.iso_currency_code, unofficial_currency_code: null });
  return {
    account_id: last.account_id,
    stream_id: hashBase62(`${itemId}:stream:${key}`),
    category: null,
    category_id: null,
    description: last.name,
    merchant_name: last.merchant_name ?? null,
    first_date: first.date,
    last_date: last.date,
    predicted_next_date: next ? isoDate(next) : null,
    frequency,
    transaction_ids: txns.map((t) => t.transaction_id),
    average_amount: amount(roundCents(txns.reduce((sum, t) => sum + t.amount, 0) / txns.length)),
    last_amount: amount(last.amount),
    is_active: isActive,
    status: !isActive
      ? TransactionStreamStatus.Tombstoned
      : txns.length >= 3
        ? TransactionStreamStatus.Mature
        : TransactionStreamStatus.EarlyDetection,
    personal_finance_category: lastRecord.transaction.personal_finance_category ?? null,
    is_user_modified: false,
  };
}
