// Regenerates everything under generated/ from openapi/: the bundled spec, the TypeScript types,
// the spec facts the SDK reads at runtime, and the ajv-standalone response validators.
// `--out DIR` writes elsewhere, which is how check-generated.ts detects drift.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import standalone from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { createAjv } from './lib/spec-ajv.ts';
import { redocly, root, specEntry } from './lib/tools.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = path.resolve(values.out ?? path.join(root, 'generated'));
mkdirSync(outDir, { recursive: true });
const header = '// Generated from openapi/ by `npm run generate`. Do not edit.\n';

// 1. One self-contained spec for Prism, Redoc, ajv and consumers.
const bundledPath = path.join(outDir, 'openapi.yaml');
redocly(['bundle', specEntry, '-o', bundledPath, '--ext', 'yaml']);
const spec = parse(readFileSync(bundledPath, 'utf8'));

// 2. Types.
const ast = await openapiTS(new URL(`file://${bundledPath}`), { rootTypes: false });
writeFileSync(path.join(outDir, 'schema.d.ts'), header + astToString(ast));

// 3. Facts the SDK needs at runtime: the operation's path, parameter schemas, permission, and the
// regional servers. The spec has one operation; it is found by shape, not by a retyped path.
const [[operationPath, pathItem]] = Object.entries(spec.paths) as [[string, { get: any }]];
const operation = pathItem.get;
const parameters = Object.fromEntries(
  operation.parameters.map((p: { name: string; in: string; required?: boolean; schema: object }) => [
    p.name,
    { in: p.in, required: p.required === true, schema: p.schema },
  ]),
);
const regions = Object.fromEntries(
  spec.servers.map((s: { url: string; 'x-region': string }) => [s['x-region'], s.url]),
);
const facts = {
  operationId: operation.operationId,
  path: operationPath,
  permission: operation['x-permission'],
  parameters,
  regions,
  defaultRegion: spec.servers[0]['x-region'],
  errorStatuses: Object.keys(operation.responses).filter((s) => s !== '200').map(Number),
  specVersion: spec.info.version,
};
writeFileSync(
  path.join(outDir, 'spec.ts'),
  `${header}/** Facts read from the spec at generate time, so src/ never retypes them. */\n` +
    `export const spec = ${JSON.stringify(facts, null, 2)} as const;\n`,
);

// 4. Validators, compiled now so that nothing compiles a schema at runtime.
// The SDK validates every page on the hot path, so formats are checked by shape ('fast': `date-time`
// is ISO 8601 with a zone, a uuid is 8-4-4-4-12 hex), which costs a third of the full checks. The spec
// tests and the contract suite validate independently with the full formats (calendar-correct dates).
const ajv = createAjv({ code: { source: true, esm: true }, allErrors: false, strict: true, strictTypes: false }, 'fast');
ajv.addVocabulary(['x-region', 'x-faker', 'components']);
// Bundled names like `#/components/schemas/Interaction` must resolve inside the one document.
// Annotations are dropped first: they change nothing a validator checks, and would ship as text.
ajv.addSchema({ $id: 'spec', components: { schemas: withoutAnnotations(spec.components.schemas) } }, 'spec');
const queryParams = {
  type: 'object',
  required: Object.entries(parameters).filter(([, p]) => (p as { required: boolean }).required).map(([n]) => n),
  properties: Object.fromEntries(Object.entries(parameters).map(([n, p]) => [n, (p as { schema: object }).schema])),
  additionalProperties: false,
};
ajv.addSchema(queryParams, 'params');
const refMap = {
  validateInteractionPage: 'spec#/components/schemas/InteractionPage',
  validateErrorBody: 'spec#/components/schemas/ErrorBody',
  validateParams: 'params',
};
const source = standalone.default(ajv, refMap);
// Bundle ajv's tiny runtime helpers and format checks in, so the package needs no ajv at runtime.
const bundled = await build({
  stdin: { contents: source, resolveDir: root, sourcefile: 'validators.mjs', loader: 'js' },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  write: false,
  legalComments: 'none',
  mainFields: ['module', 'main'],
});
writeFileSync(path.join(outDir, 'validators.js'), header + bundled.outputFiles[0]!.text);
writeFileSync(
  path.join(outDir, 'validators.d.ts'),
  `${header}import type { components } from './schema.js';

/** One failed check, as ajv reports it. \`instancePath\` is a JSON pointer into the data. */
export interface ValidationIssue {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: a type guard whose last failures are on \`errors\`. */
export interface CompiledValidator<T> {
  (data: unknown): data is T;
  errors?: ValidationIssue[] | null;
}

export declare const validateInteractionPage: CompiledValidator<components['schemas']['InteractionPage']>;
export declare const validateErrorBody: CompiledValidator<components['schemas']['ErrorBody']>;
export declare const validateParams: CompiledValidator<Record<string, unknown>>;
`,
);
console.log(`generated: ${path.relative(root, outDir) || '.'}/{openapi.yaml,schema.d.ts,spec.ts,validators.js,validators.d.ts}`);

function withoutAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (node === null || typeof node !== 'object') return node;
  const annotations = new Set(['description', 'title', 'example', 'examples', 'x-faker']);
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !annotations.has(key))
      .map(([key, value]) => [key, key === 'properties' ? mapValues(value, withoutAnnotations) : withoutAnnotations(value)]),
  );
}

function mapValues(obj: object, fn: (v: unknown) => unknown): object {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}
