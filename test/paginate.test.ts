import { describe, expect, it } from 'vitest';
import { spec } from '../generated/spec.js';
import {
  createInteractionsClient,
  type Interaction,
  InvalidInputError,
  type IterateParams,
  PaginationError,
  ResponseValidationError,
} from '../src/index.js';
import { dedupeWindow, pageBound } from '../src/paginate.js';
import { CONTACT, interaction, json, seeded, TENANT } from './helpers.js';

const LIMIT = spec.operations.listContactInteractions.parameters.limit.schema;

interface Served {
  page: number;
  limit: number;
  signal: AbortSignal;
  done: boolean;
}

/**
 * An in-memory "last N" endpoint: items newest first. In manual mode each request waits until the test
 * releases it, and the list is read at release time (so inserts between requests shift later pages).
 */
function fakeServer(count: number, options: { manual?: boolean; afterServe?: (server: FakeServer) => void } = {}) {
  let lastId = count;
  const items: Interaction[] = Array.from({ length: count }, (_, i) => interaction(count - i));
  const original = items.map((i) => i.interactionId);
  const requests: Served[] = [];
  const pending: Array<{ served: Served; release: () => void }> = [];
  const completed: number[] = [];

  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const request = input as Request;
    const url = new URL(request.url);
    const served: Served = {
      page: Number(url.searchParams.get('page') ?? 0),
      limit: Number(url.searchParams.get('limit') ?? LIMIT.default),
      signal: request.signal,
      done: false,
    };
    requests.push(served);
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(request.signal.reason);
      if (request.signal.aborted) return onAbort();
      request.signal.addEventListener('abort', onAbort, { once: true });
      if (options.manual) pending.push({ served, release: resolve });
      else resolve();
    });
    const { page, limit } = served;
    const body = {
      page,
      limit,
      offset: page * limit,
      total: items.length,
      results: items.slice(page * limit, (page + 1) * limit),
    };
    served.done = true;
    completed.push(page);
    options.afterServe?.(server);
    return json(body);
  };

  const server = {
    items,
    original,
    requests,
    pending,
    completed,
    fetch: fetch as typeof globalThis.fetch,
    insertFront(n: number) {
      for (let i = 0; i < n; i++) items.unshift(interaction(++lastId));
    },
    /** Releases the pending request at `index` of `pending`. */
    release(index: number) {
      const [entry] = pending.splice(index, 1);
      entry!.release();
    },
    inFlight: () => requests.filter((r) => !r.done && !r.signal.aborted).length,
  };
  return server;
}
type FakeServer = ReturnType<typeof fakeServer>;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function clientFor(server: FakeServer) {
  return createInteractionsClient({ auth: { token: 'test-token-0123456789' }, fetch: server.fetch, maxRetries: 0 });
}

async function collect(iterable: AsyncIterable<Interaction>): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of iterable) ids.push(item.interactionId);
  return ids;
}

/** Runs a manual server to the end, releasing pending requests with `pick` (an index into `pending`). */
async function drive<T>(
  server: FakeServer,
  run: Promise<T>,
  pick: (pending: number) => number,
): Promise<{ result: T; maxInFlight: number }> {
  let finished = false;
  let maxInFlight = 0;
  const settled = run.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  void settled.finally(() => (finished = true));
  while (!finished) {
    await tick();
    maxInFlight = Math.max(maxInFlight, server.inFlight());
    if (server.pending.length) server.release(pick(server.pending.length));
  }
  const outcome = await settled;
  if ('error' in outcome) throw outcome.error;
  return { result: outcome.value, maxInFlight };
}

const base = { tenantId: TENANT, contactId: CONTACT } satisfies IterateParams;

