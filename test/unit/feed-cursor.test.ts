import { describe, expect, it } from '@jest/globals';
import { decodeFeedCursor, decodeListCursor, encodeFeedCursor, encodeListCursor, FEED_START } from '../../src/modules/banking/feed-cursor.js';

describe('cursors', () => {
  it('round-trip feed positions and list keys', () => {
    const pos = { seq: 42, id: '3f0c1a2b-0000-4000-8000-1234567890ab' };
    expect(decodeFeedCursor(encodeFeedCursor(pos))).toEqual(pos);
    expect(decodeFeedCursor(encodeFeedCursor(FEED_START))).toEqual(FEED_START);
    expect(decodeListCursor(encodeListCursor('2026-06-13', 'txn_7gK1'))).toEqual({ date: '2026-06-13', transactionId: 'txn_7gK1' });
  });

  it('refuse anything the API did not issue with BAD_USER_INPUT (never reaching SQL)', () => {
    const forged = [
      'nope',
      Buffer.from(JSON.stringify({ s: -1, i: FEED_START.id })).toString('base64url'),
      Buffer.from(JSON.stringify({ s: 1, i: "x' or 1=1 --" })).toString('base64url'),
      Buffer.from(JSON.stringify({ s: 1.5, i: FEED_START.id })).toString('base64url'),
    ];
    for (const c of forged) expect(() => decodeFeedCursor(c)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => decodeListCursor(Buffer.from(JSON.stringify({ d: 'June', t: 'x' })).toString('base64url'))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
