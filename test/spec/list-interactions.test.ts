// Get a List of Interactions (added in 1.2.0) and the record typed from the vendor's samples, checked in
// the bundled spec with ajv (2020-12 + full formats): the examples are the vendor's samples as the sources
// hold them; every key a sample shows is listed and typed as shown; the filters, bounds and judgement calls
// are as the operation's description states them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spec as facts } from '../../generated/spec.ts';
import { createAjv } from '../../scripts/lib/spec-ajv.ts';
import { bundledSpec } from '../../scripts/lib/tools.ts';
import { sampleRecords, sourceText, vendorSample } from '../support/vendor-samples.ts';

const spec = parse(readFileSync(bundledSpec, 'utf8'));
const ajv = createAjv({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'spec', components: spec.components });
const schemas = spec.components.schemas;
const validator = (name: string) => ajv.getSchema(`spec#/components/schemas/${name}`)!;
const validatePage = validator('InteractionRecordPage');
const validateRecord = validator('InteractionRecord');
const validateError = validator('ErrorBody');

const { path: listPath } = facts.operations.listTenantInteractions;
const list = spec.paths[listPath].get;
const getInteraction = spec.paths[facts.operations.getInteraction.path].get;
const history = spec.paths[facts.operations.listContactInteractions.path].get;

const exampleValue = (operation: any, name: string) => {
  const ex = operation.responses['200'].content['application/json'].examples[name];
  return structuredClone(ex.$ref ? spec.components.examples[ex.$ref.split('/').pop()].value : ex.value);
};
const param = (name: string) => list.parameters.find((p: { name: string }) => p.name === name);

function expectValid(validate: typeof validatePage, data: unknown) {
  const ok = validate(data);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

function expectInvalid(validate: typeof validatePage, data: unknown, pointer: string, keyword: string) {
  expect(validate(data)).toBe(false);
  expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: pointer, keyword }));
}

describe("the examples are the vendor's samples", () => {
  it.each([
    ['listSample', 'get-a-list-of-interactions.txt'],
    ['timeRangeSample', 'example-time-range.txt'],
    ['vendorRecordSample', 'get-a-specific-interaction.txt'],
  ] as const)('%s is the sample of %s as far as its stored copy reads, key order included', (name, file) => {
    const sample = vendorSample(file);
    expect(sample.cut).toBe(true);
    const op = name === 'vendorRecordSample' ? getInteraction : list;
    expect(JSON.stringify(exampleValue(op, name))).toBe(JSON.stringify(sample.value));
  });

  it("nullValuesSample holds the null-values page's record, in the List sample's envelope with its own tenant", () => {
    const example = exampleValue(list, 'nullValuesSample');
    const record = vendorSample('example-null-values.txt').value;
    expect(JSON.stringify(example.results)).toBe(JSON.stringify([record]));
    const { results: _, ...envelope } = vendorSample('get-a-list-of-interactions.txt').value;
    expect(example).toMatchObject({ ...envelope, tenantId: record.tenantId, total: 1 });
    // The point of the sample: keys without a value come back null instead of being left out.
    expect(Object.values(record).filter((v) => v === null).length).toBeGreaterThan(5);
    expect(list.parameters.find((p: { name: string }) => p.name === 'green')).toBeDefined();
  });

  it.each(
    Object.entries(list.responses).flatMap(([status, response]: [string, any]) =>
      Object.keys(response.content['application/json'].examples).map((name) => [status, name]),
    ),
  )('List %s example %s validates', (status, name) => {
    const ex = list.responses[status].content['application/json'].examples[name];
    const value = ex.$ref ? spec.components.examples[ex.$ref.split('/').pop()].value : ex.value;
    expectValid(status === '200' ? validatePage : validateError, value);
  });

  it('the third-party sample (not an example: its copy ends before the record’s id) validates but for that id', () => {
    const envelope = vendorSample('example-third-party-system.txt').value;
    expect(envelope.hookSubType).toBe('ticket'); // an envelope echoing a filter: the envelope stays open
    expectInvalid(validatePage, envelope, '/results/0', 'required');
    envelope.results[0].interactionId = '9998bf60-db84-11e7-9709-c2b07aa3bee9';
    expectValid(validatePage, envelope);
  });
});

