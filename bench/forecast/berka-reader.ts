/**
 * Reads the Berka (PKDD'99) trans.asc into accounts. Amounts are CZK with two decimals, turned into
 * integer cents; PRIJEM is a credit, VYDAJ and VYBER are debits. The file's `balance` column is the
 * balance after each transaction; rows within one day are not in posting order, so the end-of-day
 * balance is the day's recorded balance closest to the previous day's plus the day's net (the
 * recorded balances drift from the sum of the amounts by cents here and there, e.g. around
 * interest postings; the reader counts the days where they are not equal).
 *
 * The description the model sees is built from the row the way a bank statement line would read:
 * the operation and k_symbol in words, the counterparty bank code, then the counterparty account
 * number (which normalisation drops, like any id). order.asc is not used: it is an undated snapshot
 * of standing orders (from the end of the full 1993-1998 data set), so using it as known streams at
 * a 1993 cut would be looking at the future.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dayNumber } from '../../src/modules/insights/forecast/dates.js';
import type { BenchAccount, BenchTransaction } from './account.js';

const OPERATION: Record<string, string> = {
  'VYBER KARTOU': 'CARD WITHDRAWAL',
  VKLAD: 'CASH DEPOSIT',
  'PREVOD Z UCTU': 'TRANSFER FROM',
  VYBER: 'CASH WITHDRAWAL',
  'PREVOD NA UCET': 'TRANSFER TO',
};
const K_SYMBOL: Record<string, string> = {
  POJISTNE: 'INSURANCE PAYMENT',
  SLUZBY: 'STATEMENT FEE',
  UROK: 'INTEREST CREDITED',
  'SANKC. UROK': 'SANCTION INTEREST',
  SIPO: 'HOUSEHOLD PAYMENT',
  DUCHOD: 'PENSION',
  UVER: 'LOAN PAYMENT',
};

export interface BerkaData {
  accounts: BenchAccount[];
  rows: number;
  /** Account-days whose recorded end-of-day balance is not exactly the previous day's plus the day's net. */
  inconsistentDays: number;
  firstDate: string;
  lastDate: string;
}

interface Row {
  account: string;
  day: number;
  amountCents: number;
  balanceCents: number;
  tx: BenchTransaction;
}

export async function readBerka(dir: string): Promise<BerkaData> {
  const text = await readFile(path.join(dir, 'trans.asc'), 'utf8');
  const rows: Row[] = [];
  for (const line of text.split('\n').slice(1)) {
    if (line.trim() === '') continue;
    const f = line.split(';').map((v) => v.trim().replace(/^"|"$/g, '').trim());
    const [, account, yymmdd, type, operation, amount, balance, kSymbol, bank, counterparty] = f;
    if (!account || !yymmdd || !type || !amount || !balance) throw new Error(`bad trans.asc row: ${line}`);
    const date = `19${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
    const sign = type === 'PRIJEM' ? 1 : -1;
    const amountCents = sign * toCents(amount);
    const description = [
      kSymbol ? (K_SYMBOL[kSymbol] ?? kSymbol) : '',
      operation ? (OPERATION[operation] ?? operation) : '',
      bank ? `BANK ${bank}` : '',
      counterparty && counterparty !== '0' ? `ACCT ${counterparty}` : '',
    ]
      .filter((p) => p !== '')
      .join(' ');
    rows.push({
      account,
      day: dayNumber(date),
      amountCents,
      balanceCents: toCents(balance),
      tx: { date, amountCents, description: description || (sign > 0 ? 'CREDIT' : 'DEBIT') },
    });
  }
  const lastDay = Math.max(...rows.map((r) => r.day));
  const byAccount = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byAccount.get(r.account);
    if (list) list.push(r);
    else byAccount.set(r.account, [r]);
  }
  let inconsistentDays = 0;
  const accounts: BenchAccount[] = [];
  for (const [id, list] of byAccount) {
    list.sort((a, b) => a.day - b.day);
    const firstDay = list[0]!.day;
    const endOfDay = new Array<number>(lastDay - firstDay + 1).fill(0);
    let balance = 0;
    let i = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      const today: Row[] = [];
      while (i < list.length && list[i]!.day === day) today.push(list[i++]!);
      if (today.length > 0) {
        const expected = balance + today.reduce((s, r) => s + r.amountCents, 0);
        // The day's last posting is the one whose recorded balance is the day's net away from yesterday's.
        const closest = today.reduce((best, r) => (Math.abs(r.balanceCents - expected) < Math.abs(best.balanceCents - expected) ? r : best));
        if (closest.balanceCents !== expected) inconsistentDays++;
        balance = closest.balanceCents;
      }
      endOfDay[day - firstDay] = balance;
    }
    accounts.push({ id, transactions: list.map((r) => r.tx), firstDay, lastDay, endOfDay });
  }
  accounts.sort((a, b) => Number(a.id) - Number(b.id));
  const allDays = rows.map((r) => r.day);
  const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  return { accounts, rows: rows.length, inconsistentDays, firstDate: iso(Math.min(...allDays)), lastDate: iso(lastDay) };
}

/** "1234.5" → 123450, exactly (no float multiplication). */
function toCents(value: string): number {
  const negative = value.startsWith('-');
  const [units = '0', fraction = ''] = value.replace('-', '').split('.');
  const cents = Number(units) * 100 + Number((fraction + '00').slice(0, 2));
  return negative ? -cents : cents;
}
