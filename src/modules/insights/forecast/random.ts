/**
 * A small seeded random source for the day-resampling simulation. The forecast must be a pure
 * function of its input (same input → same forecast, in tests and in the backtest), so the seed is a
 * hash of the input, never the clock or Math.random.
 */

export { mulberry32 } from '../../../crypto/mulberry32.js';

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
const TWO_32 = 4294967296;

/**
 * FNV-1a over a sequence of numbers (integers, e.g. cents and day numbers; a fractional part is
 * dropped). Each value is mixed in as its low and high 32-bit words, so large cent amounts and
 * negative values hash without collisions from truncation.
 */
export function hashNumbers(values: Iterable<number>, seed: number = FNV_OFFSET): number {
  let h = seed >>> 0;
  const mix = (word: number) => {
    for (let shift = 0; shift < 32; shift += 8) h = Math.imul(h ^ ((word >>> shift) & 0xff), FNV_PRIME);
  };
  for (const value of values) {
    const v = Math.trunc(value);
    const high = Math.floor(v / TWO_32);
    mix(v - high * TWO_32);
    mix(high);
  }
  return h >>> 0;
}
