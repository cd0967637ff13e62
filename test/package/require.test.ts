// The package as consumers get it: ESM-only, yet `require()` of it works on Node >= 20.19 (require(esm)),
// as the README says. A real CommonJS script loads the built package through its own name (the
// package's self-reference, which resolves `exports` exactly as an installed copy would), and the
// packed file list carries the licence. TypeScript accepts the same require() under `module: nodenext`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/tools.ts';

const name = 'cxengage-interactions';
const entries = [name, `${name}/testing`, `${name}/testing/msw`, `${name}/stores`];

// Loads each entry with require() and with import(), and prints what each exposes.
const script = `'use strict';
const entries = ${JSON.stringify(entries)};
(async () => {
  const out = {};
  for (const entry of entries) {
    const required = require(entry);
    const imported = await import(entry);
    out[entry] = {
      required: Object.keys(required).sort(),
      imported: Object.keys(imported).filter((k) => k !== 'default').sort(),
    };
  }
  out.createInteractionsClient = typeof require(entries[0]).createInteractionsClient;
  process.stdout.write(JSON.stringify(out));
})();
`;

describe('the package from CommonJS', () => {
  let dir: string;

  beforeAll(() => {
    // `npm test` builds before vitest; a lone run of this file builds only when dist/ is missing.
    if (!existsSync(path.join(root, 'dist/src/index.js'))) {
      const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
      execFileSync(process.execPath, [tsx, 'scripts/build.ts'], { cwd: root, stdio: 'ignore' });
    }
    mkdirSync(path.join(root, '.tmp'), { recursive: true });
    dir = mkdtempSync(path.join(root, '.tmp', 'require-'));
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('require() returns the same exports as import, for every entry point', () => {
    const file = path.join(dir, 'check.cjs');
    writeFileSync(file, script);
    const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }));
    expect(out.createInteractionsClient).toBe('function');
    for (const entry of entries) {
      expect(out[entry].required.length).toBeGreaterThan(0);
      expect(out[entry].required).toEqual(out[entry].imported);
    }
  });

  it('type-checks a CommonJS require() of it under module: nodenext', () => {
    const file = path.join(dir, 'check.cts');
    const call = "sdk.createInteractionsClient({ auth: { token: 't' } })";
    writeFileSync(file, `import sdk = require('${name}');\nexport const client = ${call};\n`);
    const options = { module: ts.ModuleKind.NodeNext, strict: true, noEmit: true, skipLibCheck: true, types: [] };
    const diagnostics = ts
      .getPreEmitDiagnostics(ts.createProgram([file], options))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('imports its optional peers only where they are used: msw in testing/msw, @opentelemetry/api never statically', () => {
    const built = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? built(`${dir}/${entry.name}`)
          : entry.name.endsWith('.js')
            ? [`${dir}/${entry.name}`]
            : [],
      );
    const importing = (peer: string) =>
      built('dist/src').filter((file) =>
        new RegExp(`(?:from|import)\\s*['"]${peer}['"/]`).test(readFileSync(path.join(root, file), 'utf8')),
      );
    expect(importing('msw')).toEqual(['dist/src/testing/msw.js']);
    expect(importing('@opentelemetry/api')).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    // Every peer is optional: these two, and the stores' drivers (better-sqlite3, pg).
    expect(pkg.peerDependenciesMeta).toEqual({
      '@opentelemetry/api': { optional: true },
      'better-sqlite3': { optional: true },
      msw: { optional: true },
      pg: { optional: true },
    });
  });

  it('is ESM-only: package.json declares type module and no require condition', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      type: string;
      engines: { node: string };
      exports: Record<string, unknown>;
    };
    expect(pkg.type).toBe('module');
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    expect(JSON.stringify(pkg.exports)).not.toContain('"require"');
  });

  it('packs the licence, the readme and the built entry', () => {
    const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [packed] = JSON.parse(json) as { files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    const expected = [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/src/index.js',
      'dist/src/testing/index.js',
      'dist/src/testing/msw.js',
    ];
    expect(files).toEqual(expect.arrayContaining(expected));
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });
});
