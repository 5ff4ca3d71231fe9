/**
 * Splits a report window [from, to) into the part the rollup tables answer and the edges that
 * must be read from raw events. Pure: the plan is unit-tested without a database.
 *
 * - Counts and sums: whole UTC hours come from `usage_hourly_rollups`; the partial hours at either
 *   end (a window need not start on the hour) are read from `usage_events`.
 * - Distinct active users: whole UTC days come from `usage_user_months` (one bit per day of the
 *   month); partial days at either end are read from `usage_events`.
 */
export interface Span {
  from: Date;
  to: Date;
}

export interface MonthMask {
  monthStart: Date;
  /** Bit d-1 set for every day d of this month that lies wholly inside the window. */
  mask: number;
}

export interface WindowPlan {
  /** Whole hours, answered by the hourly rollup (null when the window holds no whole hour). */
  rollupHours: Span | null;
  /** Sub-hour edges, answered by raw events. */
  rawForCounts: Span[];
  /** Whole days per month, answered by the user-month bitmaps. */
  userMonths: MonthMask[];
  /** Sub-day edges, answered by raw events. */
  rawForUsers: Span[];
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit;
const ceilTo = (t: number, unit: number) => Math.ceil(t / unit) * unit;

/** The whole units inside [from, to) and the partial edges around them. */
function split(from: number, to: number, unit: number): { whole: [number, number] | null; edges: Span[] } {
  const a = ceilTo(from, unit);
  const b = floorTo(to, unit);
  if (a >= b) return { whole: null, edges: [{ from: new Date(from), to: new Date(to) }] };
  const edges: Span[] = [];
  if (from < a) edges.push({ from: new Date(from), to: new Date(a) });
  if (b < to) edges.push({ from: new Date(b), to: new Date(to) });
  return { whole: [a, b], edges };
}

/** One mask per UTC month that the whole days [a, b) touch. */
function monthMasks(a: number, b: number): MonthMask[] {
  const out: MonthMask[] = [];
  let day = a;
  while (day < b) {
    const d = new Date(day);
    const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const end = Math.min(b, nextMonth);
    let mask = 0;
    for (let t = day; t < end; t += DAY) mask |= 1 << (new Date(t).getUTCDate() - 1);
    // Day 32 does not exist, so bit 31 (the sign bit of a 32-bit int) is never set: `mask` stays positive.
    out.push({ monthStart: new Date(monthStart), mask });
    day = end;
  }
  return out;
}

export function planWindow(from: Date, to: Date): WindowPlan {
  const counts = split(from.getTime(), to.getTime(), HOUR);
  const users = split(from.getTime(), to.getTime(), DAY);
  return {
    rollupHours: counts.whole ? { from: new Date(counts.whole[0]), to: new Date(counts.whole[1]) } : null,
    rawForCounts: counts.edges,
    userMonths: users.whole ? monthMasks(users.whole[0], users.whole[1]) : [],
    rawForUsers: users.edges,
  };
}
