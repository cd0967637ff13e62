// The rooms of src/, read from the import graph (TypeScript's parser, every file) and the tree itself:
// - src/ is folders by concern; its root holds only the public entry point (index.ts), the error base
//   with the errors a request's own path throws (errors.ts) and the spec's data shapes (types.ts);
// - every folder opens with a README.md saying what it owns, and every module with a header comment
//   saying why it exists;
// - which folder may import which is one table (MAY_IMPORT, below): the core flows one way, from the
//   client and the jobs down to the request pipeline and the leaf helpers of common/; contract/ uses the
//   pipeline and never client/; the testing kit takes only common/'s leaf helpers and the spec's data
//   shapes (types only), so the reference API stays an independent judge of the client it serves;
// - the core (the root and every folder but cli/, contract/, testing/, files/, stores/) is browser-safe: no Node built-in;
// - no import cycle anywhere in src/, type-only imports included;
// - every relative import names the `.js` file Node loads from dist/ (the build skips type-checking
//   inside `npm test`, where the typecheck part checks with `.ts` imports allowed).
// The rules are pure functions over a graph and a tree, so each is also shown failing on one that breaks it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from '../scripts/lib/tools.ts';

/** One import or re-export: from a file to a specifier (resolved to a repo path when relative). */
interface Edge {
  to: string;
  typeOnly: boolean;
}
type Graph = ReadonlyMap<string, readonly Edge[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path.posix.join(path.posix.dirname(from), specifier).replace(/\.js$/, '.ts');
}

