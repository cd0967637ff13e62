// Property: for any client input, the SDK either throws InvalidInputError having sent nothing, or
// sends only requests whose URL and query sit inside the spec's bounds. Never anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spec } from '../../generated/spec.ts';
import { createInteractionsClient, InvalidInputError } from '../../src/index.ts';
import { generateInteractions, operationPath } from '../../src/testing/index.ts';

const limitBounds = spec.operations.listContactInteractions.parameters.limit.schema;
const pageBounds = spec.operations.listContactInteractions.parameters.page.schema;
// JSON Schema's `format: uuid` (RFC 4122 string form), the format the spec gives both path ids.
const uuidPattern = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const isUuidParam = (name: 'tenantId' | 'contactId') =>
  spec.operations.listContactInteractions.parameters[name].schema.format === 'uuid';

const historySize = 23;
const history = generateInteractions(historySize, 7);

/** A well-behaved server in a function: answers any in-bounds page of a 23-item history. */
function countingFetch() {
  const urls: URL[] = [];
  const fetchImpl = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    urls.push(url);
    const limit = Number(url.searchParams.get('limit') ?? limitBounds.default);
    const pageText = url.searchParams.get('page');
    const page = Number(pageText ?? pageBounds.default);
    const offset = page * limit;
    const body = {
      page: pageText === null ? null : page,
      limit,
      offset,
      total: historySize,
      results: history.slice(offset, offset + limit),
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { urls, fetch: fetchImpl as typeof fetch };
}

const validUuid = fc.uuid();
const anyId = fc.oneof(
  { weight: 40, arbitrary: validUuid },
  { weight: 1, arbitrary: validUuid.map((u) => u.toUpperCase()) },
  { weight: 1, arbitrary: validUuid.map((u) => `${u}/../x`) },
  { weight: 1, arbitrary: validUuid.map((u) => u.slice(1)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', '../../admin', '%2e%2e', 'a?b=c#d', '00000000-0000-0000-0000-00000000000g'),
  },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, 42, {}) },
);
const anyNumber = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 130 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, 1e21, 0.5) },
  { weight: 1, arbitrary: fc.constantFrom('5', '', null, true, [], undefined) },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
/** Mostly valid values, so that both outcomes (refused, sent) are well covered. */
const biased = <T, U>(valid: fc.Arbitrary<T>, chaotic: fc.Arbitrary<U>) =>
  fc.oneof(
    { weight: 15, arbitrary: valid as fc.Arbitrary<T | U> },
    { weight: 1, arbitrary: chaotic as fc.Arbitrary<T | U> },
  );
const timer = biased(fc.integer({ min: 1, max: 60_000 }), anyNumber);
const count = (min: number, max: number) => biased(fc.integer({ min, max }), anyNumber);
const rarely = biased(fc.constant(false), fc.constant(true));
const baseUrlArb = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      'http://127.0.0.1:4010',
      'http://127.0.0.1:4010/v1',
      'http://localhost:8080/v1/',
      'https://api.example.test/v1',
      'http://[::1]:9/v1',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'http://api.example.test/v1',
      'ftp://127.0.0.1/v1',
      'not a url',
      '',
      'http://user:pw@127.0.0.1/v1',
      'http://127.0.0.1/v1?x=1',
      'https://h.test/v1#frag',
    ),
  },
  { weight: 1, arbitrary: fc.webUrl() },
  { weight: 1, arbitrary: fc.string() },
);
const optionsArb = fc.record(
  {
    region: biased(fc.constantFrom(...(Object.keys(spec.regions) as string[])), fc.constantFrom('ap-south-1', '')),
    baseUrl: baseUrlArb,
    allowInsecureHttp: fc.boolean(),
    timeoutMs: timer,
    deadlineMs: timer,
    maxRetries: count(0, 5),
    maxRetryAfterMs: biased(fc.integer({ min: 0, max: 60_000 }), anyNumber),
    validate: biased(fc.constantFrom('off', 'warn', 'strict'), fc.constantFrom('loose', '', 'STRICT')),
  },
  { requiredKeys: [] },
);
const callArb = fc.oneof(
  fc.record({
    kind: fc.constant('list' as const),
    tenantId: anyId,
    contactId: anyId,
    limit: maybe(count(1, 100)),
    page: maybe(count(0, 5)),
    extra: rarely,
  }),
  fc.record({
    kind: fc.constantFrom('items' as const, 'pages' as const),
    tenantId: anyId,
    contactId: anyId,
    pageSize: maybe(count(1, 100)),
    last: maybe(count(0, 60)),
    concurrency: maybe(count(1, 8)),
    extra: rarely,
  }),
);

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const inLimit = (v: unknown) => isInt(v) && v >= limitBounds.minimum && v <= limitBounds.maximum;
// Timer options must fit a Node timer (setTimeout clamps anything above 2^31 − 1 ms to 1 ms).
const timerMs = (v: unknown) => typeof v === 'number' && v > 0 && v <= 2 ** 31 - 1;

