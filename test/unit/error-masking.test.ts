import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../src/errors/app-error.js';
import { errorPlugin, formatError } from '../../src/graphql/error-masking.js';

/** Runs a tiny schema through Apollo with the gateway's formatError and error plugin. */
async function run(resolver: () => unknown) {
  const logged: unknown[] = [];
  const server = new ApolloServer({
    typeDefs: 'type Query { thing: String, other: String }',
    resolvers: { Query: { thing: resolver, other: () => 'fine' } },
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [errorPlugin as never],
  });
  await server.start();
  const res = await server.executeOperation(
    { query: '{ thing other }' },
    { contextValue: { log: { error: (obj: unknown) => logged.push(obj) } } as never },
  );
  await server.stop();
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return { result: res.body.singleResult, status: res.http.status, logged };
}

describe('GraphQL error masking', () => {
  it('masks an unexpected resolver error, keeps the path, keeps the other fields, and logs the original', async () => {
    const { result, logged } = await run(() => {
      throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    });
    expect(result.data).toEqual({ thing: null, other: 'fine' });
    expect(result.errors).toEqual([
      { message: 'Internal server error', locations: expect.any(Array), path: ['thing'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(logged).toHaveLength(1);
    expect(String((logged[0] as { err: Error }).err.message)).toContain('ECONNREFUSED');
  });

  it('passes expected AppErrors through with their code and extensions, without logging them', async () => {
    const { result, logged } = await run(() => {
      throw new AppError('UPSTREAM_ERROR', 'Plaid rejected the request.', {
        upstream: { provider: 'plaid', status: 400, code: 'INVALID_ACCESS_TOKEN' },
      });
    });
    expect(result.errors?.[0]).toMatchObject({
      message: 'Plaid rejected the request.',
      extensions: { code: 'UPSTREAM_ERROR', upstream: { provider: 'plaid', status: 400, code: 'INVALID_ACCESS_TOKEN' } },
    });
    expect(logged).toHaveLength(0);
  });
});
