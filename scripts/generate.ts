// Regenerates everything under generated/ from openapi/: the bundled spec, the TypeScript types,
// the spec facts the SDK reads at runtime, the JSON types of the interaction's keys (for the stores'
// typed columns), and the ajv-standalone response validators; plus the package's name and version from
// package.json (for the User-Agent).
// `--out DIR` writes elsewhere, which is how check-generated.ts detects drift.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { fastFormats } from 'ajv-formats/dist/formats.js';
import { build } from 'esbuild';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { uuidPattern } from './lib/spec-ajv.ts';
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

// 3. Facts the SDK needs at runtime, per operation (keyed by operationId): method, path, permission,
// parameter schemas, error statuses and the 2xx schema; plus the regional servers. src/ reads these
// instead of retyping a path, a bound or a default.
type Json = Record<string, any>;
const operations: Record<string, Json> = {};
for (const [operationPath, pathItem] of Object.entries(spec.paths as Record<string, Json>)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
    const operation = pathItem[method];
    if (!operation) continue;
    const parameters = Object.fromEntries(
      (operation.parameters ?? []).map((p: Json) => [
        p.name,
        { in: p.in, required: p.required === true, schema: p.schema },
      ]),
    );
    const [successStatus, success] = Object.entries(operation.responses as Record<string, Json>).find(([s]) =>
      s.startsWith('2'),
    )!;
    const successRef: string | undefined = success.content?.['application/json']?.schema?.$ref;
    operations[operation.operationId] = {
      method,
      path: operationPath,
      ...(operation['x-permission'] ? { permission: operation['x-permission'] } : {}),
      authenticated: !(Array.isArray(operation.security) && operation.security.length === 0),
      parameters,
      successStatus: Number(successStatus),
      ...(successRef ? { successSchema: successRef.split('/').pop() } : {}),
      errorStatuses: Object.keys(operation.responses)
        .filter((s) => !s.startsWith('2'))
        .map(Number),
    };
  }
}
const regions = Object.fromEntries(spec.servers.map((s: Json) => [s['x-region'], s.url]));
const facts = { specVersion: spec.info.version, regions, defaultRegion: spec.servers[0]['x-region'], operations };
// Parameters are checked by src/validation/params.ts reading these facts (a few lines, where ajv's code for them
// was 5 kB in every browser bundle). It knows these keywords and formats: anything else in a parameter's
// schema fails here, rather than going unchecked at runtime.
const PARAM_KEYWORDS = new Set(['type', 'format', 'minimum', 'maximum', 'pattern', 'enum', 'default']);
const PARAM_TYPES = new Set(['string', 'integer', 'number', 'boolean']);
const paramFormats: Record<string, RegExp> = { uuid: uuidPattern };
for (const [operationId, op] of Object.entries(operations)) {
  for (const [name, { schema }] of Object.entries(op.parameters as Record<string, { schema: Json }>)) {
    const unknown = Object.keys(schema).filter((k) => !PARAM_KEYWORDS.has(k));
    if (unknown.length || !PARAM_TYPES.has(schema.type) || (schema.format && !paramFormats[schema.format])) {
      throw new Error(
        `${operationId}.${name}: a parameter schema src/validation/params.ts cannot check: ${JSON.stringify(schema)}`,
      );
    }
  }
}
// The client's own view apart, as top-level constants: a bundler keeps or drops a whole constant, never
// one key of an object (nor an object that spreads another), so what a browser bundle of the client
// carries is the regions and, for each operation it calls, its method, path and parameters (one constant
// per operation, named by its operationId); `spec`, whole, serves the contract checks, the testing kit
// and the CLI.
const requests = Object.fromEntries(
  Object.entries(operations).map(([id, { method, path, parameters }]) => [id, { method, path, parameters }]),
);
const json = (value: unknown) => JSON.stringify(value, null, 2);
writeFileSync(
  path.join(outDir, 'spec.ts'),
  `${header}/** The regional servers: region → base URL. */\n` +
    `export const regions = ${json(regions)} as const;\n\n` +
    `/** The region used when none is given: the spec's first server. */\n` +
    `export const defaultRegion = ${JSON.stringify(facts.defaultRegion)};\n\n` +
    Object.entries(requests)
      .map(
        ([id, request]) =>
          `/** What sending \`${id}\` needs: its method, path and parameters. */\n` +
          `export const ${id} = ${json(request)} as const;\n\n`,
      )
      .join('') +
    `/** Each operation's, by operationId. */\n` +
    `export const requests = { ${Object.keys(requests).join(', ')} } as const;\n\n` +
    `/** Facts read from the spec at generate time, so src/ never retypes them. */\n` +
    `export const spec = ${json({ ...facts, regions: '<regions>', defaultRegion: '<defaultRegion>' })
      .replace('"<regions>"', 'regions')
      .replace('"<defaultRegion>"', 'defaultRegion')} as const;\n\n` +
    "/** One parameter's facts, as this file holds them: the generator refuses any other keyword. */\n" +
    'export interface ParamFacts {\n' +
    '  readonly in: string;\n' +
    '  readonly required: boolean;\n' +
    '  readonly schema: {\n' +
    `${[...PARAM_KEYWORDS].map((k) => `    readonly ${k}${k === 'type' ? '' : '?'}: ${({ type: 'string', format: 'string', pattern: 'string', minimum: 'number', maximum: 'number', enum: 'readonly unknown[]', default: 'unknown' } as Record<string, string>)[k]};\n`).join('')}` +
    '  };\n' +
    '}\n\n' +
    "/** How the parameters' `format`s are checked (the same patterns as the response validators'). */\n" +
    `export const paramFormats: Readonly<Record<string, RegExp>> = {\n${Object.entries(paramFormats)
      .map(([name, re]) => `  ${JSON.stringify(name)}: ${re},\n`)
      .join('')}};\n`,
);

