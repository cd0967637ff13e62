// Get a List of Interactions (spec 1.2.0) the way the other routes are checked: Prism's mock of the spec
// (its examples, its errors, its request validation) and the reference API behind `prism proxy --errors`,
// whose every answer Prism validates both ways. Every body is also checked with ajv against the
// operation's schema. Bodies Prism generates from the record's schema are checked by successor.test.ts
// (Get a Specific Interaction answers the same record); a generated page of this route holds 1000 of them,
// some 9 MB and seconds of the one shared mock's time, so none is asked for here. The SDK has no method
// for the route yet: requests are raw, as a client of the spec would send them.
import { describe, expect, it } from 'vitest';
import { spec } from '../generated/spec.ts';
import { operationPath } from '../src/testing/index.ts';
import { basicHeader, contract, interactionsPath } from './support/client.ts';
import { vendorMessage } from './support/errors.ts';
import { prismErrorKind, prismProblem } from './support/prism.ts';
import { everyBodyConformsTest, recordingFetch } from './support/recording-fetch.ts';
import { namedExamples } from './support/spec.ts';

const recorder = recordingFetch();
const operation = spec.operations.listTenantInteractions;
const { maximum } = operation.parameters.limit.schema;

function listUrl(base: string, query: Record<string, string | number | boolean> = {}, tenantId = contract().tenantId) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const search = params.size > 0 ? `?${params}` : '';
  return `${base}${operationPath('listTenantInteractions', { tenantId })}${search}`;
}

async function get(url: string, headers: Record<string, string> = {}, auth = basicHeader()) {
  const response = await recorder.fetch(url, { headers: { authorization: auth, ...headers } });
  return { response, body: (await response.json()) as any };
}

describe('Prism static mock', () => {
  const examples = namedExamples(200, 'listTenantInteractions');

  it('declares the vendor’s samples, the default one first', () => {
    expect(Object.keys(examples)).toEqual(['listSample', 'nullValuesSample', 'timeRangeSample']);
  });

  it.each(Object.keys(examples))('named example %s is served as written and validates', async (name) => {
    const { response, body } = await get(listUrl(contract().mockUrl), { prefer: `example=${name}` });
    expect(response.status).toBe(200);
    expect(body).toEqual(examples[name]);
    expect(recorder.records.at(-1)).toMatchObject({ origin: 'spec', valid: true });
  });

  it.each(operation.errorStatuses)('%i is served with its example, a spec-valid vendor body', async (status) => {
    const [name, example] = Object.entries(namedExamples(status, 'listTenantInteractions'))[0]!;
    const { response, body } = await get(listUrl(contract().mockUrl), { prefer: `code=${status}, example=${name}` });
    expect(response.status).toBe(status);
    expect(body).toEqual(example);
    expect(vendorMessage(example).length).toBeGreaterThan(0);
    expect(recorder.records.at(-1)).toMatchObject({ origin: 'spec', valid: true });
  });

  it.each<[string, Record<string, string | number>, string]>([
    [`limit ${maximum + 1}`, { limit: maximum + 1 }, 'limit'],
    ['a date without a time', { startTimeRange: '2017-12-29' }, 'starttimerange'],
    ['a time with an offset', { endTimeRange: '2017-12-29T14:00:00+01:00' }, 'endtimerange'],
    ['a contactId that is no uuid', { contactId: 'jane' }, 'contactid'],
    ['green that is no boolean', { green: 'maybe' }, 'green'],
  ])('%s: 400 (the spec example), the violation named in sl-violations', async (_, query, param) => {
    const response = await recorder.fetch(listUrl(contract().mockUrl, query), {
      headers: { authorization: basicHeader() },
    });
    expect(response.status).toBe(400);
    const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as { location: string[] }[];
    expect(violations.map((v) => v.location.at(-1)?.toLowerCase())).toContain(param);
    await response.body?.cancel();
  });

  it("the vendor's own filters pass Prism's validation: T24:00, green=false, the hook filters", async () => {
    const query = {
      contactId: '93b34310-bfee-11e7-b9f2-01904e807d77',
      startTimeRange: '2017-12-29T14:00:00.000Z',
      endTimeRange: '2017-12-29T24:00:00.000Z',
      'attribute-value': 'custAccountNumber',
      'hook-name': 'custAccountNumber',
      hookType: 'zendesk',
      hookSubType: 'ticket',
      hookId: '26359162568',
      green: false,
      limit: maximum,
      page: 3,
    };
    const { response } = await get(listUrl(contract().mockUrl, query));
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
  });
});

