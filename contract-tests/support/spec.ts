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
interface OpenApiDocument {
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, MediaType> }> } }>;
  components: { examples: Record<string, { value: unknown }> };
}

export const openApi = parse(readFileSync(bundledSpec, 'utf8')) as OpenApiDocument;
const responses = openApi.paths[spec.operations.listContactInteractions.path]!.get.responses;

const ajv = createAjv({ strict: false, allErrors: true });
ajv.addSchema(openApi as object, 'spec');

/** Status codes the spec declares for the operation. */
export const declaredStatuses = Object.keys(responses).map(Number);

export interface BodyVerdict {
  valid: boolean;
  /** Why not, as `pointer: message` lines. */
  issues: string[];
}

/** Validates a JSON body against the schema the spec declares for this status. */
export function validateBody(status: number, body: unknown): BodyVerdict {
  const ref = responses[String(status)]?.content?.['application/json']?.schema?.$ref;
  if (!ref) return { valid: false, issues: [`status ${status} is not declared by the spec`] };
  const validate = ajv.getSchema(`spec${ref}`);
  if (!validate) throw new Error(`cannot resolve ${ref} in the bundled spec`);
  const valid = validate(body) as boolean;
  return { valid, issues: (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`) };
}

/** The named examples of one declared status, resolved: name → value. */
export function namedExamples(status: number): Record<string, unknown> {
  const examples = responses[String(status)]?.content?.['application/json']?.examples ?? {};
  return Object.fromEntries(
    Object.entries(examples).map(([name, example]) => {
      const ref = example.$ref;
      const value = ref ? openApi.components.examples[ref.split('/').pop()!]!.value : example.value;
      return [name, value];
    }),
  );
}
