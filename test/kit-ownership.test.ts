// One owner each for what every test, bench and script needs from a fake API: the testing kit's
// reference API is the one HTTP server of the API, its generator the one source of interactions, and
// the spec (generated/spec.ts, through the kit's operationPath and pathPattern) the one source of
// endpoint paths. Read as text over test/, bench/, contract-tests/ and scripts/, so a second server,
// generator or typed-in path shows up here by name.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../scripts/lib/tools.ts';

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : files(relative);
    return /\.(ts|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

/** The file's code: comments blanked (line comments and block comments), strings kept. */
function code(file: string): string {
  const text = readFileSync(path.join(root, file), 'utf8');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const self = 'test/kit-ownership.test.ts';
const outside = ['test', 'bench', 'contract-tests', 'scripts'].flatMap(files).filter((file) => file !== self);
const offenders = (pattern: RegExp, allowed: Readonly<Record<string, string>> = {}) =>
  outside.filter((file) => !(file in allowed) && pattern.test(code(file)));

describe('one owner for the fake API', () => {
  it('reads the files it judges', () => {
    expect(outside.length).toBeGreaterThan(80);
    expect(outside).toContain('test/faults/scenarios.ts');
  });

  it('one HTTP server of the API: the reference API (others bend it through its hooks)', () => {
    const httpServer = /import\s*\{[^}]*\bcreateServer\b[^}]*\}\s*from\s*'node:http'/;
    expect(
      offenders(httpServer, {
        'scripts/build-docs.ts': 'serves the docs site, not the API',
        'scripts/lib/front-door.ts': "the sandbox's proxy in front of the reference API and Prism",
        'test/start/servers.test.ts': 'stand-in upstreams that record what the front door forwards',
      }),
    ).toEqual([]);
    expect(httpServer.test("import { createServer, type Server } from 'node:http';")).toBe(true);
  });

  it('one generator: no seeded random source or interaction builder outside the kit', () => {
    expect(offenders(/Math\.imul\(|function (interactionAt|generateInteractions)\b|lastDispositionName:/)).toEqual([]);
  });

  it('every endpoint path from the spec, none typed in', () => {
    const typedPath = /\/tenants\/|\\\/tenants\\\/|['`]\/tokens['`]/;
    expect(
      offenders(typedPath, {
        // Paths that are the subject: malformed targets, byte by byte, and what a proxy must forward verbatim.
        'test/start/hostile-requests.ts': 'malformed request targets',
        'test/start/servers.test.ts': 'targets the front door must forward or refuse verbatim',
        // The vendor's documented paths as the oracle of tests of the spec and its docs: typed on purpose, so
        // that a spec whose path drifted from the vendor's page fails them.
        'test/spec/schema.test.ts': 'the vendor path the spec must hold',
        'test/spec/breaking-gate.test.ts': 'the vendor path the spec must hold',
        'test/spec/successor-and-tokens.test.ts': 'the vendor paths the spec must hold; sample URL patterns',
        'test/spec/list-interactions.test.ts': 'the vendor path the spec must hold',
        'test/docs/code-samples.test.ts': "a sample URL's pattern",
        'test/start/start.test.ts': 'a malformed raw request line',
        'test/contract/contract.test.ts': "a report's request text",
        'contract-tests/contract-command.test.ts': "a report line's pattern",
        'contract-tests/live.test.ts': "a report line's pattern",
      }),
    ).toEqual([]);
    expect(typedPath.test('fetch(base + "/tenants/" + id)')).toBe(true);
  });
});