type Options = typeof optionsArb extends fc.Arbitrary<infer T> ? T : never;
type Call = typeof callArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * Which inputs must be refused (the documented rules; bounds from the spec). `lenient` lists options
 * and iterator settings set to null, which the SDK may refuse or treat as omitted: both satisfy the
 * property. Nulls are removed from the inputs so the request check sees the defaults.
 */
function expectedInvalid(o: Options, call: Call): { bad: string[]; lenient: string[] } {
  const bad: string[] = [];
  const lenient: string[] = [];
  for (const [key, value] of Object.entries(o)) {
    if (value === null) {
      lenient.push(key);
      delete (o as Record<string, unknown>)[key];
    }
  }
  if (o.region !== undefined && !Object.hasOwn(spec.regions, o.region)) bad.push('region');
  if (o.baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(o.baseUrl);
    } catch {
      bad.push('baseUrl');
    }
    if (url) {
      const loopback = ['localhost', '[::1]'].includes(url.hostname) || /^127\./.test(url.hostname);
      if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash)
        bad.push('baseUrl');
      else if (url.protocol === 'http:' && !loopback && o.allowInsecureHttp !== true) bad.push('baseUrl');
    }
  }
  for (const key of ['timeoutMs', 'deadlineMs'] as const) if (o[key] !== undefined && !timerMs(o[key])) bad.push(key);
  if (
    o.maxRetryAfterMs !== undefined &&
    !(typeof o.maxRetryAfterMs === 'number' && Number.isFinite(o.maxRetryAfterMs) && o.maxRetryAfterMs >= 0)
  )
    bad.push('maxRetryAfterMs');
  if (o.maxRetries !== undefined && !(isInt(o.maxRetries) && o.maxRetries >= 0)) bad.push('maxRetries');
  if (o.validate !== undefined && !['off', 'warn', 'strict'].includes(o.validate)) bad.push('validate');
  for (const id of ['tenantId', 'contactId'] as const) {
    if (isUuidParam(id) && !(typeof call[id] === 'string' && uuidPattern.test(call[id]))) bad.push(id);
  }
  if (call.extra) bad.push('unknownParam');
  if (call.kind === 'list') {
    if (call.limit !== undefined && !inLimit(call.limit)) bad.push('limit');
    if (call.page !== undefined && !(isInt(call.page) && call.page >= pageBounds.minimum)) bad.push('page');
  } else {
    for (const key of ['pageSize', 'last', 'concurrency'] as const) {
      if (call[key] === null) {
        lenient.push(key);
        call[key] = undefined;
      }
    }
    if (call.pageSize !== undefined && !inLimit(call.pageSize)) bad.push('pageSize');
    if (call.last !== undefined && !(isInt(call.last) && call.last >= 0)) bad.push('last');
    if (call.concurrency !== undefined && !(isInt(call.concurrency) && call.concurrency >= 1)) bad.push('concurrency');
  }
  return { bad, lenient };
}

