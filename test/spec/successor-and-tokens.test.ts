// The two operations added in 1.1.0, checked in the bundled spec with ajv (2020-12 dialect + full
// formats): Get a Specific Interaction and the token exchange. Their schemas stay open to what the
// vendor does not document, so besides "every example validates" these tests pin what is open and what
// is required; the record's typing from the vendor's samples (1.2.0) is pinned in list-interactions.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAjv } from '../../scripts/lib/spec-ajv.ts';
import { bundledSpec, releasedSpec } from '../../scripts/lib/tools.ts';

const spec = parse(readFileSync(bundledSpec, 'utf8'));
const ajv = createAjv({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'spec', components: spec.components });
const validator = (pointer: string) => ajv.getSchema(`spec#/components/schemas/${pointer}`)!;
const validateRecord = validator('InteractionRecord');
const validateDetails = validator('InteractionRecordDetails');
const validateTokenRequest = validator('TokenRequest');
const validateTokenResponse = validator('TokenResponse');
const validateError = validator('ErrorBody');

const historyPath = '/tenants/{tenantId}/contacts/{contactId}/interactions';
const history = spec.paths[historyPath].get;
const getInteraction = spec.paths['/tenants/{tenantId}/interactions/{interactionId}'].get;
const createToken = spec.paths['/tokens'].post;

/** The top-level keys the facts file lists for Get a Specific Interaction, and those of `details`. */
const knownKeys = [
  'tenantId',
  'interactionId',
  'flowId',
  'flowName',
  'startTimestamp',
  'endTimestamp',
  'interactionTime',
  'customerAbandonTime',
  'ivrTime',
  'contactPoint',
  'customer',
  'customerHolds',
  'segments',
  'queues',
  'details',
];
const knownDetailKeys = ['agents', 'direction', 'contactId', 'channelType'];

/** Follows a bundled `#/components/examples/…` reference to the Example Object. */
function deref(ex: { $ref?: string; value?: unknown }): { value: any } {
  return ex.$ref ? spec.components.examples[ex.$ref.split('/').pop()!] : (ex as { value: unknown });
}

function examplesOf(mediaType: { examples: Record<string, { $ref?: string; value?: unknown }> }): [string, any][] {
  return Object.entries(mediaType.examples).map(([name, ex]) => [name, structuredClone(deref(ex).value)]);
}

function expectValid(validate: typeof validateRecord, data: unknown) {
  const ok = validate(data);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

function expectInvalid(validate: typeof validateRecord, data: unknown, pointer: string, keyword: string) {
  expect(validate(data)).toBe(false);
  expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: pointer, keyword }));
}

const seedResults = deref(history.responses['200'].content['application/json'].examples.seedSample).value
  .results as Record<string, any>[];
const recordExamples = examplesOf(getInteraction.responses['200'].content['application/json']);
const firstRecord = () => structuredClone(recordExamples[0]![1]);

describe('every named example of the new operations validates against its schema', () => {
  const cases: [string, any, typeof validateRecord][] = [];
  for (const [label, operation, success] of [
    ['getInteraction', getInteraction, validateRecord],
    ['createToken', createToken, validateTokenResponse],
  ] as const) {
    for (const [status, response] of Object.entries<any>(operation.responses)) {
      const validate = status === '200' ? success : validateError;
      for (const [name, value] of examplesOf(response.content['application/json']))
        cases.push([`${label} ${status} ${name}`, value, validate]);
    }
  }
  for (const [name, value] of examplesOf(createToken.requestBody.content['application/json'])) {
    cases.push([`createToken request ${name}`, value, validateTokenRequest]);
  }

  it('there are examples to check on every response and on the request body', () => {
    const responses = Object.keys(getInteraction.responses).length + Object.keys(createToken.responses).length;
    expect(cases.length).toBeGreaterThanOrEqual(responses + 1);
  });
  for (const [name, value, validate] of cases) it(name, () => expectValid(validate, value));
});

