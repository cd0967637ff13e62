// Get a List of Interactions through the SDK: one page and the walks against the real reference API (the
// query as the spec names it, the filters, the walk's integrity at the route's page sizes, ordered
// concurrency, retries, deadlines, signals), and on an injected fetch the answers the SDK must refuse:
// another tenant or contact than asked (every mode), a record outside the asked window (per mode), pages
// that do not add up (the history's audit). Bad parameters are refused before anything is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../../generated/spec.ts';
import {
  AbortedError,
  createInteractionsClient,
  type InteractionRecord,
  type InteractionRecordPage,
  type InteractionsClient,
  InvalidInputError,
  iterateTenantInteractions,
  iterateTenantPages,
  listTenantInteractions,
  listTenantInteractionsWithResponse,
  PaginationError,
  PermissionDeniedError,
  ResponseMismatchError,
  ResponseValidationError,
  TimeoutError,
} from '../../src/index.ts';
import { interactionRecord, operationPath, type ReferenceApi, startReferenceApi } from '../../src/testing/index.ts';
import { CONTACT, clientAnswering, interaction, json, TENANT, uuid } from '../helpers.ts';

const { parameters, permission } = spec.operations.listTenantInteractions;
const MAX = parameters.limit.schema.maximum;
const OTHER_CONTACT = uuid(71);
const THIRD_CONTACT = uuid(72);
const KEY = { key: 'list-key', secret: 'list-secret-3e1f' };
const HISTORY_ONLY = { key: 'history-key', secret: 'history-secret-9b2c' };

let api: ReferenceApi;
let client: InteractionsClient;

beforeAll(async () => {
  api = await startReferenceApi({
    seed: 'sdk-tenant-list',
    dataSets: [
      { tenantId: TENANT, contactId: CONTACT, interactions: 1_300 },
      { tenantId: TENANT, contactId: OTHER_CONTACT, interactions: 450 },
      { tenantId: TENANT, contactId: THIRD_CONTACT, interactions: 7 },
    ],
    credentials: {
      apiKeys: [{ ...KEY }, { ...HISTORY_ONLY, permissions: [spec.operations.listContactInteractions.permission] }],
    },
  });
  client = createInteractionsClient({ auth: { username: KEY.key, password: KEY.secret }, baseUrl: api.baseUrl });
});

afterAll(async () => {
  await api?.close();
});

/** Every record of the raw route, read page by page with fetch at the maximum page size. */
async function rawAll(query: Record<string, string> = {}): Promise<InteractionRecord[]> {
  const out: InteractionRecord[] = [];
  for (let page = 0; ; page++) {
    const search = new URLSearchParams({ ...query, limit: String(MAX), page: String(page) });
    const url = `${api.baseUrl}${operationPath('listTenantInteractions', { tenantId: TENANT })}?${search}`;
    const auth = `Basic ${Buffer.from(`${KEY.key}:${KEY.secret}`).toString('base64')}`;
    const body = (await (await fetch(url, { headers: { authorization: auth } })).json()) as InteractionRecordPage;
    out.push(...body.results);
    if (body.results.length < MAX) return out;
  }
}

