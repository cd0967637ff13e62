// Bounds: the limits come from the spec; the SDK refuses out-of-range input before sending
// anything, and Prism rejects the same input when it is sent raw.
import { describe, expect, it } from 'vitest';
import { spec } from '../generated/spec.ts';
import { InvalidInputError } from '../src/index.ts';
import { basicHeader, contract, interactionsPath, sdkClient } from './support/client.ts';
import { prismErrorKind, prismProblem } from './support/prism.ts';
import { everyBodyConformsTest, recordingFetch } from './support/recording-fetch.ts';

const recorder = recordingFetch();
const { minimum, maximum } = spec.operations.listContactInteractions.parameters.limit.schema;
const badLimits = [minimum - 1, maximum + 1, -1, 2.5];
const ids = () => ({ tenantId: contract().tenantId, contactId: contract().contacts['101']! });

describe('bounds: accepted', () => {
  it.each([minimum, maximum])('limit %i is accepted and honoured (through the proxy)', async (limit) => {
    const page = await sdkClient(contract().proxyUrl, recorder).listInteractions({ ...ids(), limit });
    expect(page.limit).toBe(limit);
    expect(page.results).toHaveLength(limit);
  });
});

describe('bounds: refused by the SDK with no request sent', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ...badLimits.map((limit): [string, Record<string, unknown>, string] => [`limit ${limit}`, { limit }, 'limit']),
    ['page -1', { page: -1 }, 'page'],
    ['a non-uuid tenantId', { tenantId: 'not-a-uuid' }, 'tenantId'],
    ['a non-uuid contactId', { contactId: '12345' }, 'contactId'],
  ];
  it.each(cases)('%s', async (_name, override, param) => {
    const counting = recordingFetch({ inner: recorder.fetch });
    const client = sdkClient(contract().proxyUrl, counting);
    const error = await client.listInteractions({ ...ids(), ...override } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).param).toBe(param);
    if (param === 'limit') {
      expect(() => client.iterateInteractions({ ...ids(), pageSize: override['limit'] as number })).toThrow(
        InvalidInputError,
      );
    }
    expect(counting.records).toHaveLength(0);
  });
});

describe('bounds: rejected by Prism when sent raw', () => {
  const raw: [string, string, string][] = [
    ...badLimits.map((limit): [string, string, string] => [`limit=${limit}`, `?limit=${limit}`, 'limit']),
    ['page=-1', '?page=-1', 'page'],
    ['a non-uuid tenantId', 'tenant', 'tenantid'],
  ];
  const url = (base: string, query: string) =>
    query === 'tenant'
      ? `${base}${interactionsPath('not-a-uuid', ids().contactId)}`
      : `${base}${interactionsPath(ids().tenantId, ids().contactId)}${query}`;

  it.each(raw)(
    'static mock: %s → 400 (the spec example) with the violation in sl-violations',
    async (_name, query, param) => {
      const response = await recorder.fetch(url(contract().mockUrl, query), {
        headers: { authorization: basicHeader() },
      });
      expect(response.status).toBe(400);
      const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as { location: string[] }[];
      expect(violations.map((v) => v.location.at(-1)?.toLowerCase())).toContain(param.toLowerCase());
      await response.body?.cancel();
    },
  );

  it.each(raw)(
    'validating proxy: %s → 422 problem+json naming the violation, never forwarded',
    async (_name, query, param) => {
      const response = await recorder.fetch(url(contract().proxyUrl, query), {
        headers: { authorization: basicHeader() },
      });
      expect(response.status).toBe(422);
      const problem = prismProblem(response.headers.get('content-type'), await response.json());
      expect(problem && prismErrorKind(problem)).toBe('UNPROCESSABLE_ENTITY');
      expect(problem?.validation?.map((v) => v.location.at(-1)?.toLowerCase())).toContain(param.toLowerCase());
    },
  );
});

everyBodyConformsTest(recorder);