function expectedBase(o: Options): string {
  if (o.baseUrl === undefined) return spec.regions[(o.region ?? spec.defaultRegion) as keyof typeof spec.regions];
  const url = new URL(o.baseUrl);
  return `${url.origin}${url.pathname.replace(/\/{2,}/g, '/').replace(/\/$/, '')}`;
}

/** Every request must be the spec's path under the base URL, with only in-bounds query values. */
function checkRequest(url: URL, o: Options, call: Call): void {
  // Ids are sent in their normal form: lower-case (the spec's uuid format takes either case).
  const ids = { tenantId: String(call.tenantId).toLowerCase(), contactId: String(call.contactId).toLowerCase() };
  const path = operationPath('listContactInteractions', ids);
  expect(`${url.origin}${url.pathname}`).toBe(`${expectedBase(o)}${path}`);
  for (const key of url.searchParams.keys()) expect(['limit', 'page']).toContain(key);
  const limit = url.searchParams.get('limit');
  const page = url.searchParams.get('page');
  if (limit !== null) expect(inLimit(Number(limit)) && String(Number(limit)) === limit).toBe(true);
  if (page !== null)
    expect(isInt(Number(page)) && Number(page) >= pageBounds.minimum && String(Number(page)) === page).toBe(true);
  if (call.kind === 'list') {
    expect(limit).toBe(call.limit === undefined ? null : String(call.limit));
    expect(page).toBe(call.page === undefined ? null : String(Object.is(call.page, -0) ? 0 : call.page));
  } else {
    expect(limit).toBe(String(call.pageSize ?? limitBounds.maximum));
    expect(page).not.toBeNull();
  }
}

async function run(o: Options, call: Call, fetchImpl: typeof fetch): Promise<void> {
  const client = createInteractionsClient({
    ...o,
    auth: { token: 'property-token' },
    fetch: fetchImpl,
    logger: { warn: () => {} },
  } as never);
  const extra = call.extra ? { unexpected: 1 } : {};
  if (call.kind === 'list') {
    await client.listInteractions({
      tenantId: call.tenantId,
      contactId: call.contactId,
      limit: call.limit,
      page: call.page,
      ...extra,
    } as never);
    return;
  }
  const params = {
    tenantId: call.tenantId,
    contactId: call.contactId,
    pageSize: call.pageSize,
    last: call.last,
    concurrency: call.concurrency,
    ...extra,
  } as never;
  if (call.kind === 'items') for await (const _ of client.iterateInteractions(params));
  else for await (const _ of client.iteratePages(params));
}

describe('arbitrary client inputs', () => {
  it('end in InvalidInputError with zero requests, or only in-bounds requests', async () => {
    let refused = 0;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(optionsArb, callArb, async (options, call) => {
        const counter = countingFetch();
        let error: unknown;
        try {
          await run(options, call, counter.fetch);
        } catch (err) {
          error = err;
        }
        const { bad, lenient } = expectedInvalid(options, call);
        const refusable = [...bad, ...lenient, ...(call.extra ? ['unexpected'] : [])];
        if (bad.length || (lenient.length && error !== undefined)) {
          expect(error).toBeInstanceOf(InvalidInputError);
          expect(counter.urls).toHaveLength(0);
          expect(refusable).toContain((error as InvalidInputError).param);
          refused++;
        } else {
          expect(error).toBeUndefined();
          for (const url of counter.urls) checkRequest(url, options, call);
          sent += counter.urls.length;
        }
      }),
      { numRuns: 10_000, seed: 20240601 },
    );
    console.log(
      `inputs property: 10000 cases, ${refused} refused with InvalidInputError, ${sent} requests sent by the rest`,
    );
    expect(refused).toBeGreaterThan(1_000);
    expect(sent).toBeGreaterThan(1_000);
  });
});