/** Every static import and re-export, `import()` call and `import('…')` type of one file. */
function edgesOf(file: string, text: string): Edge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const add = (specifier: ts.Node | undefined, typeOnly: boolean) => {
    if (specifier && ts.isStringLiteral(specifier)) edges.push({ to: resolve(file, specifier.text), typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const everyNameTypeOnly =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, clause?.isTypeOnly === true || everyNameTypeOnly);
    } else if (ts.isExportDeclaration(node)) {
      const names = node.exportClause;
      const everyNameTypeOnly =
        names !== undefined && ts.isNamedExports(names) && names.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || everyNameTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** How many words the comment(s) a file opens with hold (after a `#!` line); 0 when it opens with code. */
function headerWords(text: string): number {
  const comments = ts.getLeadingCommentRanges(text, 0) ?? []; // (TypeScript passes over a `#!` line itself)
  const words = comments.map(({ pos, end }) => text.slice(pos, end).replace(/^\s*(?:\/\*\*?|\*\/?|\/\/)/gm, ''));
  return words.join(' ').split(/\s+/).filter(Boolean).length;
}

/** Every file of src/ and its text, read once for all the checks. */
function readSources(): ReadonlyMap<string, string> {
  return new Map(sourceFiles('src').map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
}

function graphOf(sources: ReadonlyMap<string, string>): Graph {
  return new Map([...sources].map(([file, text]) => [file, edgesOf(file, text)]));
}

const inSrc = (file: string) => file.startsWith('src/');

/** The files the root of src/ may hold: the public entry point, the error base, the spec's data shapes. */
const ROOT_FILES = ['src/index.ts', 'src/errors.ts', 'src/types.ts'];

/** A file's room: its top folder under src/, or for a root file its own name (`index`, `errors`, `types`). */
function room(file: string): string | undefined {
  const match = /^src\/(?:([^/]+)\/.+|([^/]+)\.ts)$/.exec(file);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The rooms that make up the SDK core, shipped as `cxengage-interactions` and bundled into browsers. */
const CORE = ['index', 'errors', 'types', 'client', 'http', 'auth', 'paging', 'validation', 'jobs', 'common'];

/**
 * Which rooms each room may import from (besides itself); `type:` marks a room it may take types from
 * only. A room not listed may import nothing from src/.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  types: [],
  common: ['type:types'],
  errors: ['common'],
  http: ['errors', 'types', 'common', 'auth', 'validation'],
  auth: ['errors', 'types', 'common', 'http', 'validation'],
  validation: ['errors', 'types', 'common', 'http', 'paging', 'type:client'],
  paging: ['errors', 'types', 'common', 'http', 'validation'],
  client: ['errors', 'types', 'common', 'http', 'auth', 'validation', 'paging'],
  jobs: ['errors', 'types', 'common', 'http', 'validation', 'paging', 'client'],
  index: ['errors', 'types', 'common', 'http', 'auth', 'validation', 'paging', 'client', 'jobs'],
  // The request pipeline (http/) and the checks of the spec's facts, never the client or the jobs.
  contract: ['errors', 'types', 'common', 'http', 'validation'],
  // Node only: the files a command writes (locks, path checks), over the leaf helpers.
  files: ['common'],
  // Node only: the stores a sync writes into (files, drivers), over the jobs; the client's types only.
  stores: ['errors', 'types', 'common', 'files', 'jobs', 'type:client'],
  cli: [
    'index',
    'errors',
    'types',
    'common',
    'http',
    'auth',
    'validation',
    'client',
    'jobs',
    'contract',
    'files',
    'stores',
  ],
  // Leaf helpers and the spec's data shapes: never the client's machinery.
  testing: ['common', 'type:types'],
};

function mayImport(from: string, to: string, typeOnly: boolean): boolean {
  const allowed = MAY_IMPORT[from] ?? [];
  return allowed.includes(to) || (typeOnly && allowed.includes(`type:${to}`));
}

const nodeBuiltins = new Set(builtinModules);
const isNodeModule = (specifier: string) => specifier.startsWith('node:') || nodeBuiltins.has(specifier.split('/')[0]!);

/** Import cycles (strongly connected components of more than one file, or a file importing itself). */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const { to } of graph.get(file) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        connect(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.some(({ to }) => to === file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  return found;
}

/** Every broken rule of the rooms, one line each; empty when the house is in order. */
function violations(graph: Graph): string[] {
  const out: string[] = [];
  for (const [file, edges] of graph) {
    const from = room(file)!;
    if (/^src\/[^/]+\.ts$/.test(file) && !ROOT_FILES.includes(file))
      out.push(`${file} sits at the root of src/, which holds only ${ROOT_FILES.join(', ')}: give it a folder`);
    for (const { to, typeOnly } of edges) {
      const into = inSrc(to) ? room(to) : undefined;
      if (into !== undefined && into !== from && !mayImport(from, into, typeOnly))
        out.push(`${file} (${from}) imports ${typeOnly ? 'types from ' : ''}${to}, of ${into}: ${from} may not`);
      if (CORE.includes(from) && isNodeModule(to))
        out.push(`${file} (core) imports ${to}: the core must stay browser-safe`);
    }
  }
  for (const cycle of cycles(graph)) out.push(`import cycle: ${cycle.join(' → ')}`);
  return out;
}

/** The first paragraph of a folder's README.md (what the folder owns), or undefined when it has none. */
function ownership(dir: string): string | undefined {
  const readme = path.join(root, dir, 'README.md');
  if (!existsSync(readme)) return undefined;
  return readFileSync(readme, 'utf8')
    .replace(/^#.*\n+/, '')
    .split(/\n\s*\n/)[0]!
    .trim();
}

function folders(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => [`${dir}/${entry.name}`, ...folders(`${dir}/${entry.name}`)]);
}

describe('the rooms of src/ and their imports', () => {
  const sources = readSources();
  const graph = graphOf(sources);

  it('reads the whole graph (every file of src/, and the imports between them)', () => {
    expect(graph.size).toBeGreaterThan(40);
    const internal = [...graph.values()].flat().filter(({ to }) => graph.has(to));
    expect(internal.length).toBeGreaterThan(graph.size);
    for (const { to } of internal) expect(graph.has(to)).toBe(true);
    expect(graph.get('src/index.ts')!.length).toBeGreaterThan(3);
    expect(new Set([...graph.keys()].map(room))).toEqual(
      new Set([...CORE, 'cli', 'contract', 'testing', 'files', 'stores']),
    );
  });

  it('has no broken rule and no cycle', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('the root of src/ holds at most 5 files: the entry point, the error catalogue and the spec data shapes', () => {
    const rootFiles = readdirSync(path.join(root, 'src')).filter((name) => !name.includes('/') && name.includes('.'));
    expect(rootFiles.length).toBeLessThanOrEqual(5);
    expect(rootFiles.map((name) => `src/${name}`).sort()).toEqual([...ROOT_FILES].sort());
  });

  it('every folder of src/ opens with a README.md saying what it owns (a sentence at least)', () => {
    const dirs = folders('src');
    expect(dirs).toContain('src/http');
    const silent = dirs.filter((dir) => (ownership(dir)?.split(/\s+/).length ?? 0) < 8);
    expect(silent).toEqual([]);
  });

  it('every module opens with a header comment (a sentence at least)', () => {
    const bare = [...graph.keys()].filter((file) => headerWords(sources.get(file)!) < 8);
    expect(bare).toEqual([]);
    expect(headerWords("import { a } from './a.js';\n// a comment after the code\n")).toBe(0);
    expect(headerWords('#!/usr/bin/env node\n/**\n * Why this module exists, in a sentence.\n */\n')).toBe(7);
  });

  it('every relative import names the .js file that dist/ will hold', () => {
    const badImports = (text: string) =>
      ts
        .preProcessFile(text, true, true)
        .importedFiles.map(({ fileName }) => fileName)
        .filter((specifier) => specifier.startsWith('.') && !specifier.endsWith('.js'));
    const offenders = [...graph.keys()].flatMap((file) =>
      badImports(sources.get(file)!).map((specifier) => `${file}: ${specifier}`),
    );
    expect(offenders).toEqual([]);
    expect(badImports("import { a } from './a.ts';\nconst b = await import('./b');\nimport c from './c.js';")).toEqual([
      './a.ts',
      './b',
    ]);
  });

  // Each rule, broken on purpose in a small graph: the check must name it.
  const edge = (to: string, typeOnly = false): Edge => ({ to, typeOnly });
  const house = (extra: Record<string, Edge[]>): Graph =>
    new Map(
      Object.entries({
        'src/types.ts': [edge('../generated/schema.ts', true)],
        'src/errors.ts': [edge('src/common/snippet.ts')],
        'src/common/snippet.ts': [],
        'src/common/fields.ts': [edge('src/types.ts', true)],
        'src/http/pipeline.ts': [edge('src/errors.ts'), edge('src/auth/credentials.ts')],
        'src/auth/credentials.ts': [edge('src/errors.ts')],
        'src/client/client.ts': [edge('src/types.ts', true), edge('src/http/pipeline.ts'), edge('openapi-fetch')],
        'src/index.ts': [edge('src/client/client.ts'), edge('src/errors.ts')],
        'src/contract/runner.ts': [edge('src/http/pipeline.ts'), edge('src/types.ts', true)],
        'src/cli/main.ts': [edge('src/client/client.ts'), edge('src/contract/runner.ts'), edge('node:fs')],
        'src/testing/server.ts': [edge('src/types.ts', true), edge('src/common/fields.ts'), edge('node:http')],
        ...extra,
      }),
    );

  it.each<[string, Record<string, Edge[]>, RegExp]>([
    ['a module at the root', { 'src/helpers.ts': [] }, /src\/helpers\.ts sits at the root/],
    ['types.ts importing from src/', { 'src/types.ts': [edge('src/common/fields.ts', true)] }, /\(types\) imports/],
    ['a leaf helper importing the pipeline', { 'src/common/fields.ts': [edge('src/http/pipeline.ts')] }, /\(common\)/],
    [
      'the core importing the CLI',
      { 'src/client/client.ts': [edge('src/cli/main.ts', true)] },
      /of cli: client may not/,
    ],
    ['the core importing the kit', { 'src/http/pipeline.ts': [edge('src/testing/server.ts')] }, /of testing/],
    [
      'the core importing the contract checks',
      { 'src/client/client.ts': [edge('src/contract/runner.ts')] },
      /of contract/,
    ],
    ['the pipeline importing the client', { 'src/http/pipeline.ts': [edge('src/client/client.ts')] }, /http may not/],
    [
      'contract/ importing client/',
      { 'src/contract/runner.ts': [edge('src/client/client.ts')] },
      /of client: contract/,
    ],
    [
      'contract/ importing client/ types',
      { 'src/contract/runner.ts': [edge('src/client/types.ts', true)] },
      /contract may not/,
    ],
    ['the core importing node:', { 'src/client/client.ts': [edge('node:http')] }, /browser-safe/],
    ['the core importing a bare built-in', { 'src/common/fields.ts': [edge('fs')] }, /browser-safe/],
    [
      "the kit importing the client's machinery",
      { 'src/testing/server.ts': [edge('src/client/client.ts', true)] },
      /\(testing\) imports types from src\/client/,
    ],
    [
      'the kit importing values from types.ts',
      { 'src/testing/server.ts': [edge('src/types.ts')] },
      /\(testing\) imports src\/types\.ts/,
    ],
    ['the kit importing the pipeline', { 'src/testing/server.ts': [edge('src/http/pipeline.ts')] }, /testing may not/],
    [
      'the core importing the stores',
      { 'src/jobs/export.ts': [edge('src/stores/sqlite.ts')] },
      /of stores: jobs may not/,
    ],
    [
      'the stores importing the client',
      { 'src/stores/sync.ts': [edge('src/client/client.ts')] },
      /of client: stores may not/,
    ],
    [
      'a type-only cycle',
      { 'src/auth/credentials.ts': [edge('src/http/pipeline.ts', true)] },
      /import cycle: src\/auth\/credentials\.ts → src\/http\/pipeline\.ts/,
    ],
    ['a cycle inside a room', { 'src/cli/main.ts': [edge('src/cli/main.ts')] }, /import cycle: src\/cli\/main\.ts/],
  ])('fails on %s', (_name, extra, message) => {
    expect(violations(house({}))).toEqual([]);
    expect(violations(house(extra)).join('\n')).toMatch(message);
  });

  it('names the room of a file', () => {
    expect(room('src/index.ts')).toBe('index');
    expect(room('src/http/pipeline.ts')).toBe('http');
    expect(room('src/cli/commands/export/output.ts')).toBe('cli');
    expect(room('generated/spec.ts')).toBeUndefined();
  });

  it('tells type-only imports from value imports', () => {
    const edges = edgesOf(
      'src/testing/x.ts',
      [
        "import type { A } from '../types.js';",
        "import { type B, type C } from '../client.js';",
        "import { type D, e } from '../options.js';",
        "export type { F } from './f.js';",
        "export { g } from './g.js';",
        "const h = await import('node:fs');",
        "let i: import('../retry.js').I;",
      ].join('\n'),
    );
    expect(edges).toEqual([
      { to: 'src/types.ts', typeOnly: true },
      { to: 'src/client.ts', typeOnly: true },
      { to: 'src/options.ts', typeOnly: false },
      { to: 'src/testing/f.ts', typeOnly: true },
      { to: 'src/testing/g.ts', typeOnly: false },
      { to: 'node:fs', typeOnly: false },
      { to: 'src/retry.ts', typeOnly: true },
    ]);
  });
});
