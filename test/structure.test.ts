// The house's rooms, read from the import graph of src/ (TypeScript's parser, every file):
// - src/types.ts, the public types, imports nothing from src/;
// - the SDK core (src/*.ts) imports nothing from the CLI, the testing kit or the contract checks;
// - the core is browser-safe: no `node:` module, no Node built-in;
// - the testing kit takes from the core only types, and leaf modules of facts or arithmetic (modules
//   that themselves import nothing from src/ but types): never the client's machinery, so the
//   reference API stays an independent judge of the client it serves;
// - no import cycle anywhere in src/, type-only imports included;
// - every module opens with a header comment saying why it exists;
// - every relative import names the `.js` file Node loads from dist/ (the build skips type-checking
//   inside `npm test`, where the typecheck part checks with `.ts` imports allowed).
// The rules are one pure function over a graph, so each is also shown failing on a graph that breaks it.
import { readdirSync, readFileSync } from 'node:fs';
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
const isCore = (file: string) => /^src\/[^/]+\.ts$/.test(file);
const room = (file: string) => /^src\/(cli|testing|contract)\//.exec(file)?.[1];
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
  /** A core module of facts or arithmetic: what it takes from src/ is only types.ts's types. */
  const isLeaf = (file: string) =>
    isCore(file) &&
    (graph.get(file) ?? []).every(({ to, typeOnly }) => !inSrc(to) || (to === 'src/types.ts' && typeOnly));
  for (const [file, edges] of graph) {
    for (const { to, typeOnly } of edges) {
      if (file === 'src/types.ts' && inSrc(to))
        out.push(`src/types.ts imports ${to}: the public types import nothing from src/`);
      if (isCore(file) && room(to)) out.push(`${file} (core) imports ${to}, of the ${room(to)} room`);
      if (isCore(file) && isNodeModule(to)) out.push(`${file} (core) imports ${to}: the core must stay browser-safe`);
      if (room(file) === 'testing' && isCore(to) && !typeOnly && !isLeaf(to))
        out.push(`${file} (testing kit) imports values from ${to}, which is more than types or a leaf of the core`);
    }
  }
  for (const cycle of cycles(graph)) out.push(`import cycle: ${cycle.join(' → ')}`);
  return out;
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
  });

  it('has no broken rule and no cycle', () => {
    expect(violations(graph)).toEqual([]);
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
        'src/facts.ts': [edge('src/types.ts', true)],
        'src/client.ts': [edge('src/types.ts', true), edge('src/facts.ts'), edge('openapi-fetch')],
        'src/cli/main.ts': [edge('src/client.ts'), edge('node:fs')],
        'src/testing/server.ts': [edge('src/types.ts', true), edge('src/client.ts', true), edge('src/facts.ts')],
        ...extra,
      }),
    );

  it.each<[string, Record<string, Edge[]>, RegExp]>([
    ['types.ts importing from src/', { 'src/types.ts': [edge('src/facts.ts', true)] }, /src\/types\.ts imports/],
    ['the core importing the CLI', { 'src/facts.ts': [edge('src/cli/main.ts', true)] }, /\(core\) imports .*cli room/],
    ['the core importing the kit', { 'src/facts.ts': [edge('src/testing/server.ts')] }, /testing room/],
    ['the core importing the contract checks', { 'src/facts.ts': [edge('src/contract/run.ts')] }, /contract room/],
    ['the core importing node:', { 'src/client.ts': [edge('node:http')] }, /browser-safe/],
    ['the core importing a bare built-in', { 'src/client.ts': [edge('fs')] }, /browser-safe/],
    [
      "the kit importing the client's machinery",
      { 'src/testing/server.ts': [edge('src/client.ts')] },
      /testing kit\) imports values from src\/client\.ts/,
    ],
    [
      'the kit importing a module that only looks like a leaf',
      { 'src/facts.ts': [edge('src/types.ts', true), edge('src/signals.ts', true)] },
      /testing kit\) imports values from src\/facts\.ts/,
    ],
    [
      'a type-only cycle',
      { 'src/facts.ts': [edge('src/client.ts', true)] },
      /import cycle: src\/client\.ts → src\/facts\.ts/,
    ],
    ['a cycle inside a room', { 'src/cli/main.ts': [edge('src/cli/main.ts')] }, /import cycle: src\/cli\/main\.ts/],
  ])('fails on %s', (_name, extra, message) => {
    expect(violations(house({}))).toEqual([]);
    expect(violations(house(extra)).join('\n')).toMatch(message);
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
