/**
 * Limits on the shape of a GraphQL document, checked before anything runs (GraphQL Armor).
 * Without them one small request within the rate limit could ask for the same expensive field
 * hundreds of times under aliases (500 × 500 transactions took 30 s, 2,000 × took the gateway
 * down), so the per-key rate limit alone does not protect other partners.
 *
 * The values leave room for every query in the README and the tests; GraphiQL's introspection
 * query is exempt from the depth limit. Together with the page-size caps (`first` ≤ 500) they bound
 * what one document can ask for: at most 15 copies of a field, 12 levels, 2,000 tokens.
 *
 * Armor's cost limit is not used: its estimate grows 1.5× per level of nesting, so it put a
 * three-field query (`user { accounts { accountId } transactions(first: 500) { edges { cursor } } }`)
 * at 5,445 against its default limit of 5,000 while ignoring `first`, the one argument that
 * actually decides the cost here.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';
import type { ValidationRule } from 'graphql';

export const QUERY_LIMITS = {
  /** Aliased fields per document: the amplification the audit used. */
  maxAliases: 15,
  /** Nesting depth (`user { transactions { edges { node { account { institution { name } } } } } }` is 7). */
  maxDepth: 12,
  /** Lexical tokens per document (caps parse time and document size together). */
  maxTokens: 2000,
  maxDirectives: 50,
} as const;

function armorConfig(hideSuggestions: boolean): GraphQLArmorConfig {
  return {
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { enabled: false },
    // graphql-js's own parser counts tokens (parseOptions below): Armor's Apollo plugin for this
    // throws from a plugin hook, which Apollo answers with 500 instead of 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // "Did you mean …?" helps people exploring the sandbox; a live gateway does not volunteer field names.
    blockFieldSuggestion: { enabled: hideSuggestions },
  };
}

/** Apollo Server options (plugins, validation rules, parse options) enforcing QUERY_LIMITS. */
export function apolloQueryLimits<C extends BaseContext>(opts: { hideSuggestions: boolean }): {
  plugins: ApolloServerPlugin<C>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const { plugins, validationRules } = new ApolloArmor(armorConfig(opts.hideSuggestions)).protect();
  // Armor's declarations name @apollo/server's CommonJS types, this project its ESM ones: the same
  // classes, which TypeScript cannot tell, hence the cast.
  return { plugins: plugins as unknown as ApolloServerPlugin<C>[], validationRules, parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}

/** The same limits for the WebSocket (subscriptions) path, which parses (maxTokens) and validates documents itself. */
export function subscriptionValidationRules(): ValidationRule[] {
  return new ApolloArmor(armorConfig(true)).protect().validationRules;
}
