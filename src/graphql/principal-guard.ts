import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { AppError } from '../errors/app-error.js';
import type { GraphQLContext } from './context.js';

/** Root fields for the ingest secret (server-to-server); a partner key may not use them. */
const INGEST_FIELDS = new Set(['ingestEvent', 'ingestEvents', 'adminUsage']);
/** Root fields either principal may use. */
const SHARED_FIELDS = new Set(['health', '__typename', '__schema', '__type']);

function rootFields(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, out = new Set<string>()): Set<string> {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.add(sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) rootFields(sel.selectionSet, fragments, out);
    else if (fragments[sel.name.value]) rootFields(fragments[sel.name.value]!.selectionSet, fragments, out);
  }
  return out;
}

/**
 * The one place that decides which principal may run which root field: partner keys get the
 * partner API; the ingest secret gets ingestion and the cross-partner adminUsage, nothing else.
 */
/** Thrown before execution, so Apollo takes the status from `extensions.http` (and strips it from the body). */
const forbidden = (message: string) => new AppError('FORBIDDEN', message, { extensions: { http: { status: 403 } } });

export const principalGuardPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, contextValue }) {
        if (!operation) return;
        const fragments = Object.fromEntries(
          document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
        );
        const fields = [...rootFields(operation.selectionSet, fragments)];
        if (contextValue.ingestPrincipal) {
          const denied = fields.filter((f) => !INGEST_FIELDS.has(f) && !SHARED_FIELDS.has(f));
          if (denied.length) throw forbidden(`The ingest secret cannot use ${denied.join(', ')}; use a partner API key.`);
        } else {
          const denied = fields.filter((f) => INGEST_FIELDS.has(f));
          if (denied.length) throw forbidden(`${denied.join(', ')} needs the ingest secret (server-to-server), not a partner key.`);
        }
      },
    };
  },
};