/** JSON Schema type names of a value, as the samples show it. */
const jsonType = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
const typesOf = (schema: any): string[] => (schema.type === undefined ? [] : [schema.type].flat());
const resolve = (schema: any): any => (schema.$ref ? schemas[schema.$ref.split('/').pop()] : schema);

describe('InteractionRecord: typed from the samples', () => {
  /** Every key of every object in the samples' records, by schema path, with every value it takes. */
  function keysShown(): Map<string, { schema: any; values: unknown[] }> {
    const shown = new Map<string, { schema: any; values: unknown[] }>();
    const visit = (value: Record<string, unknown>, schema: any, where: string) => {
      for (const [key, v] of Object.entries(value)) {
        const property = schema.properties?.[key];
        const at = `${where}.${key}`;
        expect(property, `${at} is listed`).toBeDefined();
        const entry = shown.get(at) ?? { schema: resolve(property), values: [] };
        entry.values.push(v);
        shown.set(at, entry);
        const inner = resolve(property);
        if (jsonType(v) === 'object') visit(v as Record<string, unknown>, inner, at);
        if (Array.isArray(v))
          for (const item of v) if (jsonType(item) === 'object') visit(item, resolve(inner.items), `${at}[]`);
      }
    };
    for (const { record } of sampleRecords()) visit(record, schemas.InteractionRecord, 'record');
    return shown;
  }

  it('lists every key a sample shows, at every level (segments, queues, hooks, details)', () => {
    const shown = keysShown();
    expect(shown.size).toBeGreaterThan(60);
    for (const at of ['record.hooks[].hookId', 'record.queues[].platformQueueId', 'record.details.contactId'])
      expect(shown.has(at), at).toBe(true);
  });

  it('types each key as its sample values show it, and leaves untyped only the keys never shown but null', () => {
    for (const [at, { schema, values }] of keysShown()) {
      const shownTypes = new Set(values.map(jsonType).filter((t) => t !== 'null'));
      if (shownTypes.size === 0) {
        expect(typesOf(schema), `${at}: only null in the samples, so untyped`).toEqual([]);
        continue;
      }
      for (const t of shownTypes) expect(typesOf(schema), at).toContain(t);
    }
  });

  it('every typed key also accepts null (green=false), except the ids of the record, its arrays and details', () => {
    for (const [name, schema] of Object.entries<any>(schemas.InteractionRecord.properties)) {
      const resolved = resolve(schema);
      if (!resolved.type) continue;
      const nullable = typesOf(resolved).includes('null');
      const fixed = ['tenantId', 'interactionId'].includes(name) || resolved.type === 'array' || name === 'details';
      expect(nullable, name).toBe(!fixed);
    }
    for (const sub of ['InteractionSegment', 'InteractionQueue', 'InteractionHook', 'InteractionRecordDetails'])
      for (const [name, schema] of Object.entries<any>(schemas[sub].properties))
        if (schema.type && schema.type !== 'array') expect(typesOf(schema), `${sub}.${name}`).toContain('null');
  });

  it('numbers are `number`, never narrowed to integer the pages do not state', () => {
    const walk = (schema: any, at: string): string[] =>
      Object.entries<any>(schema.properties ?? {}).flatMap(([k, s]) => {
        const r = resolve(s);
        return [
          ...(typesOf(r).includes('integer') ? [`${at}.${k}`] : []),
          ...(r.items ? walk(resolve(r.items), `${at}.${k}[]`) : []),
          ...(r.properties && r !== schema ? walk(r, `${at}.${k}`) : []),
        ];
      });
    expect(walk(schemas.InteractionRecord, 'record')).toEqual([]);
  });

  it('keeps the record, its items and details open, and requires only interactionId', () => {
    for (const name of [
      'InteractionRecord',
      'InteractionRecordDetails',
      'InteractionSegment',
      'InteractionQueue',
      'InteractionAgent',
      'InteractionHook',
      'InteractionRecordPage',
    ])
      expect(schemas[name].additionalProperties, name).toBe(true);
    expect(schemas.InteractionRecord.required).toEqual(['interactionId']);
    expectValid(validateRecord, { interactionId: 'b2109780-db83-11e7-9709-c2b07aa3bee9', somethingNew: [1] });
  });

  it('rejects what the samples rule out', () => {
    const record = vendorSample('get-a-specific-interaction.txt').value;
    expectInvalid(validateRecord, { ...record, interactionTime: '94.244' }, '/interactionTime', 'type');
    expectInvalid(validateRecord, { ...record, startTimestamp: 1512674433394 }, '/startTimestamp', 'type');
    expectInvalid(validateRecord, { ...record, endTimestamp: '2017-12-07 19:22' }, '/endTimestamp', 'format');
    expectInvalid(
      validateRecord,
      { ...record, segments: [{ segmentCancelled: 'yes' }] },
      '/segments/0/segmentCancelled',
      'type',
    );
    expectInvalid(validateRecord, { ...record, queues: [7] }, '/queues/0', 'type');
    expectInvalid(validateRecord, { ...record, hooks: [{ hookId: 415 }] }, '/hooks/0/hookId', 'type');
    expectInvalid(
      validateRecord,
      { ...record, details: { ...record.details, direction: 1 } },
      '/details/direction',
      'type',
    );
    // Untyped keys (only ever null in the samples) take anything.
    expectValid(validateRecord, {
      ...record,
      ivrAbandoned: true,
      details: { ...record.details, contactId: 7, csat: 'n/a' },
    });
  });

  it('the time unit is the one the samples compute: interactionTime = end − start in seconds', () => {
    for (const file of [
      'get-a-specific-interaction.txt',
      'get-a-list-of-interactions.txt',
      'example-time-range.txt',
    ] as const) {
      const { value } = vendorSample(file);
      const record = value.results?.[0] ?? value;
      const seconds =
        (Date.parse(record.endTimestamp) - Date.parse(record.startTimestamp ?? record.segments[0].startTimestamp)) /
        1000;
      if (record.startTimestamp) expect(record.interactionTime, file).toBeCloseTo(seconds, 3);
      const [segment] = record.segments;
      expect(segment.segmentTime, file).toBeCloseTo(
        (Date.parse(segment.endTimestamp) - Date.parse(segment.startTimestamp)) / 1000,
        3,
      );
    }
    expect(schemas.InteractionRecord.properties.interactionTime.description).toMatch(/seconds/);
  });
});

