import type { FastifyInstance } from 'fastify';
import { searchCompany } from '../catalog/companies.js';
import { searchCompanies } from '../catalog/search.js';
import type { EmulatorContext } from '../context.js';
import { ALL_PRODUCTS } from '../types.js';
import { asBody, oneOf, optionalString, optionalStringArray } from '../validation.js';
import { backendOrTokenCaller } from './auth.js';

const TAGS = ['gig-economy', 'payroll-provider', 'unemployment', 'manual-deposits'] as const;

export async function companyRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  app.post('/company/search', async (request) => {
    backendOrTokenCaller(ctx, request);
    const body = asBody(request.body);
    const product = optionalString(body, 'product');
    const products = optionalStringArray(body, 'products');
    const tags = optionalStringArray(body, 'tags');
    const excludedTags = optionalStringArray(body, 'excludedTags');
    if (product !== undefined) oneOf(product, ALL_PRODUCTS, 'product');
    products?.forEach((p, i) => oneOf(p, ALL_PRODUCTS, `products[${i}]`));
    tags?.forEach((t, i) => oneOf(t, TAGS, `tags[${i}]`));
    excludedTags?.forEach((t, i) => oneOf(t, TAGS, `excludedTags[${i}]`));
    const found = searchCompanies({ query: optionalString(body, 'query'), product, products, tags, excludedTags });
    return { data: found.map(searchCompany) };
  });
}