describe('iterateInteractions', () => {
  it('walks every page in order with pageSize defaulting to the spec maximum', async () => {
    const server = fakeServer(2 * LIMIT.maximum + Math.ceil(LIMIT.maximum / 2));
    const ids = await collect(clientFor(server).iterateInteractions(base));
    expect(ids).toEqual(server.original);
    expect(server.requests.map((r) => [r.page, r.limit])).toEqual([
      [0, LIMIT.maximum],
      [1, LIMIT.maximum],
      [2, LIMIT.maximum],
    ]);
  });

  it('an empty list costs one request', async () => {
    const server = fakeServer(0);
    expect(await collect(clientFor(server).iterateInteractions(base))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('an exact multiple of pageSize needs no extra request', async () => {
    const server = fakeServer(200);
    expect(await collect(clientFor(server).iterateInteractions(base))).toHaveLength(200);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    { last: 250, pageSize: 100, requests: 3 },
    { last: 5, pageSize: 100, requests: 1 },
    { last: 100, pageSize: 100, requests: 1 },
    { last: 101, pageSize: 100, requests: 2 },
    { last: 250, pageSize: 50, requests: 5 },
    { last: 5000, pageSize: 100, requests: 10 },
  ])('last: $last with pageSize $pageSize costs $requests requests', async ({ last, pageSize, requests }) => {
    const server = fakeServer(1000);
    const ids = await collect(clientFor(server).iterateInteractions({ ...base, last, pageSize }));
    expect(ids).toEqual(server.original.slice(0, last));
    expect(server.requests).toHaveLength(requests);
    expect(server.requests.every((r) => r.limit === pageSize)).toBe(true);
  });

  it('last: 0 sends nothing', async () => {
    const server = fakeServer(10);
    expect(await collect(clientFor(server).iterateInteractions({ ...base, last: 0 }))).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('last with concurrency still costs ceil(last / pageSize) requests', async () => {
    const server = fakeServer(1000);
    const ids = await collect(clientFor(server).iterateInteractions({ ...base, last: 250, concurrency: 4 }));
    expect(ids).toHaveLength(250);
    expect(server.requests).toHaveLength(3);
  });

  it('shifting pages: items inserted at the front during the walk lose nothing and duplicate nothing', async () => {
    const server = fakeServer(250, { afterServe: (s) => s.insertFront(60) });
    const ids = await collect(clientFor(server).iterateInteractions(base));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(server.original));
    // total grew 250 → 310 → 370 → 430 → 490: the walk went on to cover the growth.
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 2, 3, 4]);
  });

  it('a naive walk of the same shifting server would have lost items (the test is meaningful)', async () => {
    const server = fakeServer(250, { afterServe: (s) => s.insertFront(60) });
    const client = clientFor(server);
    const seen = new Set<string>();
    for (let p = 0; p < 3; p++) {
      for (const item of (await client.listInteractions({ ...base, limit: 100, page: p })).results)
        seen.add(item.interactionId);
    }
    expect(server.original.filter((id) => !seen.has(id)).length).toBeGreaterThan(0);
  });

  it.each([1, 4])(
    'dedupe remembers a window, not every id: a duplicate displaced far beyond a page and the fixed window is still dropped (concurrency %i)',
    async (concurrency) => {
      // 12 000 items; once page 1 is served, 11 000 are inserted at the front (less than doubling, so
      // within the page bound). Pages 0 and 1 then reappear 11 000 places later, after about 10 800
      // other ids: more than the window holds without the growth of total.
      const inserted = 11_000;
      let served = 0;
      const server = fakeServer(12_000, { afterServe: (s) => void (++served === 2 && s.insertFront(inserted)) });
      const displacedAfter = inserted - 2 * 100;
      expect(dedupeWindow(100, concurrency, 0)).toBeLessThan(displacedAfter);
      const ids = await collect(clientFor(server).iterateInteractions({ ...base, concurrency }));
      const unique = new Set(ids);
      expect(unique.size).toBe(ids.length);
      expect(server.original.filter((id) => !unique.has(id))).toEqual([]);
      // The first 200 ids really were served twice, far apart.
      const pagesServed = server.requests.filter((r) => r.done).length;
      expect(pagesServed * 100).toBeGreaterThanOrEqual(12_000 + inserted);
    },
  );

  it('dedupe forgets ids beyond the window on an honest walk (memory stays bounded)', async () => {
    // A server that repeats page 0 forever after the window has passed: the repeat is yielded again,
    // which shows old ids are dropped from memory (an unchanged total means nothing can be displaced).
    const window = dedupeWindow(100, 1, 0);
    const pages = Math.ceil(window / 100) + 3;
    const total = (pages + 1) * 100;
    const at = (p: number) => Array.from({ length: 100 }, (_, i) => interaction(p * 100 + i + 1));
    const fetch = async (input: RequestInfo | URL) => {
      const p = Number(new URL((input as Request).url).searchParams.get('page'));
      return json({ page: p, limit: 100, offset: p * 100, total, results: at(p === pages ? 0 : p) });
    };
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
      validate: 'off',
    });
    const ids = await collect(client.iterateInteractions(base));
    expect(ids).toHaveLength(total);
    expect(ids.slice(-100)).toEqual(ids.slice(0, 100));
  });

  it('concurrency: pages resolved out of order are still yielded in order, with at most k in flight', async () => {
    const server = fakeServer(750, { manual: true });
    const run = collect(clientFor(server).iterateInteractions({ ...base, concurrency: 3 }));
    const { result, maxInFlight } = await drive(server, run, (n) => n - 1); // always release the newest request
    expect(result).toEqual(server.original);
    expect(maxInFlight).toBe(3);
    expect(server.completed).not.toEqual([...server.completed].sort((a, b) => a - b));
    expect(server.requests.map((r) => r.page).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it.each([1, 2, 3, 4, 5])(
    'concurrency with inserts and random completion order (seed %i): no loss, no duplicates',
    async (seed) => {
      const random = seeded(seed);
      const server = fakeServer(430, { manual: true, afterServe: (s) => s.insertFront(Math.floor(random() * 12)) });
      const run = collect(clientFor(server).iterateInteractions({ ...base, pageSize: 50, concurrency: 4 }));
      const { result } = await drive(server, run, (n) => Math.floor(random() * n));
      expect(new Set(result).size).toBe(result.length);
      expect(result).toEqual(expect.arrayContaining(server.original));
    },
  );

  it('breaking out of the loop aborts requests in flight', async () => {
    const server = fakeServer(1000, { manual: true });
    const client = clientFor(server);
    const run = (async () => {
      for await (const _ of client.iterateInteractions({ ...base, concurrency: 3 })) break;
    })();
    while (server.pending.length === 0) await tick();
    server.release(0); // page 0
    await run;
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 2, 3]);
    expect(server.requests.slice(1).every((r) => r.signal.aborted)).toBe(true);
    await tick();
    expect(server.requests).toHaveLength(4);
  });

  it('with concurrency 1, breaking after the first page costs exactly one request', async () => {
    const server = fakeServer(1000);
    for await (const _ of clientFor(server).iterateInteractions(base)) break;
    expect(server.requests).toHaveLength(1);
  });

  it('a user abort rejects the loop with the signal reason and aborts requests in flight', async () => {
    const server = fakeServer(1000, { manual: true });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const client = clientFor(server);
    const ids: string[] = [];
    const run = (async () => {
      for await (const item of client.iterateInteractions({ ...base, concurrency: 2, signal: controller.signal })) {
        ids.push(item.interactionId);
        if (ids.length === 150) controller.abort(reason);
      }
    })().catch((e: unknown) => e);
    const { result } = await drive(server, run, () => 0);
    expect(result).toBe(reason);
    expect(ids).toHaveLength(150);
    expect(server.requests.filter((r) => !r.done).every((r) => r.signal.aborted)).toBe(true);
  });

  it('an already-aborted signal sends nothing', async () => {
    const server = fakeServer(10);
    const controller = new AbortController();
    controller.abort();
    await expect(
      collect(clientFor(server).iterateInteractions({ ...base, signal: controller.signal })),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(0);
  });

  it('a server that never ends is stopped by a bound derived from total', async () => {
    // Every request adds a full page at the front: total grows as fast as the walk reads.
    const server = fakeServer(250, { afterServe: (s) => s.insertFront(100) });
    const error = await collect(clientFor(server).iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: 'page_bound_exceeded' });
    expect((error as Error).message).toMatch(/total 250 at the start and \d+ now.*bound of 8 pages of 100/);
    expect(server.requests.length).toBeLessThanOrEqual(pageBound(250, 100) + 1);
  });

  function lyingServer(total: number, size: number) {
    let calls = 0;
    const fetch = async (input: RequestInfo | URL) => {
      calls++;
      const p = Number(new URL((input as Request).url).searchParams.get('page'));
      const count = Math.max(0, Math.min(100, size - p * 100));
      const results = Array.from({ length: count }, (_, i) => interaction(p * 100 + i + 1));
      return json({ page: p, limit: 100, offset: p * 100, total, results });
    };
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    return { client, calls: () => calls };
  }

  it('a server whose pages never end (total lies low) is stopped by the bound → PaginationError', async () => {
    const { client, calls } = lyingServer(150, Infinity);
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PaginationError', reason: 'page_bound_exceeded' });
    expect((error as Error).message).toMatch(/6 pages read.*bound of 6 pages of 100/);
    expect(calls()).toBe(pageBound(150, 100));
  });

  it('a total lying low on a list that does end: every item is still read', async () => {
    const { client, calls } = lyingServer(150, 230);
    expect(await collect(client.iterateInteractions(base))).toHaveLength(230);
    expect(calls()).toBe(3);
  });

  it('a total lying high: the short page ends the walk', async () => {
    const { client, calls } = lyingServer(900, 230);
    expect(await collect(client.iterateInteractions(base))).toHaveLength(230);
    expect(calls()).toBe(3);
  });

  it('items deleted mid-walk (total shrank) → PaginationError, after a re-check, never a duplicate', async () => {
    let served = 0;
    const server = fakeServer(250, { afterServe: (s) => void (++served === 1 && s.items.splice(0, 1)) });
    const ids: string[] = [];
    const error = await (async () => {
      for await (const item of clientFor(server).iterateInteractions(base)) ids.push(item.interactionId);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: 'total_shrank' });
    expect((error as Error).message).toMatch(/shrank \(from 250 to 249 at page 1\)/);
    expect(ids).toHaveLength(100);
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 1]);
  });

  it('dedupes by interactionId: a server ignoring `page` yields each item once', async () => {
    const results = Array.from({ length: 100 }, (_, i) => interaction(i + 1));
    let calls = 0;
    const fetch = async () => {
      calls++;
      return json({ page: 0, limit: 100, offset: 0, total: 300, results });
    };
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    const ids = await collect(client.iterateInteractions(base));
    expect(ids).toEqual(results.map((r) => r.interactionId));
    expect(calls).toBe(3);
  });

  it('dedupes within one page too', async () => {
    const fetch = async () =>
      json({ page: 0, limit: 100, offset: 0, total: 3, results: [interaction(1), interaction(1), interaction(2)] });
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    expect(await collect(client.iterateInteractions(base))).toHaveLength(2);
  });

  it('a page with more items than its limit is a ResponseValidationError in strict mode', async () => {
    const fetch = async () =>
      json({
        page: 0,
        limit: 100,
        offset: 0,
        total: 101,
        results: Array.from({ length: 101 }, (_, i) => interaction(i + 1)),
      });
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ pointer: '/results' });
  });
});