const ids = (records: readonly { interactionId: string }[]) => records.map((r) => r.interactionId);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('one page', () => {
  it('sends the spec’s names, and answers the typed envelope with full records', async () => {
    const { fetch, requests } = recording();
    // The answer is a 401: only the request is looked at here.
    const spy = createInteractionsClient({ auth: { token: 'tok-0123456789' }, baseUrl: api.baseUrl, fetch });
    await listTenantInteractions(spy, {
      tenantId: TENANT,
      contactId: CONTACT.toUpperCase(),
      startTimeRange: new Date(Date.UTC(2024, 0, 1)),
      endTimeRange: '2024-01-01T24:00:00Z',
      'attribute-value': 'custAccountNumber',
      'hook-name': 'valueOne',
      hookType: 'zendesk',
      hookSubType: 'ticket',
      hookId: '26359162568',
      includeNulls: true,
      limit: 5,
      page: 2,
    }).catch(() => undefined);
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe(`/v1${operationPath('listTenantInteractions', { tenantId: TENANT })}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      contactId: CONTACT,
      startTimeRange: '2024-01-01T00:00:00.000Z',
      endTimeRange: '2024-01-01T24:00:00Z',
      'attribute-value': 'custAccountNumber',
      'hook-name': 'valueOne',
      hookType: 'zendesk',
      hookSubType: 'ticket',
      hookId: '26359162568',
      green: 'false',
      limit: '5',
      page: '2',
    });
  });

  it('gives the page, its records in full, and the Response', async () => {
    const { data, response } = await listTenantInteractionsWithResponse(client, { tenantId: TENANT, limit: 3 });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ page: null, limit: 3, offset: 0, tenantId: TENANT, total: 1_757 });
    expect(data.results).toHaveLength(3);
    const first = data.results[0]!;
    expect(first.tenantId).toBe(TENANT);
    expect(first.details?.interactionId).toBe(first.interactionId);
    // By default keys without a value are left out; includeNulls puts them in as null.
    const plain = await listTenantInteractions(client, { tenantId: TENANT, limit: 1 });
    const nulls = await listTenantInteractions(client, { tenantId: TENANT, limit: 1, includeNulls: true });
    expect(Object.values(plain.results[0]!).includes(null)).toBe(false);
    expect(Object.values(nulls.results[0]!).includes(null)).toBe(true);
    expect(nulls.results[0]!.interactionId).toBe(plain.results[0]!.interactionId);
  });

  it('a contact’s records are its history’s interactions, in the same order', async () => {
    const history = api.store.interactions(TENANT, THIRD_CONTACT)!;
    const page = await listTenantInteractions(client, { tenantId: TENANT, contactId: THIRD_CONTACT, limit: 100 });
    expect(ids(page.results)).toEqual(ids(history));
    expect(page.results.every((r) => r.details?.contactId === THIRD_CONTACT)).toBe(true);
  });

  it('a key without the route’s permission gets PermissionDeniedError', async () => {
    const historyOnly = createInteractionsClient({
      auth: { username: HISTORY_ONLY.key, password: HISTORY_ONLY.secret },
      baseUrl: api.baseUrl,
    });
    await expect(listTenantInteractions(historyOnly, { tenantId: TENANT })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    expect(permission).toBe('INTERACTIONS_API_READ_ALL');
  });

  it('a derived client works too, with its own options', async () => {
    const derived = client.withOptions({ validate: 'off', timeoutMs: 5_000 });
    expect((await listTenantInteractions(derived, { tenantId: TENANT, limit: 2 })).results).toHaveLength(2);
  });
});

describe('bad parameters: InvalidInputError naming the parameter, nothing sent', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'a reversed range',
      { startTimeRange: '2024-01-02T00:00:00Z', endTimeRange: '2024-01-01T00:00:00Z' },
      'endTimeRange',
    ],
    ['February 30th', { startTimeRange: '2024-02-30T00:00:00Z' }, 'startTimeRange'],
    ['hour 24 other than 24:00:00', { endTimeRange: '2024-01-01T24:00:01Z' }, 'endTimeRange'],
    ['hour 25', { endTimeRange: '2024-01-01T25:00:00Z' }, 'endTimeRange'],
    ['a date alone', { startTimeRange: '2024-01-01' }, 'startTimeRange'],
    ['a time with an offset', { startTimeRange: '2024-01-01T00:00:00+01:00' }, 'startTimeRange'],
    ['an invalid Date', { startTimeRange: new Date(Number.NaN) }, 'startTimeRange'],
    ['a Date beyond year 9999', { endTimeRange: new Date(Date.UTC(10_000, 0, 1)) }, 'endTimeRange'],
    ['a number for a time', { startTimeRange: 1_700_000_000_000 }, 'startTimeRange'],
    ['a malformed contact id', { contactId: 'not-a-uuid' }, 'contactId'],
    ['a malformed tenant id', { tenantId: '../x' }, 'tenantId'],
    ['no tenant', { tenantId: undefined }, 'tenantId'],
    ['limit 0', { limit: 0 }, 'limit'],
    [`limit ${MAX + 1}`, { limit: MAX + 1 }, 'limit'],
    ['limit 1.5', { limit: 1.5 }, 'limit'],
    ['limit 2^53', { limit: 2 ** 53 }, 'limit'],
    ['page -1', { page: -1 }, 'page'],
    ['a blank hook filter', { hookType: ' ' }, 'hookType'],
    ['an empty attribute value', { 'attribute-value': '' }, 'attribute-value'],
    ['includeNulls "yes"', { includeNulls: 'yes' }, 'includeNulls'],
    ['green (the SDK’s name is includeNulls)', { green: false }, 'green'],
    ['the vendor’s other spelling contactID', { contactID: CONTACT }, 'contactID'],
    ['the search page’s start', { start: '2024-01-01T00:00:00Z' }, 'start'],
    ['an unknown "__proto__"', JSON.parse('{"__proto__": 1}'), '__proto__'],
  ];

  it.each(cases)('one page: %s', async (_name, bad, param) => {
    const { client: spy, requests } = clientAnswering(() => json({}));
    const error = await listTenantInteractions(spy, { tenantId: TENANT, ...bad } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).param).toBe(param);
    expect(requests).toHaveLength(0);
  });

  it.each(cases.filter(([, , param]) => param !== 'limit' && param !== 'page'))(
    'the iterators, at once: %s',
    (_name, bad, param) => {
      const { client: spy, requests } = clientAnswering(() => json({}));
      for (const iterate of [iterateTenantInteractions, iterateTenantPages]) {
        const error = (() => {
          try {
            iterate(spy, { tenantId: TENANT, ...bad } as never);
          } catch (e) {
            return e;
          }
        })();
        expect(error).toBeInstanceOf(InvalidInputError);
        expect((error as InvalidInputError).param).toBe(param);
      }
      expect(requests).toHaveLength(0);
    },
  );

  it('the iterators take pageSize in the route’s bounds, and no limit or page', () => {
    const { client: spy } = clientAnswering(() => json({}));
    const refused = (extra: Record<string, unknown>) => {
      try {
        iterateTenantInteractions(spy, { tenantId: TENANT, ...extra } as never);
      } catch (e) {
        return e as InvalidInputError;
      }
      return undefined;
    };
    expect(refused({ pageSize: MAX })).toBeUndefined();
    expect(refused({ pageSize: MAX + 1 })).toMatchObject({ param: 'pageSize' });
    expect(refused({ pageSize: 0 })).toMatchObject({ param: 'pageSize' });
    expect(refused({ limit: 5 })?.message).toMatch(/use pageSize/);
    expect(refused({ page: 1 })?.message).toMatch(/always start at page 0/);
    expect(refused({ concurrency: 0 })).toMatchObject({ param: 'concurrency' });
    expect(refused({ last: -1 })).toMatchObject({ param: 'last' });
    expect(refused({ deadlineMs: 0 })).toMatchObject({ param: 'deadlineMs' });
    expect(refused({ signal: 'stop' })).toMatchObject({ param: 'signal' });
    expect(refused({ validate: 'loose' })).toMatchObject({ param: 'validate' });
  });

  it('equal bounds are a range that selects nothing, not an error', async () => {
    const at = '2024-01-01T00:00:00.000Z';
    const page = await listTenantInteractions(client, { tenantId: TENANT, startTimeRange: at, endTimeRange: at });
    expect(page.total).toBe(0);
  });

  it('an object that is not a client of this SDK is refused', async () => {
    await expect(listTenantInteractions({} as never, { tenantId: TENANT })).rejects.toMatchObject({ param: 'client' });
    expect(() => iterateTenantInteractions({} as never, { tenantId: TENANT })).toThrow(InvalidInputError);
  });
});

describe('every page', () => {
  it('the whole tenant at the maximum page size, and at a small one with concurrency, equal the raw pages', async () => {
    const expected = ids(await rawAll());
    expect(expected).toHaveLength(1_757);
    expect(ids(await collect(iterateTenantInteractions(client, { tenantId: TENANT })))).toEqual(expected);
    const small = await collect(iterateTenantInteractions(client, { tenantId: TENANT, pageSize: 37, concurrency: 4 }));
    expect(ids(small)).toEqual(expected);
  });

  it('a contact’s walk is its history, id for id, in order', async () => {
    const history = ids(api.store.interactions(TENANT, CONTACT)!);
    const walked = await collect(
      iterateTenantInteractions(client, { tenantId: TENANT, contactId: CONTACT, concurrency: 2 }),
    );
    expect(ids(walked)).toEqual(history);
  });

  it('a closed window yields each record that started in it once, with its start inside, in order', async () => {
    const all = await rawAll();
    const from = all[900]!.startTimestamp!;
    const to = all[300]!.startTimestamp!;
    const expected = all.filter((r) => r.startTimestamp! >= from && r.startTimestamp! < to);
    const walked = await collect(
      iterateTenantInteractions(client, { tenantId: TENANT, startTimeRange: from, endTimeRange: to, pageSize: 100 }),
    );
    expect(ids(walked)).toEqual(ids(expected));
    expect(walked.every((r) => r.startTimestamp! >= from && r.startTimestamp! < to)).toBe(true);
    // Consecutive windows share a bound without listing an interaction twice.
    const mid = all[600]!.startTimestamp!;
    const halves = [
      ...(await collect(
        iterateTenantInteractions(client, { tenantId: TENANT, startTimeRange: mid, endTimeRange: to }),
      )),
      ...(await collect(
        iterateTenantInteractions(client, { tenantId: TENANT, startTimeRange: from, endTimeRange: mid }),
      )),
    ];
    expect(ids(halves)).toEqual(ids(expected));
  });

  it('last N costs ceil(N / pageSize) requests; iterateTenantPages yields whole pages', async () => {
    const before = api.requests();
    const recent = await collect(iterateTenantInteractions(client, { tenantId: TENANT, last: 250, pageSize: 100 }));
    expect(recent).toHaveLength(250);
    expect(api.requests() - before).toBe(3);
    const pages = await collect(
      iterateTenantPages(client, { tenantId: TENANT, contactId: OTHER_CONTACT, pageSize: 200 }),
    );
    expect(pages.map((p) => p.results.length)).toEqual([200, 200, 50]);
    expect(pages.map((p) => p.tenantId)).toEqual([TENANT, TENANT, TENANT]);
  });

  it('a failure answered on one page is retried, and the walk goes on', async () => {
    api.store.queueFailure({ status: 503, times: 1, headers: { 'retry-after': '0' } });
    const walked = await collect(iterateTenantInteractions(client, { tenantId: TENANT, contactId: THIRD_CONTACT }));
    expect(walked).toHaveLength(7);
  });

  it('a signal aborts the walk (AbortedError, its cause the reason); a deadline ends it (TimeoutError, walk)', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const aborted = (async () => {
      for await (const _ of iterateTenantInteractions(client, {
        tenantId: TENANT,
        pageSize: 10,
        signal: controller.signal,
      }))
        controller.abort(reason);
    })();
    await expect(aborted).rejects.toBeInstanceOf(AbortedError);
    await expect(aborted).rejects.toMatchObject({ cause: reason });
    const { client: slow } = clientAnswering(() => new Promise<Response>(() => {}));
    const late = collect(iterateTenantInteractions(slow, { tenantId: TENANT, deadlineMs: 20 }));
    await expect(late).rejects.toBeInstanceOf(TimeoutError);
    await expect(late).rejects.toMatchObject({ scope: 'walk' });
  });
});

/** A fetch recording each request, answering 401 (for tests that only look at the request). */
function recording() {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(input instanceof Request ? input : new Request(input, init));
    return json({ error: 'Unauthorized' }, { status: 401 });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** A List page of the fixture interactions as the reference API shapes them, with `extra` over it. */
function listPage(count: number, extra: Partial<InteractionRecordPage> = {}, offset = 0): InteractionRecordPage {
  const results = Array.from({ length: count }, (_, i) => interactionRecord(interaction(offset + i), TENANT, CONTACT));
  return {
    page: 0,
    limit: 10,
    offset: 0,
    total: count,
    tenantId: TENANT,
    tenantName: 'Tenant',
    tenantTimezone: 'UTC',
    results,
    ...extra,
  };
}

describe('answers the SDK refuses', () => {
  it('a page of another tenant: ResponseMismatchError in every mode', async () => {
    for (const validate of ['strict', 'warn', 'off'] as const) {
      const { client: spy } = clientAnswering(() => json(listPage(2, { tenantId: uuid(9) })), { validate });
      const error = await listTenantInteractions(spy, { tenantId: TENANT }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseMismatchError);
      expect(error).toMatchObject({ code: 'other_tenant', pointer: '/tenantId', expected: TENANT });
    }
  });

  it('with contactId, a record of another contact: ResponseMismatchError naming where', async () => {
    const page = listPage(3);
    page.results[2] = { ...page.results[2]!, details: { ...page.results[2]!.details!, contactId: OTHER_CONTACT } };
    const { client: spy } = clientAnswering(() => json(page), { validate: 'off' });
    const error = await listTenantInteractions(spy, { tenantId: TENANT, contactId: CONTACT }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'other_contact', pointer: '/results/2/details/contactId' });
    // Without a contact asked for, the same page is the tenant's.
    expect((await listTenantInteractions(spy, { tenantId: TENANT })).results).toHaveLength(3);
    // A contact id in another case is the same contact.
    const upper = clientAnswering(() => json(listPage(1)), { validate: 'off' }).client;
    expect(
      (await listTenantInteractions(upper, { tenantId: TENANT, contactId: CONTACT.toUpperCase() })).results,
    ).toHaveLength(1);
  });

  it('a record outside the asked window: ResponseValidationError (strict), one warning (warn), taken (off)', async () => {
    const page = listPage(2);
    const first = Date.parse(page.results[0]!.startTimestamp!);
    const window = { startTimeRange: new Date(first - 1000), endTimeRange: new Date(first + 1000) };
    const strict = clientAnswering(() => json(page)).client;
    const error = await listTenantInteractions(strict, { tenantId: TENANT, ...window }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ pointer: '/results/1/startTimestamp' });
    const warnings: string[] = [];
    const warn = clientAnswering(() => json(page), { validate: 'warn', logger: { warn: (m) => warnings.push(m) } });
    expect((await listTenantInteractions(warn.client, { tenantId: TENANT, ...window })).results).toHaveLength(2);
    expect(warnings).toEqual([expect.stringMatching(/within the requested time range/)]);
    const off = clientAnswering(() => json(page), { validate: 'off' }).client;
    expect((await listTenantInteractions(off, { tenantId: TENANT, ...window })).results).toHaveLength(2);
    // A record starting exactly at the end is taken: whether the end is inclusive is the spec's call.
    const atEnd = { startTimeRange: new Date(first - 60_000), endTimeRange: new Date(first) };
    const tail = listPage(1);
    const ends = clientAnswering(() => json(tail)).client;
    expect((await listTenantInteractions(ends, { tenantId: TENANT, ...atEnd })).results).toHaveLength(1);
  });

  it('pages that do not add up end the walk with the history’s PaginationError', async () => {
    // Page 0 says 25 in all, page 1 comes back empty: a short page before the end.
    const { client: spy } = clientAnswering((request) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      return json(page === 0 ? listPage(10, { total: 25 }) : listPage(0, { page, offset: page * 10, total: 25 }));
    });
    const error = await collect(iterateTenantInteractions(spy, { tenantId: TENANT, pageSize: 10 })).catch((e) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ code: 'short_page', page: 1 });
  });

  it('a server that serves smaller pages than asked is taken at its word, with one warning', async () => {
    const warnings: string[] = [];
    const { client: spy } = clientAnswering(
      (request) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        const count = Math.min(4, Math.max(0, 10 - page * 4));
        return json(listPage(count, { page, limit: 4, offset: page * 4, total: 10 }, page * 4));
      },
      { logger: { warn: (m) => warnings.push(m) } },
    );
    const walked = await collect(iterateTenantInteractions(spy, { tenantId: TENANT, pageSize: 8 }));
    expect(walked).toHaveLength(10);
    expect(warnings).toEqual([expect.stringMatching(/serves pages of 4, not the 8 requested/)]);
  });
});