describe('Get a Specific Interaction', () => {
  it('needs INTERACTIONS_API_READ_ALL, named in x-permission and in the description', () => {
    expect(getInteraction['x-permission']).toBe('INTERACTIONS_API_READ_ALL');
    expect(getInteraction.description).toContain('`INTERACTIONS_API_READ_ALL`');
    expect(getInteraction.responses['403'].description).toContain('INTERACTIONS_API_READ_ALL');
  });

  it('takes uuid path parameters and answers the same statuses as the history route', () => {
    const params = getInteraction.parameters.map((p: any) => [p.name, p.in, p.required, p.schema.format]);
    expect(params).toEqual([
      ['tenantId', 'path', true, 'uuid'],
      ['interactionId', 'path', true, 'uuid'],
    ]);
    expect(Object.keys(getInteraction.responses)).toEqual(Object.keys(history.responses));
  });

  it("its seed examples are the seed sample's interactions: same id, timestamps, channel, direction, customer, tenant", () => {
    const tenant = history.parameters.find((p: any) => p.name === 'tenantId').example;
    const contact = history.parameters.find((p: any) => p.name === 'contactId').example;
    const seedExamples = recordExamples.filter(([name]) => name.endsWith('SeedInteraction'));
    expect(seedExamples.map(([name]) => name)).toEqual(['firstSeedInteraction', 'secondSeedInteraction']);
    for (const [name, record] of seedExamples) {
      const seed = seedResults.find((r) => r.interactionId === record.interactionId);
      expect(seed, `${name} shares an interactionId with the seed sample`).toBeDefined();
      expect(record, name).toMatchObject({
        tenantId: tenant,
        startTimestamp: seed!.startTimestamp,
        endTimestamp: seed!.endTimestamp,
        // Seconds, as the vendor's samples compute them.
        interactionTime: (Date.parse(seed!.endTimestamp) - Date.parse(seed!.startTimestamp)) / 1000,
        customer: seed!.customer,
        details: { channelType: seed!.channelType, direction: seed!.directionType, contactId: contact },
      });
      // Keys without a value are left out, except in details.
      expect(
        Object.values(record).filter((v) => v === null || (Array.isArray(v) && v.length === 0)),
        name,
      ).toEqual([]);
    }
    // The example Prism and Redoc show first is the seed's first interaction, the path example's id.
    expect(recordExamples[0]![1].interactionId).toBe(seedResults[0]!.interactionId);
    expect(getInteraction.parameters.find((p: any) => p.name === 'interactionId').example).toBe(
      seedResults[0]!.interactionId,
    );
  });

  it('describes every key the facts name (more are typed from the samples: test/spec/list-interactions.test.ts)', () => {
    const record = spec.components.schemas.InteractionRecord;
    const details = spec.components.schemas.InteractionRecordDetails;
    expect(Object.keys(record.properties)).toEqual(expect.arrayContaining(knownKeys));
    expect(Object.keys(details.properties)).toEqual(expect.arrayContaining(knownDetailKeys));
    expect(record.properties.details).toEqual({ $ref: '#/components/schemas/InteractionRecordDetails' });
    expect(record.required).toEqual(['interactionId']);
    expect(details.required).toBeUndefined();
  });

  it('accepts unknown keys on the record and in details, any value for the keys shown only as null, and null for the rest', () => {
    const record = firstRecord();
    Object.assign(record, { tenantName: 'Acme', statistics: { holds: 2 }, ivrAbandoned: 'yes', leadId: 7 });
    Object.assign(record.details, { recordings: [], notes: 'x', contactId: { id: 1 }, csat: 'n/a' });
    Object.assign(record, { endTimestamp: null, customer: null, customerHolds: null, flowId: null });
    expectValid(validateRecord, record);
    expectValid(validateDetails, { somethingNew: true });
    expectValid(validateRecord, { interactionId: record.interactionId });
  });

  it('rejects what the evidence rules out', () => {
    const noId = firstRecord();
    delete noId.interactionId;
    expectInvalid(validateRecord, noId, '', 'required');
    // A body wrapped the way many CxEngage endpoints wrap theirs fails instead of passing as empty.
    expectInvalid(validateRecord, { result: firstRecord() }, '', 'required');
    expectInvalid(validateRecord, { ...firstRecord(), tenantId: 'acme' }, '/tenantId', 'format');
    expectInvalid(
      validateRecord,
      { ...firstRecord(), interactionId: 'urn:uuid:5e003dd5-d261-42fb-8895-edcb7071b0bb' },
      '/interactionId',
      'format',
    );
    expectInvalid(validateRecord, { ...firstRecord(), segments: {} }, '/segments', 'type');
    expectInvalid(validateRecord, { ...firstRecord(), queues: null }, '/queues', 'type');
    expectInvalid(validateRecord, { ...firstRecord(), details: 'inbound voice' }, '/details', 'type');
    expectInvalid(validateRecord, { ...firstRecord(), details: { agents: 'Don Smith' } }, '/details/agents', 'type');
    expectInvalid(validateRecord, { ...firstRecord(), interactionTime: '31.378' }, '/interactionTime', 'type');
    expectInvalid(validateRecord, { ...firstRecord(), startTimestamp: 1509644959049 }, '/startTimestamp', 'type');
  });
});