describe('iteratePages', () => {
  it('yields pages in order, each with only new results, cut at last', async () => {
    const server = fakeServer(250);
    const pages = [];
    for await (const p of clientFor(server).iteratePages({ ...base, pageSize: 100, last: 220 })) pages.push(p);
    expect(pages.map((p) => [p.page, p.results.length, p.total])).toEqual([
      [0, 100, 250],
      [1, 100, 250],
      [2, 20, 250],
    ]);
  });
});

describe('iterator parameters are checked before any request', () => {
  it.each<[string, Record<string, unknown>]>([
    ['pageSize', { pageSize: LIMIT.minimum - 1 }],
    ['pageSize', { pageSize: LIMIT.maximum + 1 }],
    ['pageSize', { pageSize: null }],
    ['last', { last: null }],
    ['concurrency', { concurrency: null }],
    ['pageSize', { pageSize: 2.5 }],
    ['pageSize', { pageSize: Infinity }],
    ['last', { last: -1 }],
    ['last', { last: 1.5 }],
    ['concurrency', { concurrency: 0 }],
    ['concurrency', { concurrency: NaN }],
    ['limit', { limit: 10 }],
    ['tenantId', { tenantId: '../x' }],
    ['signal', { signal: 'nope' }],
  ])('%s in %j', (param, bad) => {
    const server = fakeServer(10);
    expect(() => clientFor(server).iterateInteractions({ ...base, ...bad } as IterateParams)).toThrow(
      expect.objectContaining({ name: 'InvalidInputError', param }),
    );
    expect(() => clientFor(server).iteratePages({ ...base, ...bad } as IterateParams)).toThrow(InvalidInputError);
    expect(server.requests).toHaveLength(0);
  });

  it('undefined means omitted, for every optional parameter', async () => {
    const server = fakeServer(3);
    const params = { ...base, pageSize: undefined, last: undefined, concurrency: undefined, signal: undefined };
    expect(await collect(clientFor(server).iterateInteractions(params))).toEqual(server.original);
    expect(server.requests.map((r) => r.limit)).toEqual([LIMIT.maximum]);
  });
});

