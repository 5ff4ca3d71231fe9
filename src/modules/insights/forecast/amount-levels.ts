/**
 * Splits one payee's transactions into amount levels, so that two different bills from the same
 * payee (a 72.66 household payment and a 33.73 loan instalment) become two candidate streams while
 * a bill that drifts (a utility that doubles over the winter) stays one: levels break only where the
 * sorted amounts jump by more than LEVEL_GAP_RATIO.
 */

/** A jump of more than 40 % between neighbouring sorted amounts starts a new level. */
export const LEVEL_GAP_RATIO = 1.4;
/** Jumps smaller than this (cents) never split: a 1.00 vs 1.50 fee is the same fee. */
const MIN_LEVEL_GAP_CENTS = 200;

export function splitAmountLevels<T extends { amountCents: number }>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => Math.abs(a.amountCents) - Math.abs(b.amountCents));
  const levels: T[][] = [];
  let current: T[] = [];
  let previous = 0;
  for (const item of sorted) {
    const size = Math.abs(item.amountCents);
    if (current.length > 0 && size > previous * LEVEL_GAP_RATIO && size - previous > MIN_LEVEL_GAP_CENTS) {
      levels.push(current);
      current = [];
    }
    current.push(item);
    previous = size;
  }
  if (current.length > 0) levels.push(current);
  return levels;
}
