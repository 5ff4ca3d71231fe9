import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { QUERY_LIMITS } from '../../src/graphql/query-limits.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

/**
 * One request within the rate limit must not be able to ask for unbounded work: documents over
 * the alias, depth or token limits are refused with 400 BAD_USER_INPUT before anything runs.
 */
describe('GraphQL query limits', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('sqlite');
  });
  afterAll(() => gw.stop());

  const refused = async (query: string, pattern: RegExp) => {
    const res = await gw.graphql(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0]).toMatchObject({ message: expect.stringMatching(pattern), extensions: { code: 'BAD_USER_INPUT' } });
  };

  it(`allows ${QUERY_LIMITS.maxAliases} aliases and refuses one more (the amplification behind "500 × transactions(first: 500)")`, async () => {
    const ok = await gw.graphql(`{ ${aliases(QUERY_LIMITS.maxAliases, 'viewer { id }')} }`);
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body.data)).toHaveLength(QUERY_LIMITS.maxAliases);
    await refused(`{ ${aliases(QUERY_LIMITS.maxAliases + 1, 'viewer { id }')} }`, /aliases/i);
    await refused(`{ ${aliases(500, 'user(id: "u") { transactions(first: 500) { edges { node { name amount } } } }')} }`, /aliases|token/i);
  });

  it('refuses a document nested deeper than the limit (Bill.account.bills… cycles)', async () => {
    let selection = 'id';
    for (let i = 0; i < 6; i++) selection = `bills { account { ${selection} } }`;
    await refused(`{ user(id: "u") { paylinkAccounts { ${selection} } } }`, /depth/i);
  });

  it('refuses a document over the token limit', async () => {
    await refused(`{ viewer { ${Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'id').join(' ')} } }`, /token/i);
  });

  it('still answers GraphiQL’s introspection query, and ordinary README queries', async () => {
    const introspection = await gw.graphql(getIntrospectionQuery());
    expect(introspection.status).toBe(200);
    expect(introspection.body.data.__schema.queryType.name).toBe('Query');
    const readme = await gw.graphql(`{ user(id: "usr_8M2nQ") {
      accounts { name mask type subtype currentBalance availableBalance institution { name } }
      transactions(first: 20) { edges { node { date name merchantName amount pending personalFinanceCategoryPrimary account { institution { name } } } } pageInfo { hasNextPage endCursor } } } }`);
    expect(readme.body.errors).toBeUndefined();
  });
});