describe('the reference API behind prism proxy --errors', () => {
  const contact = () => contract().contacts['250']!;
  const proxied = (query: Record<string, string | number | boolean> = {}, tenantId = contract().tenantId) =>
    listUrl(contract().proxyUrl, query, tenantId);

  it.each<[string, Record<string, string | number | boolean>]>([
    ['no parameters', {}],
    ['the maximum page size', { limit: maximum }],
    ['a later page', { limit: 100, page: 4 }],
    ['green=false', { green: false, limit: 50 }],
    ['green=true', { green: true, limit: 50 }],
    ['a contact', { contactId: '' }],
    [
      'a time range',
      { startTimeRange: '2024-05-30T00:00:00.000Z', endTimeRange: '2024-05-31T24:00:00.000Z', limit: 500 },
    ],
    ['hookType and hookSubType', { hookType: 'zendesk', hookSubType: 'ticket', limit: 20 }],
    ['attribute-value', { 'attribute-value': 'valueOne', limit: 20 }],
    ['a page past the end', { limit: 1000, page: 50 }],
  ])('%s: 200, passed by Prism both ways, and ajv-valid', async (_, query) => {
    const resolved = 'contactId' in query ? { ...query, contactId: contact() } : query;
    const { response, body } = await get(proxied(resolved));
    expect(response.status).toBe(200);
    expect(recorder.records.at(-1)).toMatchObject({ origin: 'spec', valid: true });
    expect(body.results.length).toBeLessThanOrEqual(body.limit);
    if ('green' in query && query['green'] === false) expect(JSON.stringify(body.results)).toContain(':null');
  });

  it('a contact lists in full exactly what its history route lists, in the same order', async () => {
    const history = await get(`${contract().proxyUrl}${interactionsPath(contract().tenantId, contact())}?limit=100`);
    const listed = await get(proxied({ contactId: contact(), limit: maximum }));
    expect(listed.body.total).toBe(history.body.total);
    expect(listed.body.results.slice(0, 100).map((r: { interactionId: string }) => r.interactionId)).toEqual(
      history.body.results.map((r: { interactionId: string }) => r.interactionId),
    );
  });

  it.each<[string, () => string, string, number]>([
    [
      'a reversed range (each bound valid on its own)',
      () => proxied({ startTimeRange: '2024-05-31T00:00:00Z', endTimeRange: '2024-05-30T00:00:00Z' }),
      basicHeader(),
      400,
    ],
    ['an unknown tenant', () => proxied({}, contract().unknownTenantId), basicHeader(), 404],
    [
      'a key without INTERACTIONS_API_READ_ALL',
      () => proxied(),
      basicHeader(contract().credentials.keyWithoutPermission),
      403,
    ],
    ['unknown credentials', () => proxied(), basicHeader({ username: 'nobody', password: 'nothing-9a1f' }), 401],
  ])('%s: the vendor’s error shape, passed by Prism', async (_, url, auth, status) => {
    const { response, body } = await get(url(), {}, auth);
    expect(response.status).toBe(status);
    expect(prismProblem(response.headers.get('content-type'), body)).toBeUndefined();
    expect(recorder.records.at(-1)).toMatchObject({ origin: 'spec', valid: true });
    if (status === 403) expect(body.error.message).toContain(operation.permission);
  });

  it('a limit over the maximum is refused by Prism (422) and never reaches the API', async () => {
    const response = await recorder.fetch(proxied({ limit: maximum + 1 }), {
      headers: { authorization: basicHeader() },
    });
    expect(response.status).toBe(422);
    const problem = prismProblem(response.headers.get('content-type'), await response.json());
    expect(problem && prismErrorKind(problem)).toBe('UNPROCESSABLE_ENTITY');
  });
});

everyBodyConformsTest(recorder);
