import type { RunningAtomicEmulator } from '../../../src/sandbox/atomic/index.js';
import { generatePayLink, nextDueDay } from '../../../src/sandbox/atomic/generator/paylink.js';
import { generatePerson } from '../../../src/sandbox/atomic/generator/people.js';
import { buildDataset } from '../../../src/sandbox/atomic/users/dataset.js';
import { atomicClient, startEmulator } from './helpers/emulator.js';

const DAY = 86_400_000;
const PATHS = (id: string) => [
  `pay-link/accounts?identifier=${id}`,
  `employment/${id}`,
  `income/${id}`,
  `identity/${id}`,
  `statements/${id}`,
  `timesheets/${id}`,
  `taxes/${id}`,
  `deposit-accounts/${id}`,
  `linked-account/list/${id}`,
  `user/${id}/tasks`,
];

describe('Atomic emulator: generated users', () => {
  it('are deterministic per identifier: two emulators with the same clock serve the same data', async () => {
    const now = () => new Date('2025-06-10T08:00:00.000Z');
    const [a, b]: [RunningAtomicEmulator, RunningAtomicEmulator] = await Promise.all([startEmulator({ now }), startEmulator({ now })]);
    try {
      const strip = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'URL').replace(/signature=[0-9a-f]+/g, 'sig')) as unknown;
      for (const path of [...PATHS('alice-001'), ...PATHS('bob-002')]) {
        const [ra, rb] = await Promise.all([atomicClient(a.url).get(path), atomicClient(b.url).get(path)]);
        expect(ra.statusCode).toBe(200);
        expect(strip(ra.body)).toEqual(strip(rb.body));
      }
      const alice = (await atomicClient(a.url).get('identity/alice-001')).body;
      const bob = (await atomicClient(a.url).get('identity/bob-002')).body;
      expect(alice).not.toEqual(bob);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keep their ids, plans and amounts from day to day; due dates stay put until paid', () => {
    const day1 = new Date('2025-06-10T08:00:00.000Z');
    const day2 = new Date(day1.getTime() + DAY);
    for (const identifier of ['u1', 'u2', 'u3', 'u4']) {
      const person = generatePerson(identifier);
      const first = generatePayLink(identifier, person, day1).accounts;
      const second = generatePayLink(identifier, person, day2).accounts;
      expect(second.map((a) => a._id)).toEqual(first.map((a) => a._id));
      first.forEach((account, i) => {
        const a = account.bills[0]!;
        const b = second[i]!.bills[0]!;
        expect(b.plans).toEqual(a.plans);
        const daysLeft = (Date.parse(a.dueDate as string) - day1.getTime()) / DAY;
        // The same due date the next day, unless it moved a cycle on (it is never under a week away).
        if (daysLeft > 8) expect(b.dueDate).toBe(a.dueDate);
        if (b.dueDate === a.dueDate) expect(b.amount).toBe(a.amount);
      });
    }
  });

  it('always have bills due 1 to 5 weeks out, whatever the day', () => {
    for (let anchor = 0; anchor < 29; anchor++) {
      for (let d = 0; d < 60; d++) {
        const today = new Date(Date.UTC(2025, 0, 1) + d * DAY);
        const days = (nextDueDay(anchor, today).getTime() - today.getTime()) / DAY;
        expect(days).toBeGreaterThanOrEqual(7);
        expect(days).toBeLessThanOrEqual(35);
      }
    }
    const now = new Date('2025-11-20T21:00:00.000Z');
    for (let i = 0; i < 40; i++) {
      const data = buildDataset(`user-${i}`, now);
      for (const bill of data.accounts.flatMap((a) => a.bills)) {
        const days = (Date.parse(bill.dueDate as string) - now.getTime()) / DAY;
        expect(days).toBeGreaterThan(6);
        expect(days).toBeLessThan(36);
        for (const paid of bill.paymentHistory ?? []) expect(Date.parse(paid.date)).toBeLessThan(now.getTime());
      }
      // Ids are unique within a user and claimable across users.
      const ids = [...data.accounts.map((a) => a._id), ...data.tasks.map((t) => t._id), ...data.linkedAccounts.map((l) => l._id)];
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