describe('Get a List of Interactions', () => {
  it('is GET /tenants/{tenantId}/interactions, needs INTERACTIONS_API_READ_ALL, answers the same statuses as the others', () => {
    expect(listPath).toBe('/tenants/{tenantId}/interactions');
    expect(list.operationId).toBe('listTenantInteractions');
    expect(list['x-permission']).toBe('INTERACTIONS_API_READ_ALL');
    expect(list.description).toContain('`INTERACTIONS_API_READ_ALL`');
    expect(list.responses['403'].description).toContain('INTERACTIONS_API_READ_ALL');
    expect(Object.keys(list.responses)).toEqual(Object.keys(history.responses));
    expect(list.tags).toEqual(getInteraction.tags);
    expect(list.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/InteractionRecordPage',
    );
  });

  it('takes the documented filters, in the spellings the spec chose, and paging as the history route', () => {
    expect(list.parameters.map((p: any) => [p.name, p.in, p.required])).toEqual([
      ['tenantId', 'path', true],
      ['contactId', 'query', false],
      ['startTimeRange', 'query', false],
      ['endTimeRange', 'query', false],
      ['attribute-value', 'query', false],
      ['hook-name', 'query', false],
      ['hookType', 'query', false],
      ['hookSubType', 'query', false],
      ['hookId', 'query', false],
      ['green', 'query', false],
      ['limit', 'query', false],
      ['page', 'query', false],
    ]);
    expect(param('contactId').schema).toEqual({ type: 'string', format: 'uuid' });
    expect(param('limit').schema).toEqual({ type: 'integer', minimum: 1, maximum: 1000, default: 10 });
    expect(param('page').schema).toEqual(history.parameters.find((p: any) => p.name === 'page').schema);
    expect(param('green').schema).toEqual({ type: 'boolean', default: true });
  });

  it("the time range's pattern takes the vendor's own examples (hour 24 included) and refuses other forms", () => {
    const pattern = new RegExp(param('startTimeRange').schema.pattern, 'u');
    expect(param('endTimeRange').schema.pattern).toBe(param('startTimeRange').schema.pattern);
    const vendorTimes = [...sourceText('example-time-range.txt').matchAll(/TimeRange=([^&\s]+)/g)].map((m) => m[1]!);
    expect(vendorTimes).toEqual(['2017-12-29T14:00:00.000Z', '2017-12-29T24:00:00.000Z']);
    for (const t of [...vendorTimes, '2017-12-29T14:00:00Z', '2017-12-29T14:00:00.5Z'])
      expect(pattern.test(t), t).toBe(true);
    for (const t of [
      '2017-12-29',
      '2017-12-29T14:00Z',
      '2017-12-29T14:00:00+01:00',
      '2017-12-29T14:00:00.000',
      '1514556000000',
      ' 2017-12-29T14:00:00Z',
    ])
      expect(pattern.test(t), t).toBe(false);
  });

  it('refuses empty search values', () => {
    for (const name of ['attribute-value', 'hook-name', 'hookType', 'hookSubType', 'hookId']) {
      const pattern = new RegExp(param(name).schema.pattern, 'u');
      expect(pattern.test(''), name).toBe(false);
      expect(pattern.test('   '), name).toBe(false);
      expect(pattern.test(param(name).example), name).toBe(true);
    }
  });

  it('states every judgement call it names, with its evidence, and the spellings it did not choose', () => {
    const table = [...(list.description as string).matchAll(/^\| `(list-[a-z-]+)` \| (.+?) \| (.+) \|$/gm)];
    const ids = table.map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of table) expect(m[3]!.length, m[1]).toBeGreaterThan(20);
    const named = JSON.stringify(list.parameters).match(/list-[a-z-]+[a-z]/g) ?? [];
    for (const id of named) expect(id.endsWith('-…') || ids.some((i) => i!.startsWith(id)), id).toBe(true);
    for (const rejected of ['contactID=', '`start`', 'type=zendesk', 'hookName=custAccountNumber'])
      expect(list.description, rejected).toContain(rejected);
  });

  it('the envelope: the eight keys every sample has are required; at most 1000 results and a limit of at most 1000', () => {
    expect(schemas.InteractionRecordPage.required).toEqual([
      'page',
      'limit',
      'offset',
      'tenantId',
      'total',
      'tenantName',
      'tenantTimezone',
      'results',
    ]);
    const page = exampleValue(list, 'listSample');
    expectInvalid(validatePage, { ...page, limit: 1001 }, '/limit', 'maximum');
    const record = page.results[0];
    expectValid(validatePage, { ...page, limit: 1000, results: Array(1000).fill(record) });
    expectInvalid(validatePage, { ...page, results: Array(1001).fill(record) }, '/results', 'maxItems');
    const { tenantName: _, ...noName } = page;
    expectInvalid(validatePage, noName, '', 'required');
    expectInvalid(validatePage, { result: page }, '', 'required');
  });
});
