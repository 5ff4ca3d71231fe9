import { describe, expect, it } from '@jest/globals';
import { CoalescedRuns } from '../../src/background/coalesced-runs.js';

/** A run the test finishes by hand, recording when it started. */
function controllableWork() {
  const started: number[] = [];
  const finishers: ((ok: boolean) => void)[] = [];
  const start = () => {
    const n = started.length + 1;
    started.push(n);
    return new Promise<number>((resolve, reject) => finishers.push((ok) => (ok ? resolve(n) : reject(new Error(`run ${n} failed`)))));
  };
  const finish = async (index: number, ok = true) => {
    finishers[index]!(ok);
    await new Promise((r) => setImmediate(r));
  };
  return { started, start, finish };
}

describe('CoalescedRuns', () => {
  it('lets a caller that joins share the run under way', async () => {
    const runs = new CoalescedRuns<string, number>();
    const w = controllableWork();
    const first = runs.run('item', w.start, 'join');
    const second = runs.run('item', w.start, 'join');
    await w.finish(0);
    expect([await first, await second]).toEqual([1, 1]);
    expect(w.started).toEqual([1]);
  });

  it('gives callers announcing changes ONE run that starts after the one under way, and other keys their own', async () => {
    const runs = new CoalescedRuns<string, number>();
    const w = controllableWork();
    const first = runs.run('item', w.start, 'after');
    const webhooks = [runs.run('item', w.start, 'after'), runs.run('item', w.start, 'after')];
    const other = runs.run('other', w.start, 'after');
    expect(w.started).toEqual([1, 2]); // 'item' and 'other'; the queued one has not started
    await w.finish(0);
    expect(await first).toBe(1);
    expect(w.started).toEqual([1, 2, 3]);
    // A read joining now shares the queued run, which is now the one under way.
    const read = runs.run('item', w.start, 'join');
    await w.finish(2);
    expect(await Promise.all([...webhooks, read])).toEqual([3, 3, 3]);
    await w.finish(1);
    expect(await other).toBe(2);
  });

  it('starts the queued run even when the one under way fails, and idle() waits for both', async () => {
    const runs = new CoalescedRuns<string, number>();
    const w = controllableWork();
    const first = runs.run('item', w.start, 'after');
    const queued = runs.run('item', w.start, 'after');
    let idle = false;
    const waiting = runs.idle().then(() => (idle = true));
    await w.finish(0, false);
    await expect(first).rejects.toThrow('run 1 failed');
    expect(idle).toBe(false);
    await w.finish(1);
    expect(await queued).toBe(2);
    await waiting;
    expect(idle).toBe(true);
    // Nothing is left: the next call starts a fresh run.
    void runs.run('item', w.start, 'after');
    expect(w.started).toEqual([1, 2, 3]);
  });
});