// Every operation's method and path template alone, in a file of their own: only the observer
// (`src/http/instrument.ts`, loaded on demand) reads them, so a bundle carries them in its chunk alone.
writeFileSync(
  path.join(outDir, 'routes.ts'),
  `${header}/** Every operation's method and path template alone: what tells a request's route (spans, logs). */\n` +
    `export const routes = ${json(Object.values(operations).map(({ method, path }) => ({ method, path })))} as const;\n`,
);

// 4. Validators, compiled now so that nothing compiles a schema at runtime, in a file each, because
// ajv's standalone code is not tree-shaken out of a bundle (each validator carries top-level statements),
// and a bundler puts a file in one chunk whole:
// - validate-<schema>.js: one per 2xx response schema (`validateInteractionPage`…), each loaded by the SDK
//   with the code that validates with it (a dynamic import() on the first call that validates that
//   answer), so `validate: 'off'` loads none and a page's validation not the record's;
// - validators.js: all of those, re-exported, for what is not bundled (the contract checks, the tests);
// - error-validators.js: the error responses' schemas (`validateErrorBody`), read only by the contract checks.
// The SDK validates every page on the hot path, so formats are checked by shape: ajv-formats' `fast`
// date-time regex (ISO 8601 with a zone) and a bare 8-4-4-4-12 uuid. Both are RegExps, which ajv's
// standalone code inlines, so the output needs nothing from ajv-formats at runtime. The spec tests and
// the contract suite validate independently with the full formats (calendar-correct dates).
const ajv = new Ajv2020({ code: { source: true, esm: true }, allErrors: false, strict: true, strictTypes: false });
ajv.addFormat('uuid', uuidPattern);
ajv.addFormat('date-time', (fastFormats['date-time'] as { validate: RegExp }).validate);
ajv.addFormat('password', true);
ajv.addVocabulary(['x-region', 'x-faker', 'components']);
// Bundled names like `#/components/schemas/Interaction` must resolve inside the one document.
// Annotations are dropped first: they change nothing a validator checks, and would ship as text.
ajv.addSchema({ $id: 'spec', components: { schemas: withoutAnnotations(spec.components.schemas) } }, 'spec');
const refMap: Record<string, string> = {};
const errorRefMap: Record<string, string> = {};
for (const op of Object.values(operations)) {
  if (op.successSchema) refMap[`validate${op.successSchema}`] = `spec#/components/schemas/${op.successSchema}`;
  for (const name of errorSchemas(spec.paths[op.path][op.method]))
    errorRefMap[`validate${name}`] = `spec#/components/schemas/${name}`;
}
// Bundle ajv's tiny runtime helpers (ucs2length, equal…) in, so the package needs no ajv at runtime.
async function writeValidators(file: string, map: Record<string, string>): Promise<void> {
  const bundled = await build({
    stdin: { contents: standalone.default(ajv, map), resolveDir: root, sourcefile: 'validators.mjs', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    mainFields: ['module', 'main'],
  });
  if (/ajv-formats/.test(bundled.outputFiles[0]!.text)) throw new Error(`${file} must not bundle ajv-formats`);
  writeFileSync(path.join(outDir, file), header + bundled.outputFiles[0]!.text);
}
const declare = (map: Record<string, string>) =>
  Object.keys(map).map(
    (name) =>
      `export declare const ${name}: CompiledValidator<components['schemas']['${name.slice('validate'.length)}']>;`,
  );
/** `validateInteractionPage` → `validate-interaction-page` */
const fileOf = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
for (const [name, ref] of Object.entries(refMap)) {
  await writeValidators(`${fileOf(name)}.js`, { [name]: ref });
  writeFileSync(
    path.join(outDir, `${fileOf(name)}.d.ts`),
    `${header}import type { components } from './schema.js';\nimport type { CompiledValidator } from './validators.js';\n\n${declare({ [name]: ref }).join('\n')}\n`,
  );
}
const reExports = Object.keys(refMap)
  .map((name) => `export { ${name} } from './${fileOf(name)}.js';\n`)
  .join('');
writeFileSync(path.join(outDir, 'validators.js'), header + reExports);
await writeValidators('error-validators.js', errorRefMap);
writeFileSync(
  path.join(outDir, 'validators.d.ts'),
  `${header}/** One failed check, as ajv reports it. \`instancePath\` is a JSON pointer into the data. */
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

${reExports}`,
);
writeFileSync(
  path.join(outDir, 'error-validators.d.ts'),
  `${header}import type { components } from './schema.js';
import type { CompiledValidator } from './validators.js';

${declare(errorRefMap).join('\n')}
`,
);
// 5. The package's own name and version, for the User-Agent: read from package.json here, so the SDK
// never reads package.json at runtime (a browser bundle cannot). Drift-checked like the rest.
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
writeFileSync(
  path.join(outDir, 'package.ts'),
  '// Generated from package.json by `npm run generate`. Do not edit.\n' +
    `/** The package's name and version, for the User-Agent. */\n` +
    `export const pkg = ${JSON.stringify({ name: pkg.name, version: pkg.version }, null, 2)} as const;\n`,
);
// 6. The JSON types of the interaction's and the record's keys, for the stores' typed columns
// (src/stores/columns.ts): a column's SQL type follows from these, never from a type retyped by hand. In a
// file of their own, so the SDK core (which reads spec.ts) never carries them.
const FIELD_SCHEMAS = ['Interaction', 'InteractionRecord', 'InteractionRecordDetails'] as const;
const fieldFacts = Object.fromEntries(
  FIELD_SCHEMAS.map((name) => {
    const schema = spec.components.schemas[name] as Json;
    const fields = Object.entries(schema.properties as Record<string, Json>).map(([key, property]) => {
      const types: string[] = property.type === undefined ? [] : [property.type].flat();
      return [key, { types, ...(property.format ? { format: property.format } : {}) }];
    });
    return [name, Object.fromEntries(fields)];
  }),
);
writeFileSync(
  path.join(outDir, 'fields.ts'),
  `${header}/** The JSON types (\`[]\`: any value) and formats of each key of the interaction's schemas, read from the spec. */\n` +
    `export const fields = ${JSON.stringify(fieldFacts, null, 2)} as const;\n`,
);
console.log(
  `generated: ${path.relative(root, outDir) || '.'}/{openapi.yaml,schema.d.ts,spec.ts,routes.ts,fields.ts,validators.js,validators.d.ts,${Object.keys(
    refMap,
  )
    .map((name) => `${fileOf(name)}.{js,d.ts}`)
    .join(',')},error-validators.js,error-validators.d.ts,package.ts}`,
);

/** Names of the component schemas the operation's non-2xx JSON responses refer to. */
function errorSchemas(operation: Json): string[] {
  return Object.entries(operation.responses as Record<string, Json>)
    .filter(([status]) => !status.startsWith('2'))
    .map(([, response]) => response.content?.['application/json']?.schema?.$ref as string | undefined)
    .filter((ref): ref is string => ref?.startsWith('#/components/schemas/') === true)
    .map((ref) => ref.split('/').pop()!);
}

function withoutAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (node === null || typeof node !== 'object') return node;
  const annotations = new Set(['description', 'title', 'example', 'examples', 'x-faker']);
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !annotations.has(key))
      .map(([key, value]) => [
        key,
        key === 'properties' ? mapValues(value, withoutAnnotations) : withoutAnnotations(value),
      ]),
  );
}

function mapValues(obj: object, fn: (v: unknown) => unknown): object {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}
