/** The two baselines the model has to beat, as projected end-of-day balance paths. */
import { dayNumber } from '../../src/modules/insights/forecast/dates.js';
import type { Window } from './windows.js';

/** Flat: the balance stays where it was on asOf. */
export function flatPath(w: Window, horizon: number): number[] {
  return new Array<number>(horizon).fill(w.startingBalanceCents);
}

/** Seasonal-naive: the net flow of each of the last `horizon` days (asOf-horizon+1 .. asOf) happens again, in order. */
export function seasonalNaivePath(w: Window, horizon: number): number[] {
  const net = new Array<number>(horizon).fill(0);
  const from = w.asOfDay - horizon + 1;
  for (const t of w.history) {
    const i = dayNumber(t.date) - from;
    if (i >= 0 && i < horizon) net[i]! += t.amountCents;
  }
  let balance = w.startingBalanceCents;
  return net.map((n) => (balance += n));
}