describe('a page the walk cannot rely on is a typed error in every validation mode, never a crash', () => {
  const { interactionId: _, ...noId } = interaction(2);
  it.each<[string, unknown, string]>([
    ['{}', {}, '/total'],
    ['null', null, ''],
    ['an array', [], ''],
    ['total missing', { page: 0, limit: 10, offset: 0, results: [] }, '/total'],
    ['total negative', { page: 0, limit: 10, offset: 0, total: -1, results: [] }, '/total'],
    ['total a string', { page: 0, limit: 10, offset: 0, total: '3', results: [] }, '/total'],
    ['results missing', { page: 0, limit: 10, offset: 0, total: 3 }, '/results'],
    ['results an object', { page: 0, limit: 10, offset: 0, total: 3, results: {} }, '/results'],
    ['a null result', { page: 0, limit: 10, offset: 0, total: 2, results: [interaction(1), null] }, '/results/1'],
    [
      'a result without interactionId',
      { page: 0, limit: 10, offset: 0, total: 2, results: [interaction(1), noId] },
      '/results/1/interactionId',
    ],
  ])('%s', async (_name, body, pointer) => {
    for (const validate of ['off', 'warn', 'strict'] as const) {
      const fetch = async () => json(body);
      const logger = { warn: () => {} };
      const client = createInteractionsClient({
        auth: { token: 'test-token-0123456789' },
        fetch: fetch as typeof globalThis.fetch,
        validate,
        logger,
      });
      const items = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
      const pages = await (async () => {
        for await (const _page of client.iteratePages(base));
      })().catch((e: unknown) => e);
      for (const error of [items, pages]) {
        expect(error, validate).toBeInstanceOf(ResponseValidationError);
        // strict reports the schema's first failure (e.g. /page for {}); the others, the walk's own check.
        if (validate !== 'strict') expect(error, validate).toMatchObject({ pointer });
      }
    }
  });

  it('a bad page after good ones (validate off) is a typed error too', async () => {
    const fetch = async (input: RequestInfo | URL) => {
      const p = Number(new URL((input as Request).url).searchParams.get('page'));
      return json(p === 0 ? { page: 0, limit: 2, offset: 0, total: 4, results: [interaction(1), interaction(2)] } : {});
    };
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
      validate: 'off',
    });
    const ids: string[] = [];
    const error = await (async () => {
      for await (const item of client.iterateInteractions({ ...base, pageSize: 2 })) ids.push(item.interactionId);
    })().catch((e: unknown) => e);
    expect(ids).toHaveLength(2);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ pointer: '/total' });
  });
});
