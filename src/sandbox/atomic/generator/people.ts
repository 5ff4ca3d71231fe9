import { derivedObjectId } from '../ids.js';
import { createRng, digits, noon } from './rng.js';

/** Who a generated user is: one identity shared by their PayLink accounts and payroll records. */
export interface Person {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  /** 10 digits, no punctuation (the references' format). */
  phone: string;
  /** Full 9-digit SSN: the emulator behaves like Atomic, the gateway masks. */
  ssn: string;
  dateOfBirth: string;
  address: string;
  address2?: string;
  city: string;
  state: string;
  postalCode: string;
  /** Household members, used as streaming profiles. */
  household: string[];
}

const FIRST = ['Jane', 'John', 'Maria', 'David', 'Aisha', 'Wei', 'Sofia', 'Marcus', 'Priya', 'Lucas', 'Emma', 'Diego', 'Hannah', 'Omar'];
const LAST = ['Appleseed', 'Nguyen', 'Garcia', 'Smith', 'Johnson', 'Okafor', 'Chen', 'Patel', 'Rossi', 'Kowalski', 'Brown', 'Silva'];
const STREETS = ['Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Pine St', 'Elm St', 'Washington Blvd', 'Lakeview Rd', 'Sunset Way'];
/** City, two-letter state, ZIP prefix. States with no income tax are represented too (TX, FL, WA). */
export const PLACES = [
  { city: 'Salt Lake City', state: 'UT', zip: '841' },
  { city: 'Austin', state: 'TX', zip: '787' },
  { city: 'Columbus', state: 'OH', zip: '432' },
  { city: 'San Jose', state: 'CA', zip: '951' },
  { city: 'Tampa', state: 'FL', zip: '336' },
  { city: 'Seattle', state: 'WA', zip: '981' },
  { city: 'Denver', state: 'CO', zip: '802' },
  { city: 'Brooklyn', state: 'NY', zip: '112' },
] as const;

export function generatePerson(identifier: string): Person {
  const rng = createRng(`atomic-person:${identifier}`);
  const firstName = rng.pick(FIRST);
  const lastName = rng.pick(LAST);
  const place = rng.pick(PLACES);
  const year = rng.int(1962, 2001);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const household = [firstName, ...Array.from({ length: rng.int(0, 2) }, () => rng.pick(FIRST).concat(' ', lastName))];
  return {
    userId: derivedObjectId('user', identifier),
    firstName,
    lastName,
    email: `${firstName}.${lastName}${rng.int(1, 99)}@example.com`.toLowerCase(),
    phone: `555${digits(rng, 7)}`,
    // Area numbers 100-665 avoid the ranges the SSA never issues (000, 666, 900+).
    ssn: `${rng.int(100, 665)}${String(rng.int(1, 99)).padStart(2, '0')}${String(rng.int(1, 9999)).padStart(4, '0')}`,
    dateOfBirth: noon(new Date(Date.UTC(year, month - 1, day))),
    address: `${rng.int(10, 9899)} ${rng.pick(STREETS)}`,
    ...(rng.chance(0.3) ? { address2: `Apt ${rng.int(1, 40)}${rng.pick(['A', 'B', 'C'])}` } : {}),
    city: place.city,
    state: place.state,
    postalCode: `${place.zip}${String(rng.int(1, 99)).padStart(2, '0')}`,
    household,
  };
}
