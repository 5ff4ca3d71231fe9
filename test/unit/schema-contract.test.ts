import { describe, expect, it } from '@jest/globals';
import type { GraphQLEnumType} from 'graphql';
import { buildASTSchema, parse } from 'graphql';
import { ERROR_CODES } from '../../src/errors/error-codes.js';
import { mergeResolvers } from '../../src/graphql/resolvers.js';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';

describe('schema contract', () => {
  const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));

  it('lists exactly the error codes the server emits in enum ErrorCode', () => {
    const enumType = schema.getType('ErrorCode') as GraphQLEnumType;
    expect(enumType.getValues().map((v) => v.name).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('has a resolver for every root field', () => {
    const resolvers = mergeResolvers() as Record<string, Record<string, unknown>>;
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      if (!root) continue;
      for (const field of Object.keys(root.getFields())) {
        expect({ field: `${root.name}.${field}`, resolved: typeof resolvers[root.name]?.[field] }).toEqual({
          field: `${root.name}.${field}`,
          resolved: 'function',
        });
      }
    }
  });

  it('refuses two modules resolving the same field', () => {
    expect(() => mergeResolvers([{ Query: { viewer: () => null } } as never, { Query: { viewer: () => null } } as never])).toThrow(
      /Query.viewer is defined twice/,
    );
  });
});
