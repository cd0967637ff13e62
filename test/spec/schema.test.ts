// The bundled spec, checked with ajv (2020-12 dialect + formats) independently of the SDK's
// generated validators: every named example validates, and the schema rejects what it should.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAjv } from '../../scripts/lib/spec-ajv.ts';
import { bundledSpec } from '../../scripts/lib/tools.ts';

const spec = parse(readFileSync(bundledSpec, 'utf8'));
const ajv = createAjv({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'spec', components: spec.components });
const validatePage = ajv.getSchema('spec#/components/schemas/InteractionPage')!;
const validateError = ajv.getSchema('spec#/components/schemas/ErrorBody')!;
const operation = spec.paths['/tenants/{tenantId}/contacts/{contactId}/interactions'].get;

type Page = { page: number | null; limit: number; offset: number; total: number; results: Record<string, unknown>[] };

/** Follows a bundled `#/components/examples/…` reference to the Example Object. */
function deref(ex: { $ref?: string; value?: unknown }): { value: any } {
  return ex.$ref ? spec.components.examples[ex.$ref.split('/').pop()!] : (ex as { value: unknown });
}

function example(name: string): Page {
  return structuredClone(deref(operation.responses['200'].content['application/json'].examples[name]).value);
}

function expectValid(data: unknown) {
  const ok = validatePage(data);
  expect(validatePage.errors ?? [], JSON.stringify(validatePage.errors)).toEqual([]);
  expect(ok).toBe(true);
}

function expectInvalid(data: unknown, pointer: string, keyword: string) {
  expect(validatePage(data)).toBe(false);
  expect(validatePage.errors).toContainEqual(expect.objectContaining({ instancePath: pointer, keyword }));
}

describe('the seed sample', () => {
  const seedText = readFileSync(new URL('../../openapi/sources/get-last-n-interactions.txt', import.meta.url), 'utf8');
  const seed = JSON.parse(seedText.slice(seedText.indexOf('{\n"page"'), seedText.indexOf('Response Parameters')));

  it('is in the spec verbatim, as the seedSample example', () => {
    expect(example('seedSample')).toStrictEqual(seed);
    // Key order is part of "verbatim" too.
    expect(JSON.stringify(example('seedSample'))).toBe(JSON.stringify(seed));
  });

  it('validates against InteractionPage', () => expectValid(seed));
});

describe('every named example validates against its schema', () => {
  for (const [status, response] of Object.entries<any>(operation.responses)) {
    for (const [name, ex] of Object.entries<any>(response.content['application/json'].examples)) {
      it(`${status} ${name}`, () => {
        const validate = status === '200' ? validatePage : validateError;
        expect(validate(deref(ex).value), JSON.stringify(validate.errors)).toBe(true);
      });
    }
  }

  it('the paging examples agree with each other (offset = page × limit, pages add up to total)', () => {
    const pages = ['firstPage', 'middlePage', 'lastPage', 'pastTheEnd'].map(example);
    for (const p of pages) expect(p.offset).toBe(p.page! * p.limit);
    expect(pages.reduce((n, p) => n + p.results.length, 0)).toBe(pages[0]!.total);
    expect(pages.at(-1)!.results).toEqual([]);
    expect(example('pageOmitted').page).toBeNull();
    const ids = pages.flatMap((p) => p.results.map((r) => r.interactionId));
    expect(new Set(ids).size).toBe(ids.length);
    const starts = pages.flatMap((p) => p.results.map((r) => Date.parse(r.startTimestamp as string)));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('covers all three vendor error-body shapes', () => {
    const shapes = new Set<string>();
    for (const [status, response] of Object.entries<any>(operation.responses)) {
      if (status === '200') continue;
      for (const ex of Object.values<any>(response.content['application/json'].examples)) {
        const { error } = deref(ex).value;
        shapes.add(Array.isArray(error) ? 'array' : typeof error);
      }
    }
    expect([...shapes].sort()).toEqual(['array', 'object', 'string']);
  });
});

describe('negative cases are rejected', () => {
  it('a missing interactionId', () => {
    const page = example('seedSample');
    delete page.results[0]!.interactionId;
    expectInvalid(page, '/results/0', 'required');
  });
  it('an unknown channelType', () => {
    const page = example('seedSample');
    page.results[1]!.channelType = 'fax';
    expectInvalid(page, '/results/1/channelType', 'enum');
  });
  it('a non-uuid id', () => {
    const page = example('seedSample');
    page.results[0]!.lastAgentId = 'agent-7';
    expectInvalid(page, '/results/0/lastAgentId', 'format');
  });
  it('limit: 101', () => {
    const page = example('seedSample');
    page.limit = 101;
    expectInvalid(page, '/limit', 'maximum');
  });
  it('page: -1', () => {
    const page = example('seedSample');
    page.page = -1;
    expectInvalid(page, '/page', 'minimum');
  });
  it('a non-ISO timestamp', () => {
    const page = example('seedSample');
    page.results[0]!.startTimestamp = '11/02/2017 17:49';
    expectInvalid(page, '/results/0/startTimestamp', 'format');
  });
  it('more than 100 results', () => {
    const page = example('seedSample');
    page.results = Array.from({ length: 101 }, () => page.results[0]!);
    expectInvalid(page, '/results', 'maxItems');
  });
  it('an error body without `error`, or with a number as `error`', () => {
    expect(validateError({ message: 'x' })).toBe(false);
    expect(validateError({ error: 42 })).toBe(false);
  });
});

describe('what the evidence allows is accepted', () => {
  it('extra undocumented properties on an interaction and on the envelope', () => {
    const page = example('seedSample');
    Object.assign(page.results[0]!, { interactionTime: 31378, ivrTime: null, statistics: { holds: 2 } });
    Object.assign(page, { tenantTimezone: 'UTC' });
    expectValid(page);
  });
  it('an open interaction (endTimestamp null), a csat score, and any JSON for recording/transcript', () => {
    const page = example('seedSample');
    Object.assign(page.results[0]!, { endTimestamp: null, csat: 10, recording: { url: 'x' }, transcript: ['hi'] });
    expectValid(page);
  });
  it('page as a number when one was sent', () => {
    const page = example('seedSample');
    page.page = 0;
    expectValid(page);
  });
});
