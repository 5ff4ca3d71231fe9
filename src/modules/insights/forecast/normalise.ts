/**
 * Merchant/description normalisation: the same payee should give the same key whatever store
 * number, reference, date or card mask the bank put in this month's descriptor
 * ("POS DEBIT 03/14 STARBUCKS STORE 05921 SEATTLE WA" and "STARBUCKS STORE 11873" are both
 * "starbucks store").
 */

/** Prefixes banks put in front of the payee; stripped repeatedly, longest first. */
const PREFIXES = [
  'debit card purchase',
  'debit card payment',
  'purchase authorized on',
  'recurring card purchase',
  'recurring payment',
  'pos purchase',
  'pos debit',
  'pos withdrawal',
  'point of sale',
  'visa purchase',
  'debit purchase',
  'card purchase',
  'preauthorized debit',
  'electronic payment',
  'ach debit',
  'ach credit',
  'ach payment',
  'ach',
  'pos',
  'checkcard',
  'debit card',
  'purchase',
  'dda',
  'sq',
  'tst',
  'pp',
];

/** ACH standard entry class codes and similar noise words banks append. */
const NOISE_TOKENS = new Set(['ppd', 'ccd', 'ctx', 'des', 'indn', 'co', 'id', 'ref', 'conf', 'trace']);

/** US state and Canadian province codes that end "CITY ST" style descriptors. */
const REGION_CODES = new Set(
  (
    'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or ' +
    'pa ri sc sd tn tx ut vt va wa wv wi wy dc on qc bc ab mb sk ns nb nl pe'
  ).split(' '),
);

export function normaliseDescription(s: string): string {
  let text = s.toLowerCase();
  // Dates in the descriptor ("03/14", "2024-03-14", "on 03/14/24") change every month.
  text = text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ').replace(/\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b/g, ' ');
  // Card and account masks: "xxxx1234", "****1234", "x1234", "card 1234".
  text = text.replace(/[x*]{2,}\d*/g, ' ').replace(/\bx\d{3,}\b/g, ' ').replace(/\bcard\s+\d{4}\b/g, ' ');
  // Punctuation separates tokens ("sq *sweetgreen", "amzn mktp us*2k4x7", "pg&e").
  text = text.replace(/[^a-z0-9]+/g, ' ');
  // Store numbers, references and ids: any token with a digit in it.
  let tokens = text.split(' ').filter((t) => t.length > 0 && !/\d/.test(t));
  tokens = stripPrefixes(tokens);
  tokens = tokens.filter((t) => !NOISE_TOKENS.has(t));
  tokens = stripTrailingPlace(tokens);
  return tokens.join(' ');
}

function stripPrefixes(tokens: string[]): string[] {
  let rest = tokens;
  for (let changed = true; changed && rest.length > 1; ) {
    changed = false;
    for (const prefix of PREFIXES) {
      const words = prefix.split(' ');
      // Never strip the whole descriptor: "ach" alone stays "ach".
      if (rest.length > words.length && words.every((w, i) => rest[i] === w)) {
        rest = rest.slice(words.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/**
 * "... SEATTLE WA": a trailing region code and the city word before it. Only when at least two
 * words of payee remain, so "bank of ca" or "pgande web online" keep their meaning.
 */
function stripTrailingPlace(tokens: string[]): string[] {
  const last = tokens[tokens.length - 1];
  if (tokens.length >= 4 && last !== undefined && REGION_CODES.has(last)) return tokens.slice(0, -2);
  if (tokens.length >= 3 && last !== undefined && REGION_CODES.has(last)) return tokens.slice(0, -1);
  return tokens;
}
