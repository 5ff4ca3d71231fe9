import { Products } from 'plaid';

export interface SandboxInstitution {
  institution_id: string;
  name: string;
}

/** Plaid's sandbox test institutions plus a few big banks, by their real sandbox ids. */
export const INSTITUTIONS: readonly SandboxInstitution[] = [
  { institution_id: 'ins_109508', name: 'First Platypus Bank' },
  { institution_id: 'ins_109509', name: 'First Gingham Credit Union' },
  { institution_id: 'ins_109510', name: 'Tattersall Federal Credit Union' },
  { institution_id: 'ins_109511', name: 'Tartan Bank' },
  { institution_id: 'ins_109512', name: 'Houndstooth Bank' },
  { institution_id: 'ins_43', name: 'Chase' },
  { institution_id: 'ins_56', name: 'Chase' },
  { institution_id: 'ins_127989', name: 'Bank of America' },
];

export function findInstitution(institutionId: string): SandboxInstitution | undefined {
  return INSTITUTIONS.find((i) => i.institution_id === institutionId);
}

/**
 * What every emulated institution supports. An Item bills the products it was created with; the
 * rest of this list is its `available_products`, as on Plaid.
 */
export const SUPPORTED_PRODUCTS: readonly Products[] = [
  Products.Assets,
  Products.Auth,
  Products.Balance,
  Products.Identity,
  Products.Investments,
  Products.Liabilities,
  Products.RecurringTransactions,
  Products.Signal,
  Products.Statements,
  Products.Transactions,
  Products.Transfer,
];

/** Products that Plaid refuses as initial products because they come with others (e.g. balance). */
export const NOT_INITIAL_PRODUCTS: readonly Products[] = [Products.Balance, Products.RecurringTransactions];
