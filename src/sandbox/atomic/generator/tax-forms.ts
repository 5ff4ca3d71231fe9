import { derivedObjectId } from '../ids.js';
import type { Job } from './jobs.js';
import { STATE_TAX } from './jobs.js';
import { paidPeriods, paycheck } from './paychecks.js';
import type { Person } from './people.js';
import { createRng, digits, roundCents } from './rng.js';

export function taxFormId(identifier: string, job: Job, year: number): string {
  return derivedObjectId(identifier, 'tax-form', job.key, String(year));
}

/**
 * W-2s (employees) or 1099s (gig work) for the last two complete years worked. W-2 boxes are the
 * sums of that year's generated paychecks, so they agree with the statements. The employee TIN is
 * the full SSN: the emulator serves what Atomic would, masking is the gateway's job.
 */
export function taxForms(identifier: string, job: Job, person: Person, today: Date): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const lastYear = today.getUTCFullYear() - 1;
  for (let year = lastYear; year >= Math.max(lastYear - 1, job.startDate.getUTCFullYear()); year--) {
    const form = { _id: taxFormId(identifier, job, year), url: '' };
    const yearStart = new Date(Date.UTC(year, 0, 1));
    if (job.kind === 'gig') {
      out.push({ type: '1099', year: yearStart.toISOString(), form });
      continue;
    }
    const checks = paidPeriods(job, yearStart, new Date(Date.UTC(year, 11, 31))).map((p) => paycheck(identifier, job, person.state, p));
    const sum = (pick: (c: (typeof checks)[number]) => number) => roundCents(checks.reduce((s, c) => s + pick(c), 0));
    const deduction = (label: string) => sum((c) => c.deductions.filter((d) => d.label === label).reduce((s, d) => s + d.amount, 0));
    const gross = sum((c) => c.gross);
    const retirement = deduction('401(k)');
    const medical = deduction('Medical');
    const wages = roundCents(gross - retirement - medical);
    const rng = createRng(`atomic-w2:${identifier}:${job.key}:${year}`);
    const stateRate = STATE_TAX[person.state] ?? 0;
    const codes = [
      ...(retirement > 0 ? [{ code: 'D', amount: retirement }] : []),
      ...(medical > 0 ? [{ code: 'DD', amount: roundCents(medical * 3.2) }] : []),
    ];
    out.push({
      type: 'w2',
      year: yearStart.toISOString(),
      totalWages: gross,
      form,
      parsedData: {
        taxYear: year,
        employeeTin: `${person.ssn.slice(0, 3)}-${person.ssn.slice(3, 5)}-${person.ssn.slice(5)}`,
        employerTin: job.employerTin,
        employerNameAddress: {
          name1: job.company.name,
          line1: job.employerAddress.line1,
          ...(job.employerAddress.line2 ? { line2: job.employerAddress.line2 } : {}),
          city: job.employerAddress.city,
          state: job.employerAddress.state,
          postalCode: job.employerAddress.postalCode,
        },
        controlNumber: `${digits(rng, 6)} ${rng.pick(['WY', 'OA', 'KP', 'RT'])}/${rng.pick(['OA7', 'B12', 'C44'])}`,
        employeeName: { first: person.firstName, last: person.lastName },
        employeeAddress: {
          line1: person.address,
          ...(person.address2 ? { line2: person.address2 } : {}),
          city: person.city,
          state: person.state,
          postalCode: person.postalCode,
        },
        wages,
        federalTaxWithheld: deduction('Federal Income Tax'),
        socialSecurityWages: gross,
        socialSecurityTaxWithheld: deduction('Social Security'),
        medicareWages: gross,
        medicareTaxWithheld: deduction('Medicare'),
        socialSecurityTips: 0,
        allocatedTips: 0,
        dependentCareBenefit: 0,
        nonQualifiedPlan: 0,
        codes,
        other: [],
        statutory: false,
        retirementPlan: retirement > 0,
        thirdPartySickPay: false,
        stateTaxWithholding:
          stateRate > 0
            ? [
                {
                  stateTaxWithheld: deduction('State Income Tax'),
                  state: person.state,
                  stateTaxId: `${person.state} ${digits(rng, 3)}-${digits(rng, 9)}`,
                  stateIncome: wages,
                },
              ]
            : [],
        localTaxWithholding: [],
      },
    });
  }
  return out;
}
