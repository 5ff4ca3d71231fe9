import { companyByName, type CatalogCompany } from '../catalog/companies.js';
import { derivedObjectId } from '../ids.js';
import { PLACES } from './people.js';
import { createRng, digits, roundCents } from './rng.js';

export type PayCycle = 'weekly' | 'biweekly' | 'semimonthly';

/** One source of pay: a salaried or hourly job, or gig work. Everything else is derived from it. */
export interface Job {
  key: string;
  company: CatalogCompany;
  kind: 'salaried' | 'hourly' | 'gig';
  jobTitle: string;
  employeeType: 'fulltime' | 'parttime' | 'contractor';
  startDate: Date;
  weeklyHours: number;
  /** Yearly salary (salaried) or hourly rate (hourly, gig average). */
  annualSalary?: number;
  hourlyRate: number;
  payCycle: PayCycle;
  /** Offset in weeks of the biweekly schedule (0 or 1). */
  biweeklyPhase: number;
  retirementPct: number;
  medicalPerCheck: number;
  quarterlyBonus: boolean;
  employerAddress: { line1: string; line2?: string; city: string; state: string; postalCode: string; country: string };
  employerTin: string;
  linkedAccountId: string;
  verifyTaskId: string;
  depositTaskId?: string;
}

const SALARIED = ['Acme Corp', 'Globex', 'Initech', 'Hooli'];
const HOURLY = ['Walmart', 'Starbucks', 'The Home Depot'];
const GIG = ['Uber', 'Instacart'];
const SALARIED_TITLES = ['Product Manager', 'Software Engineer', 'Account Executive', 'Financial Analyst', 'Operations Manager', 'Data Analyst'];
const HOURLY_TITLES = ['Sales Associate', 'Barista', 'Shift Supervisor', 'Stock Associate', 'Cashier'];

/** The user's main job (everyone has one) and, for about a quarter of users, gig work on the side. */
export function generateJobs(identifier: string): Job[] {
  const rng = createRng(`atomic-jobs:${identifier}`);
  const jobs: Job[] = [];
  const salaried = rng.chance(0.6);
  const company = companyByName(rng.pick(salaried ? SALARIED : HOURLY));
  const place = rng.pick(PLACES);
  const base = {
    company,
    startDate: new Date(Date.UTC(rng.int(2012, 2023), rng.int(0, 11), rng.int(1, 28))),
    biweeklyPhase: rng.int(0, 1),
    employerAddress: {
      line1: `${rng.int(100, 9999)} ${rng.pick(['Enterprise Rd', 'Commerce Pkwy', 'Corporate Dr', 'Market St'])}`,
      ...(rng.chance(0.5) ? { line2: `Suite ${rng.int(100, 900)}` } : {}),
      city: place.city,
      state: place.state,
      postalCode: `${place.zip}${String(rng.int(1, 99)).padStart(2, '0')}`,
      country: 'USA',
    },
    employerTin: `${digits(rng, 2)}-${digits(rng, 7)}`,
    linkedAccountId: derivedObjectId(identifier, 'linked-account', company.name),
    verifyTaskId: derivedObjectId(identifier, 'verify-task', company.name),
    depositTaskId: derivedObjectId(identifier, 'deposit-task', company.name),
  };
  if (salaried) {
    const annual = rng.int(52, 145) * 1000;
    jobs.push({
      ...base,
      key: 'main',
      kind: 'salaried',
      jobTitle: rng.pick(SALARIED_TITLES),
      employeeType: 'fulltime',
      weeklyHours: 40,
      annualSalary: annual,
      hourlyRate: roundCents(annual / 2080),
      payCycle: rng.chance(0.6) ? 'biweekly' : 'semimonthly',
      retirementPct: rng.pick([0, 0.03, 0.05, 0.06]),
      medicalPerCheck: rng.pick([0, 48.5, 96.25, 142]),
      quarterlyBonus: rng.chance(0.3),
    });
  } else {
    const weeklyHours = rng.int(24, 40);
    jobs.push({
      ...base,
      key: 'main',
      kind: 'hourly',
      jobTitle: rng.pick(HOURLY_TITLES),
      employeeType: weeklyHours >= 32 ? 'fulltime' : 'parttime',
      weeklyHours,
      hourlyRate: rng.money(15.5, 26),
      payCycle: rng.chance(0.5) ? 'weekly' : 'biweekly',
      retirementPct: rng.pick([0, 0, 0.03]),
      medicalPerCheck: rng.pick([0, 31.75]),
      quarterlyBonus: false,
    });
  }
  if (rng.chance(0.25)) {
    const gig = companyByName(rng.pick(GIG));
    jobs.push({
      ...base,
      company: gig,
      key: 'gig',
      kind: 'gig',
      jobTitle: gig.name === 'Uber' ? 'Driver' : 'Shopper',
      employeeType: 'contractor',
      startDate: new Date(Date.UTC(rng.int(2019, 2024), rng.int(0, 11), rng.int(1, 28))),
      weeklyHours: rng.int(6, 15),
      hourlyRate: rng.money(17, 27),
      payCycle: 'weekly',
      retirementPct: 0,
      medicalPerCheck: 0,
      quarterlyBonus: false,
      linkedAccountId: derivedObjectId(identifier, 'linked-account', gig.name),
      verifyTaskId: derivedObjectId(identifier, 'verify-task', gig.name),
      depositTaskId: undefined,
    });
  }
  return jobs;
}

/** State income tax rates (flat approximations) for the places generated users live in. */
export const STATE_TAX: Record<string, number> = { UT: 0.0465, TX: 0, OH: 0.0275, CA: 0.05, FL: 0, WA: 0, CO: 0.044, NY: 0.055 };