describe('POST /tokens', () => {
  it('needs no auth on the call itself, while every other call does', () => {
    expect(spec.security.length).toBeGreaterThan(0);
    expect(createToken.security).toEqual([]);
    expect(getInteraction.security).toBeUndefined();
    expect(history.security).toBeUndefined();
  });

  it('takes {username, password} in a required JSON body, the secret marked as one', () => {
    expect(createToken.requestBody.required).toBe(true);
    const request = spec.components.schemas.TokenRequest;
    expect(request.required).toEqual(['username', 'password']);
    expect(request.properties.password).toMatchObject({ type: 'string', format: 'password', writeOnly: true });
    expect(spec.components.schemas.TokenResponse.properties.token).toMatchObject({
      type: 'string',
      format: 'password',
    });
    expectInvalid(validateTokenRequest, { username: 'k' }, '', 'required');
    expectInvalid(validateTokenRequest, { password: 's' }, '', 'required');
    expectInvalid(validateTokenRequest, { username: 'k', password: 7 }, '/password', 'type');
  });

  it('its examples show placeholders, not credentials', () => {
    for (const [, value] of examplesOf(createToken.requestBody.content['application/json'])) {
      expect(value.password).toMatch(/EXAMPLE/);
    }
    for (const [, value] of examplesOf(createToken.responses['200'].content['application/json'])) {
      expect(value.token).toMatch(/EXAMPLE/);
    }
  });

  it('the response needs `token` and keeps whatever else comes with it', () => {
    expectValid(validateTokenResponse, { token: 't', expiresIn: 3600, tenantId: null, nested: { any: ['thing'] } });
    expectInvalid(validateTokenResponse, { accessToken: 't' }, '', 'required');
    expectInvalid(validateTokenResponse, { result: { token: 't' } }, '', 'required');
    expectInvalid(validateTokenResponse, { token: 42 }, '/token', 'type');
  });

  it('declares 200 for success, states that the status is undocumented, and a 400 and a 401', () => {
    const statuses = Object.keys(createToken.responses);
    expect(statuses.filter((s) => s.startsWith('2'))).toEqual(['200']);
    expect(createToken.description).toMatch(/success status[\s\S]*undocumented/);
    expect(statuses).toEqual(expect.arrayContaining(['400', '401']));
  });
});

describe('the page as a whole', () => {
  it('keeps the history route first (the generator reads it) and not deprecated', () => {
    expect(Object.keys(spec.paths)[0]).toBe(historyPath);
    expect(history.deprecated).toBeUndefined();
    expect(history.description).toMatch(/not\*\* deprecated today/);
  });

  it('is a minor version bump over the released baseline', () => {
    const released = parse(readFileSync(releasedSpec, 'utf8')).info.version.split('.').map(Number);
    const current = spec.info.version.split('.').map(Number);
    expect(current[0]).toBe(released[0]);
    expect(current[1]).toBeGreaterThan(released[1]);
  });

  it('tags every new operation with a described tag', () => {
    const tags = new Map(spec.tags.map((t: { name: string; description: string }) => [t.name, t.description]));
    for (const operation of [getInteraction, createToken, spec.paths['/tenants/{tenantId}/interactions'].get]) {
      expect(operation.tags).toHaveLength(1);
      expect(tags.get(operation.tags[0])).toBeTruthy();
    }
  });

  // The TypeScript samples are type-checked against the SDK in test/docs/code-samples.test.ts.
  it('gives each new operation one curl sample on a documented server and its own path, then a TypeScript one', () => {
    const servers = spec.servers.map((s: { url: string }) => s.url);
    for (const [operation, url] of [
      [getInteraction, /^\$BASE\/tenants\/\$TENANT_ID\/interactions\/\$INTERACTION_ID$/],
      [spec.paths['/tenants/{tenantId}/interactions'].get, /^\$BASE\/tenants\/\$TENANT_ID\/interactions\?/],
      [createToken, /^\$BASE\/tokens$/],
    ] as const) {
      expect(operation['x-codeSamples'].map((s: { lang: string }) => s.lang)).toEqual(['Shell', 'TypeScript']);
      const source: string = operation['x-codeSamples'][0].source;
      expect(servers).toContain(/^BASE=(\S+)/m.exec(source)?.[1]);
      expect(source).toMatch(/Authorization: Token \$CXENGAGE_TOKEN/);
      expect([...source.matchAll(/"(\$BASE[^"]+)"/g)].map((m) => m[1]).filter((u) => url.test(u!))).not.toEqual([]);
    }
    // The exchange sends the secret on stdin, not on the command line where `ps` shows it.
    expect(createToken['x-codeSamples'][0].source).toContain('--data-binary @-');
  });
});
