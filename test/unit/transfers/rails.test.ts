import { describe, expect, it } from '@jest/globals';
import { chooseRail, debitNetwork, estimatedSettlement, RTP_LIMIT_CENTS } from '../../../src/modules/transfers/rails.js';
import { centsToDecimalString } from '../../../src/upstreams/plaid/plaid-adapter.js';
import { isValidRoutingNumber } from '../../../src/modules/transfers/recipient-service.js';
import { validateTransferInput } from '../../../src/modules/transfers/transfer-input.js';
import { requestFingerprint } from '../../../src/modules/transfers/idempotency.js';

const at = (iso: string) => new Date(iso);

describe('rail choice', () => {
  it('takes RTP when the destination is eligible and within the limit', () => {
    expect(chooseRail({ amountCents: 2_500, destinationRtpEligible: true, now: at('2026-06-13T23:00:00Z') })).toBe('rtp');
    // Over $1M is over both the RTP and the same-day ACH limit.
    expect(chooseRail({ amountCents: RTP_LIMIT_CENTS + 1, destinationRtpEligible: true, now: at('2026-06-15T10:00:00Z') })).toBe('ach');
  });

  it('takes same-day ACH on a business day before the 20:00 UTC cut-off, ACH otherwise', () => {
    // 2026-06-15 is a Monday, 2026-06-13 a Saturday.
    expect(chooseRail({ amountCents: 2_500, destinationRtpEligible: false, now: at('2026-06-15T19:59:59Z') })).toBe('same-day-ach');
    expect(chooseRail({ amountCents: 2_500, destinationRtpEligible: false, now: at('2026-06-15T20:00:00Z') })).toBe('ach');
    expect(chooseRail({ amountCents: 2_500, destinationRtpEligible: false, now: at('2026-06-13T10:00:00Z') })).toBe('ach');
  });

  it('estimates settlement per rail, skipping weekends', () => {
    expect(estimatedSettlement('rtp', at('2026-06-15T10:00:00Z')).toISOString()).toBe('2026-06-15T10:01:00.000Z');
    expect(estimatedSettlement('same-day-ach', at('2026-06-15T10:00:00Z')).toISOString()).toBe('2026-06-15T22:00:00.000Z');
    // Friday's standard ACH settles on Monday.
    expect(estimatedSettlement('ach', at('2026-06-19T21:00:00Z')).toISOString()).toBe('2026-06-22T22:00:00.000Z');
    // A Saturday instruction settles on the next business day, Monday.
    expect(estimatedSettlement('ach', at('2026-06-13T10:00:00Z')).toISOString()).toBe('2026-06-15T22:00:00.000Z');
  });

  it('pulls from the source over ACH (RTP carries credits only)', () => {
    expect(debitNetwork('rtp')).toBe('same-day-ach');
    expect(debitNetwork('same-day-ach')).toBe('same-day-ach');
    expect(debitNetwork('ach')).toBe('ach');
  });
});

describe('transfer input', () => {
  const base = { fromAccountId: 'acc_a', toAccountId: 'acc_b', amountCents: 2_500 };
  const fieldOf = (fn: () => unknown) => {
    try {
      fn();
      return null;
    } catch (e) {
      return (e as { extensions: { code: string; field: string } }).extensions;
    }
  };

  it('normalises a valid request', () => {
    expect(validateTransferInput({ ...base, memo: 'Coffee' })).toEqual({ fromAccountId: 'acc_a', toAccountId: 'acc_b', recipientId: null, amountCents: 2_500, currency: 'USD', memo: 'Coffee' });
  });

  it.each([
    [{ amountCents: 0 }, 'amount'],
    [{ amountCents: -5 }, 'amount'],
    [{ currency: 'EUR' }, 'currency'],
    [{ recipientId: 'rcp_x' }, 'recipientId'],
    [{ toAccountId: undefined }, 'toAccountId'],
    [{ toAccountId: 'acc_a' }, 'toAccountId'],
    [{ fromAccountId: undefined }, 'fromAccountId'],
  ])('rejects %j on %s', (patch, field) => {
    expect(fieldOf(() => validateTransferInput({ ...base, ...patch }))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('fingerprints equal input equally, whatever surface it came from, and different input differently', () => {
    const a = requestFingerprint('createTransfer', validateTransferInput({ ...base, memo: '' }));
    const b = requestFingerprint('createTransfer', validateTransferInput({ ...base, memo: null, currency: 'USD' }));
    expect(a).toBe(b);
    expect(requestFingerprint('createTransfer', validateTransferInput({ ...base, amountCents: 2_501 }))).not.toBe(a);
  });
});

describe('money and routing numbers', () => {
  it('writes Plaid decimal amounts from cents without floating point', () => {
    expect(centsToDecimalString(2_500)).toBe('25.00');
    expect(centsToDecimalString(1)).toBe('0.01');
    expect(centsToDecimalString(123_456_789)).toBe('1234567.89');
  });

  it('checks ABA routing checksums', () => {
    expect(isValidRoutingNumber('021000021')).toBe(true); // JPMorgan Chase
    expect(isValidRoutingNumber('011401533')).toBe(true);
    expect(isValidRoutingNumber('021000022')).toBe(false);
    expect(isValidRoutingNumber('12345678')).toBe(false);
  });
});
