// The bundled spec as data, plus an ajv (JSON Schema 2020-12 + formats) validator for every
// response the spec declares, so the suite checks bodies independently of the SDK and of Prism.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { spec } from '../../generated/spec.ts';
import { createAjv } from '../../scripts/lib/spec-ajv.ts';
import { bundledSpec } from '../../scripts/lib/tools.ts';

interface MediaType {
  schema?: { $ref?: string };
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}
type Responses = Record<string, { content?: Record<string, MediaType> }>;
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Responses }>>;
  components: { examples: Record<string, { value: unknown }> };
}

/** An operation of the spec, by its operationId. */
export type OperationId = keyof typeof spec.operations;

export const openApi = parse(readFileSync(bundledSpec, 'utf8')) as OpenApiDocument;
const responsesOf = (operation: OperationId): Responses => {
  const { path, method } = spec.operations[operation];
  return openApi.paths[path]![method]!.responses;
};
const responses = responsesOf('listContactInteractions');

/** The operation a request is for, from its method and the end of its URL's path (any base path before it). */
export function operationOf(method: string, url: string): OperationId | undefined {
  const { pathname } = new URL(url);
  return (Object.keys(spec.operations) as OperationId[]).find((id) => {
    const operation = spec.operations[id];
    const pattern = new RegExp(`${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return operation.method === method.toLowerCase() && pattern.test(pathname);
  });
}

const ajv = createAjv({ strict: false, allErrors: true });
ajv.addSchema(openApi as object, 'spec');

/** Status codes the spec declares for the operation. */
export const declaredStatuses = Object.keys(responses).map(Number);

export interface BodyVerdict {
  valid: boolean;
  /** Why not, as `pointer: message` lines. */
  issues: string[];
}

/** Validates a JSON body against the schema the spec declares for this status (of the history route by default). */
export function validateBody(
  status: number,
  body: unknown,
  operation: OperationId = 'listContactInteractions',
): BodyVerdict {
  const ref = responsesOf(operation)[String(status)]?.content?.['application/json']?.schema?.$ref;
  if (!ref) return { valid: false, issues: [`status ${status} is not declared by the spec for ${operation}`] };
  const validate = ajv.getSchema(`spec${ref}`);
  if (!validate) throw new Error(`cannot resolve ${ref} in the bundled spec`);
  const valid = validate(body) as boolean;
  return { valid, issues: (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`) };
}

/** The named examples of one declared status (of the history route by default), resolved: name → value. */
export function namedExamples(
  status: number,
  operation: OperationId = 'listContactInteractions',
): Record<string, unknown> {
  const examples = responsesOf(operation)[String(status)]?.content?.['application/json']?.examples ?? {};
  return Object.fromEntries(
    Object.entries(examples).map(([name, example]) => {
      const ref = example.$ref;
      const value = ref ? openApi.components.examples[ref.split('/').pop()!]!.value : example.value;
      return [name, value];
    }),
  );
}
