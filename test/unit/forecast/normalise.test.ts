import { normaliseDescription } from '../../../src/modules/insights/forecast/normalise.js';

describe('normaliseDescription', () => {
  it.each([
    ['POS DEBIT 03/14 STARBUCKS STORE 05921 SEATTLE WA', 'starbucks store'],
    ['STARBUCKS STORE 11873', 'starbucks store'],
    ['ACH DEBIT COMCAST CABLE COMM 8774', 'comcast cable comm'],
    ['DEBIT CARD PURCHASE XXXXXX1234 WHOLEFDS MKT #10234 AUSTIN TX', 'wholefds mkt'],
    ['PURCHASE AUTHORIZED ON 02/11 SHELL OIL 57444 CARD 4821', 'shell oil'],
    ['ONLINE TRANSFER TO SAVINGS XXXXXX1111', 'online transfer to savings'],
    ['SQ *SWEETGREEN', 'sweetgreen'],
    ['TST* JOES PIZZA 0042', 'joes pizza'],
    ['AMZN Mktp US*2K4X71', 'amzn mktp us'],
    ['HOOLI PAYROLL PPD ID: 9876543', 'hooli payroll'],
    ['Netflix.com 2024-03-14', 'netflix com'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseDescription(raw)).toBe(expected);
  });

  it('never strips a descriptor down to nothing', () => {
    expect(normaliseDescription('ACH')).toBe('ach');
  });

  it('gives different payees different keys', () => {
    expect(normaliseDescription('VERIZON WIRELESS PAYMENTS')).not.toBe(normaliseDescription('COMCAST CABLE COMM'));
  });
});
