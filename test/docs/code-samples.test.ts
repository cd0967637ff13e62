// The docs' TypeScript sample is compiled against the real SDK, so the page cannot drift from it.
// A deliberately broken copy must fail, proving the check can fail.
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
const operation = parse(readFileSync(bundledSpec, 'utf8')).paths[
  '/tenants/{tenantId}/contacts/{contactId}/interactions'
].get;
const samples = operation['x-codeSamples'] as CodeSample[];

function sample(lang: string): string {
  const found = samples.find((s) => s.lang === lang);
  if (!found) throw new Error(`no ${lang} sample in x-codeSamples`);
  return found.source;
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
    results = typeCheck(Object.values(files));
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

  it('a broken copy fails the same check', () => {
    expect(results.get(files.wrongMethod)!.join('\n')).toMatch(/listInteraction\b/);
    expect(results.get(files.wrongRegion)!.join('\n')).toMatch(/ap-south-1/);
    expect(results.get(files.wrongLimit)!.join('\n')).toMatch(/'string' is not assignable to type 'number'/);
  });
});
