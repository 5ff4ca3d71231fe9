/** Plaid sends money as floating dollars; the gateway keeps integer cents and converts only at the edges. */
export function dollarsToCents(amount: number): number {
  return Math.round(amount * 100);
}

export function centsToDollars(cents: number): number {
  return cents / 100;
}
