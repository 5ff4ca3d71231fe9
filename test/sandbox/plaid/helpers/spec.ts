import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';

const SPEC_FILE = fileURLToPath(new URL('../../../fixtures/plaid-openapi-2020-09-14.yml', import.meta.url));
const SPEC_ID = 'https://plaid.test/openapi.json';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Spec {
  paths: Record<string, { post?: Operation }>;
  components: { schemas: Record<string, unknown> };
}

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema; Ajv only accepts it next to `type`. Rewriting
 * every nullable schema as `anyOf: [null, schema]` means the same thing and also works for the
 * spec's `nullable` + `allOf`/`$ref` combinations. Nothing else in the spec is changed.
 */
function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = rewriteNullable(value);
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  if (out.nullable === false) delete out.nullable;
  return out;
}

/** Validates bodies against Plaid's OpenAPI spec (the fixture copy), compiled with Ajv. */
export class PlaidSpec {
  private readonly spec: Spec;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.spec = load(readFileSync(SPEC_FILE, 'utf8')) as Spec;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(this.ajv);
    // OpenAPI's numeric formats only describe the wire width; JSON Schema has nothing to check.
    for (const format of ['double', 'float', 'int32', 'int64']) this.ajv.addFormat(format, true);
    this.ajv.addSchema({ $id: SPEC_ID, components: rewriteNullable(this.spec.components) });
  }

  /** The component schema name the spec gives for `POST path` answering `status` (or its `default`). */
  responseSchemaName(path: string, status: number): string {
    const operation = this.spec.paths[path]?.post;
    if (!operation) throw new Error(`the spec has no POST ${path}`);
    const response = operation.responses[String(status)] ?? operation.responses.default;
    const ref = response?.content?.['application/json']?.schema?.$ref;
    if (!ref) throw new Error(`the spec has no JSON schema for POST ${path} ${status}`);
    return ref.replace('#/components/schemas/', '');
  }

  /** Validation errors of `body` against `components.schemas[name]`; empty when it conforms. */
  errors(name: string, body: unknown): string[] {
    let validate = this.compiled.get(name);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${name}` });
      this.compiled.set(name, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  /** Throws, listing every problem, unless `body` conforms to the spec's response for `path` and `status`. */
  assertResponse(path: string, status: number, body: unknown): void {
    const name = this.responseSchemaName(path, status);
    const problems = this.errors(name, body);
    if (problems.length > 0) {
      throw new Error(`POST ${path} ${status} does not conform to ${name}:\n  ${problems.slice(0, 20).join('\n  ')}`);
    }
  }

  assertSchema(name: string, body: unknown): void {
    const problems = this.errors(name, body);
    if (problems.length > 0) throw new Error(`body does not conform to ${name}:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
}
