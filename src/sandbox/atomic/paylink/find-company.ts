import { matchedCompany } from '../catalog/companies.js';
import { findCompanyFor } from '../catalog/matcher.js';
import { optionalString, requiredString, type Body } from '../validation.js';
import { FIND_COMPANY_BATCH_LIMIT, transactionArray } from './transactions.js';

/**
 * POST /pay-link/financial-transactions/find-company: each transaction comes back with its
 * identifier and description, plus `company` when one is recognised (absent otherwise).
 */
export function findCompanies(body: Body): { data: { financialTransactions: Array<Record<string, unknown>> } } {
  const transactions = transactionArray(body, FIND_COMPANY_BATCH_LIMIT).map((t, i) => ({
    identifier: requiredString(t, 'identifier', `financialTransactions[${i}].identifier`),
    description: requiredString(t, 'description', `financialTransactions[${i}].description`),
    merchantName: optionalString(t, 'merchantName', `financialTransactions[${i}].merchantName`),
  }));
  return {
    data: {
      financialTransactions: transactions.map(({ identifier, description, merchantName }) => {
        const company = findCompanyFor(description, merchantName);
        return { identifier, description, ...(company ? { company: matchedCompany(company) } : {}) };
      }),
    },
  };
}
