// Every operation's TypeScript sample in the docs is compiled against the real SDK, so the page cannot
// drift from it. Deliberately broken copies must fail, proving the check can fail.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledSpec, root } from '../../scripts/lib/tools.ts';

interface CodeSample {
  lang: string;
  label?: string;
  source: string;
}

const packageName = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string }).name;
const document = parse(readFileSync(bundledSpec, 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; 'x-codeSamples'?: CodeSample[] }>>;
};
/** Every operation of the spec: its id and its code samples. */
const operations = Object.values(document.paths).flatMap((item) =>
  Object.values(item).map((op) => ({ id: op.operationId, samples: op['x-codeSamples'] ?? [] })),
);
const samples = operations.find((op) => op.id === 'listContactInteractions')!.samples;

function sample(lang: string, of: readonly CodeSample[] = samples): string {
  const found = of.find((s) => s.lang === lang);
  if (!found) throw new Error(`no ${lang} sample in x-codeSamples`);
  return found.source;
}

/** The sample with its first SDK call misspelt: `client.getInteraction(` → `client.getInteractionTypo(`. */
function misspelt(source: string): string {
  const broken = source.replace(/client\.(\w+)\(/, 'client.$1Typo(');
  if (broken === source) throw new Error('the sample calls no client method');
  return broken;
}

/** Points the sample's package import at the project's source entry instead. */
function againstSource(source: string, dir: string): string {
  const entry = path.relative(dir, path.join(root, 'src/index.ts')).split(path.sep).join('/');
  const rewritten = source.replaceAll(`from '${packageName}'`, `from '${entry}'`);
  if (rewritten === source) throw new Error(`the sample does not import from '${packageName}'`);
  return rewritten;
}

/** Type-checks the files with the project's compiler options; returns each file's diagnostics. */
function typeCheck(files: string[]): Map<string, string[]> {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const format = (d: ts.Diagnostic) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  return new Map(
    files.map((file) => {
      const sf = program.getSourceFile(file);
      if (!sf) return [file, ['file not in program']];
      return [file, [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map(format)];
    }),
  );
}

describe('x-codeSamples', () => {
  // Inside the project (git-ignored .tmp/) so the package's "type": "module" and @types/node apply.
  let dir: string;
  let results: Map<string, string[]>;
  const files: Record<'good' | 'wrongMethod' | 'wrongRegion' | 'wrongLimit', string> = {
    good: '',
    wrongMethod: '',
    wrongRegion: '',
    wrongLimit: '',
  };
  /** Per operation: its TypeScript sample as written, and with its first SDK call misspelt. */
  const perOperation = new Map<string, { good: string; misspelt: string }>();

  beforeAll(() => {
    mkdirSync(path.join(root, '.tmp'), { recursive: true });
    dir = mkdtempSync(path.join(root, '.tmp', 'code-samples-'));
    const good = againstSource(sample('TypeScript'), dir);
    const variants = {
      good,
      wrongMethod: good.replace('client.listInteractions(', 'client.listInteraction('),
      wrongRegion: good.replace("region: 'us-east-1'", "region: 'ap-south-1'"),
      wrongLimit: good.replace('limit: 10,', "limit: '10',"),
    };
    for (const [name, source] of Object.entries(variants)) {
      if (name !== 'good' && source === good) throw new Error(`the ${name} variant did not change the sample`);
      files[name as keyof typeof files] = path.join(dir, `${name}.ts`);
      writeFileSync(files[name as keyof typeof files], source);
    }
    for (const { id, samples: of } of operations) {
      const source = againstSource(sample('TypeScript', of), dir);
      const pair = { good: path.join(dir, `${id}.ts`), misspelt: path.join(dir, `${id}-misspelt.ts`) };
      writeFileSync(pair.good, source);
      writeFileSync(pair.misspelt, misspelt(source));
      perOperation.set(id, pair);
    }
    results = typeCheck([...Object.values(files), ...[...perOperation.values()].flatMap((p) => [p.good, p.misspelt])]);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('offers curl and the TypeScript SDK', () => {
    expect(samples.map((s) => s.lang)).toEqual(expect.arrayContaining(['Shell', 'TypeScript']));
    expect(sample('Shell')).toContain('-u "$CXENGAGE_API_KEY:$CXENGAGE_API_SECRET"');
    expect(sample('Shell')).toContain('Authorization: Token $CXENGAGE_TOKEN');
  });

  it('the curl sample uses a documented server and the operation path', () => {
    const servers = (parse(readFileSync(bundledSpec, 'utf8')).servers as { url: string }[]).map((s) => s.url);
    const base = /^BASE=(\S+)/m.exec(sample('Shell'))?.[1];
    expect(servers).toContain(base);
    const urls = [...sample('Shell').matchAll(/"(\$BASE[^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(2);
    for (const url of urls)
      expect(url).toMatch(/^\$BASE\/tenants\/\$TENANT_ID\/contacts\/\$CONTACT_ID\/interactions(\?|$)/);
  });

  it('the TypeScript sample type-checks against the real SDK', () => {
    expect(results.get(files.good)).toEqual([]);
  });

  it.each(operations.map((op) => op.id))('%s: offers curl and a TypeScript sample that type-checks', (id) => {
    const { samples: of } = operations.find((op) => op.id === id)!;
    expect(of.map((s) => s.lang)).toEqual(expect.arrayContaining(['Shell', 'TypeScript']));
    expect(results.get(perOperation.get(id)!.good)).toEqual([]);
  });

  it.each(operations.map((op) => op.id))('%s: the sample with its SDK call misspelt fails the check', (id) => {
    expect(results.get(perOperation.get(id)!.misspelt)!.join('\n')).toMatch(/Typo\b.*does not exist/);
  });

  it('a broken copy fails the same check', () => {
    expect(results.get(files.wrongMethod)!.join('\n')).toMatch(/listInteraction\b/);
    expect(results.get(files.wrongRegion)!.join('\n')).toMatch(/ap-south-1/);
    expect(results.get(files.wrongLimit)!.join('\n')).toMatch(/'string' is not assignable to type 'number'/);
  });
});
