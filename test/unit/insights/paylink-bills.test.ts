import { billOccurrences, billStreams } from '../../../src/modules/insights/sources/paylink-bills.js';
import type { BillModel } from '../../../src/modules/atomic/type-resolvers.js';

const bill = (over: Partial<BillModel> = {}): BillModel =>
  ({ _id: 'b1', sourceId: 's1', name: 'Comcast', amount: 79.99, billingCycle: 'monthly', dueDate: '2024-07-08T23:59:59.000Z', ...over }) as BillModel;

describe('PayLink bills as dated occurrences', () => {
  it('expands the billing cycle from the due date over the period, today included', () => {
    expect(billOccurrences([bill()], '2024-07-08', '2024-09-07')).toEqual([
      { name: 'Comcast', amountCents: 7999, date: '2024-07-08' },
      { name: 'Comcast', amountCents: 7999, date: '2024-08-08' },
    ]);
  });

  it('does not count an occurrence its payment history shows paid (this morning, or up to a week early)', () => {
    const paidToday = bill({ paymentHistory: [{ date: '2024-06-08T15:00:00Z', amount: 79.99 }, { date: '2024-07-08T09:12:00Z', amount: 79.99 }] });
    expect(billOccurrences([paidToday], '2024-07-08', '2024-08-07')).toEqual([]);
    const paidEarly = bill({ paymentHistory: [{ date: '2024-07-02T09:00:00Z', amount: 79.99 }] });
    expect(billOccurrences([paidEarly], '2024-07-08', '2024-08-08').map((o) => o.date)).toEqual(['2024-08-08']);
    // Last month's payment does not pay this month's bill; a malformed date is ignored.
    const lastMonth = bill({ paymentHistory: [{ date: '2024-06-08T09:00:00Z', amount: 79.99 }, { date: 'yesterday', amount: 1 }] });
    expect(billOccurrences([lastMonth], '2024-07-08', '2024-07-31').map((o) => o.date)).toEqual(['2024-07-08']);
  });

  it('gives the forecast (which starts tomorrow) a bill due today and unpaid as a one-off on its first day', () => {
    expect(billStreams([bill()], '2024-07-09', '2024-08-10', '2024-07-08')).toEqual([
      { name: 'Comcast', amountCents: -7999, cadence: 'MONTHLY', nextDate: '2024-08-08', source: 'PAYLINK' },
      { name: 'Comcast', amountCents: -7999, cadence: null, nextDate: '2024-07-09', source: 'PAYLINK' },
    ]);
    const paid = bill({ paymentHistory: [{ date: '2024-07-08T07:00:00Z', amount: 79.99 }] });
    expect(billStreams([paid], '2024-07-09', '2024-08-10', '2024-07-08')).toEqual([
      { name: 'Comcast', amountCents: -7999, cadence: 'MONTHLY', nextDate: '2024-08-08', source: 'PAYLINK' },
    ]);
  });
});
