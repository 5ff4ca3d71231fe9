/**
 * mulberry32: a tiny, fast, seeded random source, uniform in [0, 1), for work that must be a pure
 * function of its seed (the emulators' synthetic histories, the forecast's simulation). NOT for
 * anything secret: 32 bits of state, trivially predictable.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
