// The docs site's configuration, checked without a browser: every code sample the spec ships has its
// language listed for Redoc (else Redoc drops it silently), telemetry is off, and the page patches
// refuse to apply to code they were not written for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pagePatches, patchPage } from '../../scripts/build-docs.ts';
import { bundledSpec, root } from '../../scripts/lib/tools.ts';

interface Language {
  lang: string;
  label?: string;
}

const config = parse(readFileSync(path.join(root, 'redocly.yaml'), 'utf8'));
const bundle = parse(readFileSync(bundledSpec, 'utf8'));
// Redoc matches a sample to a configured language by its label, else its language, ignoring case.
const key = ({ lang, label }: Language) => (label ?? lang).toLowerCase();

function shippedSamples(): { where: string; sample: Language }[] {
  return Object.entries(bundle.paths as Record<string, Record<string, { 'x-codeSamples'?: Language[] }>>).flatMap(
    ([route, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        (operation?.['x-codeSamples'] ?? []).map((sample) => ({ where: `${method.toUpperCase()} ${route}`, sample })),
      ),
  );
}

describe('docs configuration (redocly.yaml)', () => {
  it('lists the language of every code sample in the spec', () => {
    const configured = new Set((config.openapi.codeSamples.languages as Language[]).map(key));
    const samples = shippedSamples();
    expect(samples.map(({ sample }) => sample.lang)).toContain('TypeScript');
    const missing = samples
      .filter(({ sample }) => !configured.has(key(sample)))
      .map(({ where, sample }) => `${where}: ${key(sample)}`);
    expect(missing).toEqual([]);
  });

  it('turns telemetry off and opens response examples fully', () => {
    expect(config.telemetry).toBe('off');
    expect(config.openapi.jsonSamplesExpandLevel).toBe('all');
  });
});

describe('docs page patches', () => {
  const patch = { why: 'test', find: 'https://cdn.example/logo.svg', replace: 'data:,' };

  it('replaces text that occurs exactly once', () => {
    expect(patchPage('<img src="https://cdn.example/logo.svg">', [patch])).toBe('<img src="data:,">');
  });

  it('refuses text that is missing or occurs twice, naming the reason', () => {
    expect(() => patchPage('<p>no logo</p>', [patch])).toThrow(/test.*found 0/);
    expect(() => patchPage(`${patch.find} ${patch.find}`, [patch])).toThrow(/found 2/);
  });

  it('replaces every CDN address it patches with an inline one', () => {
    for (const { find, replace } of pagePatches.filter((p) => p.find.startsWith('https://'))) {
      expect(replace).toMatch(/^data:image\/svg\+xml,/);
      // Inside a JavaScript template literal in the page: no backtick or interpolation may slip in.
      expect(replace).not.toMatch(/[`$]/);
      expect(find).toMatch(/logo/);
    }
  });
});
