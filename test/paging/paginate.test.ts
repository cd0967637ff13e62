import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spec } from '../../generated/spec.js';
import {
  createInteractionsClient,
  type Interaction,
  type InteractionPage,
  InvalidInputError,
  type IterateParams,
  PaginationError,
  ResponseValidationError,
  TimeoutError,
} from '../../src/index.js';
import { dedupeWindow, PageAudit, pageBound } from '../../src/paging/page-audit.js';
import type { Walk } from '../../src/paging/paginate.js';
import { type FetchPage, type WalkChecks, walkPages } from '../../src/paging/paginate.js';
import { CONTACT, hangingFetch, interaction, json, seeded, TENANT } from '../helpers.js';

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
  // Generator indices: 0 is the newest at the start, and arrivals take the indices below the front's.
  let front = 0;
  const items: Interaction[] = Array.from({ length: count }, (_, i) => interaction(i));
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
      for (let i = 0; i < n; i++) items.unshift(interaction(--front));
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

/** `count` interactions, most recent first, each starting one second before the one before it. */
function distinctHistory(count: number): Interaction[] {
  const newest = Date.UTC(2024, 4, 1);
  return Array.from({ length: count }, (_, i) =>
    interaction(i + 1, { startTimestamp: new Date(newest - i * 1000).toISOString() }),
  );
}

/** Page `p` of `items` as an honest server answers it. */
function honestPage(items: readonly Interaction[], p: number, limit: number): InteractionPage {
  return { page: p, limit, offset: p * limit, total: items.length, results: items.slice(p * limit, (p + 1) * limit) };
}

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

  it('an exact multiple of pageSize: the full last page is confirmed by an empty one', async () => {
    const server = fakeServer(200);
    expect(await collect(clientFor(server).iterateInteractions(base))).toEqual(server.original);
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 2]);
  });

  it.each([
    { last: 250, pageSize: 100, requests: 3 },
    { last: 5, pageSize: 100, requests: 1 },
    { last: 100, pageSize: 100, requests: 1 },
    { last: 101, pageSize: 100, requests: 2 },
    { last: 250, pageSize: 50, requests: 5 },
    { last: 5000, pageSize: 100, requests: 11 }, // the tenth page is full: the eleventh confirms the end
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
    expect(ids).toEqual(server.original); // once each, in order, and none of the new arrivals
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
      expect(ids).toEqual(server.original);
      // The first 200 ids really were served twice, far apart.
      const pagesServed = server.requests.filter((r) => r.done).length;
      expect(pagesServed * 100).toBeGreaterThanOrEqual(12_000 + inserted);
    },
  );

  it('memory stays bounded: an honest 30 000-item walk remembers no more than the dedupe window', () => {
    const audit = new PageAudit({
      pageSize: 100,
      last: Infinity,
      concurrency: 1,
      maxPages: 1_000,
      order: 'strict',
      warn: () => {},
    });
    const items = distinctHistory(30_000);
    let most = 0;
    for (let p = 0; ; p++) {
      const { done } = audit.accept(p, honestPage(items, p, 100));
      most = Math.max(most, audit.remembered);
      if (done) break;
    }
    expect(audit.yielded).toBe(30_000);
    expect(most).toBeLessThanOrEqual(dedupeWindow(100, 1, 0) + 1); // + the one id of the oldest start
  });

  it('a repeat from beyond the dedupe window is still caught (strict: every id of the oldest start is kept)', async () => {
    // Every interaction starts at the same millisecond: the walk keeps every one of those ids, so a
    // server serving page 0 again, far beyond the window, is caught.
    const window = dedupeWindow(100, 1, 0);
    const pages = Math.ceil(window / 100) + 3;
    const total = (pages + 1) * 100;
    const startTimestamp = '2024-05-01T10:00:00.000Z';
    const at = (p: number) => Array.from({ length: 100 }, (_, i) => interaction(p * 100 + i + 1, { startTimestamp }));
    const fetch = async (input: RequestInfo | URL) => {
      const p = Number(new URL((input as Request).url).searchParams.get('page'));
      return json({ page: p, limit: 100, offset: p * 100, total, results: at(p === pages ? 0 : p) });
    };
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PaginationError', code: 'no_new_ids', page: pages, expected: 100, actual: 0 });
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
      expect(result).toEqual(server.original);
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
    expect(result).toMatchObject({ name: 'AbortedError', cause: reason });
    expect(ids).toHaveLength(150);
    expect(server.requests.filter((r) => !r.done).every((r) => r.signal.aborted)).toBe(true);
  });

  it('an already-aborted signal sends nothing', async () => {
    const server = fakeServer(10);
    const controller = new AbortController();
    controller.abort();
    await expect(
      collect(clientFor(server).iterateInteractions({ ...base, signal: controller.signal })),
    ).rejects.toMatchObject({ name: 'AbortedError', cause: { name: 'AbortError' } });
    expect(server.requests).toHaveLength(0);
  });

  it('a server that never ends is stopped by a bound derived from total', async () => {
    // Every request adds a full page at the front: total grows as fast as the walk reads.
    const server = fakeServer(250, { afterServe: (s) => s.insertFront(100) });
    const error = await collect(clientFor(server).iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    // total 250 + 100 per request: page 6 (total 850) needs 9 pages, beyond 2 × 3 + 2.
    expect(error).toMatchObject({ code: 'page_bound_exceeded', page: 6, expected: pageBound(250, 100), actual: 9 });
    expect((error as Error).message).toMatch(
      /^Pagination is unreliable \(page_bound_exceeded\): the walk does not end: 9 pages of 100 needed \(total 250 at the start, 850 now\), beyond the bound of 8/,
    );
    expect(server.requests).toHaveLength(7);
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

  it('a total lying low: the first page that runs past it is total_mismatch, never a short result', async () => {
    const { client, calls } = lyingServer(150, 230);
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'PaginationError',
      code: 'total_mismatch',
      page: 1,
      expected: 50,
      actual: 100,
    });
    expect(calls()).toBe(2);
  });

  it('a total lying low by whole pages: the empty page that must confirm the end is not empty', async () => {
    const { client } = lyingServer(200, 230);
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'total_mismatch', page: 2, expected: 0, actual: 30 });
  });

  it('a total lying high: the list ends short of it → ids_missing, never a normal end', async () => {
    const { client, calls } = lyingServer(300, 230);
    const ids: string[] = [];
    const error = await (async () => {
      for await (const item of client.iterateInteractions(base)) ids.push(item.interactionId);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ids_missing', page: 2, expected: 300, actual: 230 });
    expect((error as Error).message).toBe(
      'Pagination is unreliable (ids_missing): the list ends 70 ids short of its total of 300: the last page, 2, has 30 results where 100 remain',
    );
    expect(ids).toHaveLength(200); // what was yielded before the error is a partial list
    expect(calls()).toBe(3);
  });

  it('a total lying high by pages: an empty page before the last one → short_page', async () => {
    const { client } = lyingServer(900, 230);
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'short_page', page: 2, expected: 100, actual: 30 });
  });

  it('items deleted mid-walk (total shrank) → PaginationError, never a duplicate', async () => {
    let served = 0;
    const server = fakeServer(250, { afterServe: (s) => void (++served === 1 && s.items.splice(0, 1)) });
    const ids: string[] = [];
    const error = await (async () => {
      for await (const item of clientFor(server).iterateInteractions(base)) ids.push(item.interactionId);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ code: 'total_shrank', page: 1, expected: 250, actual: 249 });
    expect((error as Error).message).toMatch(/total shrank from 250 to 249 at page 1: items were deleted/);
    expect(ids).toHaveLength(100);
    expect(server.requests.map((r) => r.page)).toEqual([0, 1]); // one at a time: page 1 came after page 0
  });

  it('with concurrency, a gap is fetched once more (the page may be older than the one before) before it is judged', async () => {
    let served = 0;
    const server = fakeServer(250, { afterServe: (s) => void (++served === 1 && s.items.splice(0, 1)) });
    const error = await collect(clientFor(server).iterateInteractions({ ...base, concurrency: 2 })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'total_shrank', page: 1 });
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 2, 1]);
  });

  it('a shrink that cannot have skipped anything is not an error: the list had outgrown the walk', async () => {
    // +150 after page 0, so page 1 holds only new arrivals and ids already yielded; then 30 of the
    // new arrivals are deleted: total falls from 400 to 370, still ahead of what the walk has read.
    let served = 0;
    const server = fakeServer(250, {
      afterServe: (s) => {
        served++;
        if (served === 1) s.insertFront(150);
        if (served === 2) s.items.splice(0, 30);
      },
    });
    expect(await collect(clientFor(server).iterateInteractions(base))).toEqual(server.original);
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 2, 3]);
  });

  it('a server ignoring `page` (page 0 every time) → page_mismatch on page 1', async () => {
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
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'page_mismatch', page: 1, expected: 1, actual: 0 });
    expect(calls).toBe(2);
  });

  it('the same page under every page number, with echoes to match → no_new_ids', async () => {
    const results = Array.from({ length: 100 }, (_, i) => interaction(i + 1));
    const fetch = async (input: RequestInfo | URL) => {
      const p = Number(new URL((input as Request).url).searchParams.get('page'));
      return json({ page: p, limit: 100, offset: p * 100, total: 300, results });
    };
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'no_new_ids', page: 1, expected: 100, actual: 0 });
  });

  it('an id twice within one page → duplicate_ids', async () => {
    const fetch = async () =>
      json({ page: 0, limit: 100, offset: 0, total: 3, results: [interaction(1), interaction(1), interaction(2)] });
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'duplicate_ids', page: 0 });
    expect((error as Error).message).toBe(
      `Pagination is unreliable (duplicate_ids): page 0 holds id ${interaction(1).interactionId} twice`,
    );
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
    ['maxPages', { maxPages: 0 }],
    ['maxPages', { maxPages: 1.5 }],
    ['maxPages', { maxPages: null }],
    ['maxPages', { maxPages: Infinity }],
    ['deadlineMs', { deadlineMs: 0 }],
    ['deadlineMs', { deadlineMs: -5 }],
    ['deadlineMs', { deadlineMs: NaN }],
    ['deadlineMs', { deadlineMs: 2 ** 31 }],
    ['deadlineMs', { deadlineMs: '1000' }],
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
    const params = {
      ...base,
      pageSize: undefined,
      last: undefined,
      concurrency: undefined,
      maxPages: undefined,
      deadlineMs: undefined,
      signal: undefined,
    };
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

// walkPages is exported and its rules are the SDK's promise: tested here without the client.
describe('walkPages: every page is checked against its request and the pages before it', () => {
  const items = distinctHistory(1000);
  type WalkRun = Walk & WalkChecks;
  const walkOf = (overrides: Partial<WalkRun> = {}): WalkRun => ({
    tenantId: TENANT,
    contactId: CONTACT,
    signal: undefined,
    pageSize: 100,
    last: Infinity,
    concurrency: 1,
    maxPages: 100_000,
    deadlineMs: Infinity,
    order: 'strict',
    logger: { warn: () => {} },
    ...overrides,
  });

  /** An honest server over `items`, with `change` applied to the page it would answer. */
  function server(change: (page: InteractionPage, p: number, limit: number) => InteractionPage = (page) => page) {
    const requests: Array<[number, number]> = [];
    const fetchPage: FetchPage = async (p, limit) => {
      requests.push([p, limit]);
      return change(honestPage(items, p, limit), p, limit);
    };
    return { fetchPage, requests };
  }

  async function run(fetchPage: FetchPage, walk: WalkRun = walkOf()) {
    const ids: string[] = [];
    try {
      for await (const page of walkPages(fetchPage, walk, walk)) ids.push(...page.results.map((r) => r.interactionId));
      return { ids, error: undefined };
    } catch (error) {
      return { ids, error };
    }
  }

  it('an honest server: every id once, in order, and a normal end', async () => {
    const { fetchPage, requests } = server();
    const { ids, error } = await run(fetchPage);
    expect(error).toBeUndefined();
    expect(ids).toEqual(items.map((i) => i.interactionId));
    expect(requests).toHaveLength(11); // ten full pages, and the empty one that confirms the end
  });

  it.each<[string, (page: InteractionPage, p: number) => InteractionPage, object]>([
    [
      'an empty page in the middle',
      (page, p) => (p === 3 ? { ...page, results: [] } : page),
      { code: 'short_page', page: 3, expected: 100, actual: 0 },
    ],
    [
      'a short page in the middle',
      (page, p) => (p === 2 ? { ...page, results: page.results.slice(0, 60) } : page),
      { code: 'short_page', page: 2, expected: 100, actual: 60 },
    ],
    [
      'the last page short',
      (page, p) => (p === 9 ? { ...page, results: page.results.slice(0, 99) } : page),
      { code: 'ids_missing', page: 9, expected: 1000, actual: 999 },
    ],
    [
      'a page with more than its page size',
      (page, p) => (p === 1 ? { ...page, results: items.slice(100, 201) } : page),
      { code: 'oversized_page', page: 1, expected: 100, actual: 101 },
    ],
    [
      'a page echo that does not match',
      (page, p) => (p === 2 ? { ...page, page: 7 } : page),
      { code: 'page_mismatch', page: 2, expected: 2, actual: 7 },
    ],
    [
      'an offset that does not match',
      (page, p) => (p === 4 ? { ...page, offset: 399 } : page),
      { code: 'offset_mismatch', page: 4, expected: 400, actual: 399 },
    ],
    [
      'a larger limit echoed on page 0',
      (page) => ({ ...page, limit: 101 }),
      { code: 'page_size_mismatch', page: 0, expected: 100, actual: 101 },
    ],
    [
      'a smaller limit echoed after page 0',
      (page, p) => (p === 1 ? { ...page, limit: 50, offset: 50 } : page),
      { code: 'page_size_mismatch', page: 1, expected: 100, actual: 50 },
    ],
    [
      'a smaller limit on page 0 with an offset that disagrees',
      (page) => ({ ...page, limit: 50, offset: 50 }),
      { code: 'offset_mismatch', page: 0, expected: 0, actual: 50 },
    ],
    [
      'one id of page 0 again on page 1',
      (page, p) => (p === 1 ? { ...page, results: [items[5]!, ...page.results.slice(1)] } : page),
      { code: 'duplicate_ids', page: 1, expected: 0, actual: 1 },
    ],
    [
      'page 1 again as page 2',
      (page, p) => (p === 2 ? { ...page, results: items.slice(100, 200) } : page),
      { code: 'no_new_ids', page: 2, expected: 100, actual: 0 },
    ],
    [
      'a total that claims growth the pages do not show',
      (page, p) => (p >= 2 ? { ...page, total: 1010 } : page),
      { code: 'overlap_mismatch', page: 2, expected: 10, actual: 0 },
    ],
    [
      'a total that shrinks',
      (page, p) => (p === 3 ? { ...page, total: 990 } : page),
      { code: 'total_shrank', page: 3, expected: 1000, actual: 990 },
    ],
    [
      'a total lower than the results',
      (page, p) => (p === 5 ? { ...page, total: 540 } : page),
      { code: 'total_mismatch', page: 5, expected: 40, actual: 100 },
    ],
    [
      'oldest first within a page',
      (page, p) => (p === 1 ? { ...page, results: [...page.results].reverse() } : page),
      { code: 'out_of_order', page: 1, expected: null, actual: null },
    ],
    [
      'a page newer than the one before',
      (page, p) =>
        p === 1
          ? { ...page, results: page.results.map((r) => ({ ...r, startTimestamp: '2030-01-01T00:00:00.000Z' })) }
          : page,
      { code: 'out_of_order', page: 1 },
    ],
  ])('%s → PaginationError, never a normal end', async (_name, change, expected) => {
    const { fetchPage } = server(change);
    const { ids, error } = await run(fetchPage);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject(expected);
    const message = (error as Error).message;
    expect(message).toMatch(/^Pagination is unreliable \([a-z_]+\): [^\n]+$/); // one line, naming the code
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThan(items.length);
  });

  it('a message never prints a raw server string: an id that is not a plain token is not shown', async () => {
    const odd = interaction(1, { interactionId: `x\n<script>${'a'.repeat(200)}` });
    const fetchPage: FetchPage = async (p, limit) => ({ page: p, limit, offset: 0, total: 2, results: [odd, odd] });
    const { error } = await run(fetchPage, walkOf({ order: 'off' }));
    expect(error).toMatchObject({ code: 'duplicate_ids', page: 0 });
    expect((error as Error).message).toBe(
      'Pagination is unreliable (duplicate_ids): page 0 holds an id (not shown: not a plain token) twice',
    );
  });

  it('`page: null` (as when no page is sent) is accepted: the offset still pins the page', async () => {
    const { fetchPage } = server((page) => ({ ...page, page: null }));
    expect((await run(fetchPage)).ids).toHaveLength(1000);
  });

  it('a server serving pages of 50 when asked for 100 (and saying so): the walk re-plans with 50, with one warning', async () => {
    const warn = vi.fn();
    const { fetchPage, requests } = server((_page, p, limit) => honestPage(items, p, Math.min(limit, 50)));
    const { ids, error } = await run(fetchPage, walkOf({ logger: { warn } }));
    expect(error).toBeUndefined();
    expect(ids).toEqual(items.map((i) => i.interactionId));
    expect(requests[0]).toEqual([0, 100]);
    expect(requests.slice(1).every(([, limit]) => limit === 50)).toBe(true);
    expect(requests).toHaveLength(21);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(
      'cxengage: the server serves pages of 50, not the 100 requested: the walk goes on with pages of 50',
    );
  });

  it('a server serving 50 while echoing the 100 asked for → short_page on page 0', async () => {
    const { fetchPage } = server((page) => ({ ...page, results: page.results.slice(0, 50) }));
    expect((await run(fetchPage)).error).toMatchObject({ code: 'short_page', page: 0, expected: 100, actual: 50 });
  });

  it('order, validate warn: one warning for the walk, and the walk goes on', async () => {
    const warn = vi.fn();
    const { fetchPage } = server((page) => ({ ...page, results: [...page.results].reverse() }));
    const { ids, error } = await run(fetchPage, walkOf({ order: 'warn', logger: { warn } }));
    expect(error).toBeUndefined();
    expect(ids).toHaveLength(1000);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(
      /^cxengage: page 0 is not most recent first: result 1 starts later than the result before it/,
    );
  });

  it('order, validate off: not checked', async () => {
    const warn = vi.fn();
    const { fetchPage } = server((page) => ({ ...page, results: [...page.results].reverse() }));
    expect((await run(fetchPage, walkOf({ order: 'off', logger: { warn } }))).ids).toHaveLength(1000);
    expect(warn).not.toHaveBeenCalled();
  });

  it('equal start times are in order (ties allowed)', async () => {
    const tied = items.map((i) => ({ ...i, startTimestamp: items[0]!.startTimestamp }));
    const fetchPage: FetchPage = async (p, limit) => honestPage(tied, p, limit);
    expect((await run(fetchPage)).ids).toHaveLength(1000);
  });
});

describe('every walk is bounded', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a total of 2^53 − 1 with full pages: max_pages_exceeded after one request, by default', async () => {
    let calls = 0;
    const fetch = async (input: RequestInfo | URL) => {
      calls++;
      const p = Number(new URL((input as Request).url).searchParams.get('page'));
      return json({
        page: p,
        limit: 100,
        offset: p * 100,
        total: Number.MAX_SAFE_INTEGER,
        results: Array.from({ length: 100 }, (_, i) => interaction(p * 100 + i + 1)),
      });
    };
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    const error = await collect(client.iterateInteractions(base)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'max_pages_exceeded',
      page: 0,
      expected: 100_000,
      actual: Math.floor(Number.MAX_SAFE_INTEGER / 100) + 1,
    });
    expect(calls).toBe(1);
    // `last` needs three pages whatever the total says.
    expect(await collect(client.iterateInteractions({ ...base, last: 250 }))).toHaveLength(250);
  });

  it('maxPages: a walk that needs more pages throws max_pages_exceeded, having read only what it may', async () => {
    const server = fakeServer(1000);
    const error = await collect(clientFor(server).iterateInteractions({ ...base, maxPages: 5 })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'max_pages_exceeded', page: 0, expected: 5, actual: 11 });
    expect(server.requests).toHaveLength(1);
    // Enough pages: the walk ends normally (ten full pages and the confirming empty one).
    expect(await collect(clientFor(fakeServer(1000)).iterateInteractions({ ...base, maxPages: 11 }))).toHaveLength(
      1000,
    );
  });

  it('maxPages also stops a list that grows past it during the walk', async () => {
    const server = fakeServer(250, { afterServe: (s) => s.insertFront(50) });
    const error = await collect(clientFor(server).iterateInteractions({ ...base, maxPages: 4 })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'max_pages_exceeded', expected: 4 });
    expect(server.requests.length).toBeLessThanOrEqual(4);
  });

  it('deadlineMs covers the whole walk: TimeoutError with scope walk, and requests in flight are aborted', async () => {
    vi.useFakeTimers();
    const hanging = hangingFetch();
    let served = 0;
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (served++ === 0) return Promise.resolve(json(honestPage(distinctHistory(300), 0, 100)));
      return hanging.fetch(input, init);
    };
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    const run = collect(client.iterateInteractions({ ...base, deadlineMs: 5_000 })).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(hanging.requests).toHaveLength(1);
    expect(hanging.requests[0]!.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await run;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      scope: 'walk',
      timeoutMs: 5_000,
      message: "The walk over pages exceeded its deadline of 5000 ms (the iterator's deadlineMs)",
    });
    expect(hanging.requests[0]!.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0); // every timer (the walk's, the attempt's) was cleared
  });

  it('deadlineMs: a consumer slower than the deadline gets the TimeoutError on its next page', async () => {
    vi.useFakeTimers();
    const server = fakeServer(300);
    const pages = clientFor(server).iteratePages({ ...base, deadlineMs: 1_000 });
    expect((await pages.next()).value).toMatchObject({ page: 0 });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(pages.next()).rejects.toMatchObject({ name: 'TimeoutError', scope: 'walk' });
    expect(server.requests).toHaveLength(1);
  });

  it('a walk that ends in time leaves no timer behind', async () => {
    vi.useFakeTimers();
    expect(await collect(clientFor(fakeServer(150)).iterateInteractions({ ...base, deadlineMs: 60_000 }))).toHaveLength(
      150,
    );
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("the caller's signal keeps no listener", () => {
  it('a 2 000-page walk with a caller signal: no MaxListenersExceededWarning, and no listener left', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const pages = 2_000;
      const fetch = async (input: RequestInfo | URL) => {
        const p = Number(new URL((input as Request).url).searchParams.get('page'));
        return json({ page: p, limit: 1, offset: p, total: pages, results: p < pages ? [interaction(p + 1)] : [] });
      };
      const client = createInteractionsClient({
        auth: { token: 'test-token-0123456789' },
        fetch: fetch as typeof globalThis.fetch,
        validate: 'off',
      });
      const controller = new AbortController();
      let count = 0;
      let during = 0;
      for await (const _ of client.iterateInteractions({ ...base, pageSize: 1, signal: controller.signal })) {
        if (++count === pages / 2) during = getEventListeners(controller.signal, 'abort').length;
      }
      expect(count).toBe(pages);
      expect(during).toBe(1); // the walk's own link, for as long as it runs
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      await new Promise<void>((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it("a walk with 32 pages in flight: one listener on the caller's signal, no MaxListenersExceededWarning", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const pages = 200;
      let inFlight = 0;
      let mostInFlight = 0;
      const fetch = async (input: RequestInfo | URL) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise<void>((resolve) => setImmediate(resolve));
        inFlight--;
        const p = Number(new URL((input as Request).url).searchParams.get('page'));
        return json({ page: p, limit: 1, offset: p, total: pages, results: p < pages ? [interaction(p + 1)] : [] });
      };
      const client = createInteractionsClient({
        auth: { token: 'test-token-0123456789' },
        fetch: fetch as typeof globalThis.fetch,
        validate: 'off',
      });
      const controller = new AbortController();
      let most = 0;
      let count = 0;
      const walk = { ...base, pageSize: 1, concurrency: 32, signal: controller.signal };
      for await (const _ of client.iterateInteractions(walk)) {
        count++;
        most = Math.max(most, getEventListeners(controller.signal, 'abort').length);
      }
      expect(count).toBe(pages);
      expect(mostInFlight).toBeGreaterThan(10);
      expect(most).toBe(1);
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('listInteractions with a long-lived signal: its listener is removed when each call ends, even on error', async () => {
    let n = 0;
    const fetch = async () =>
      n++ % 2
        ? json({ error: 'nope' }, { status: 404 })
        : json({ page: 0, limit: 1, offset: 0, total: 1, results: [interaction(1)] });
    const client = createInteractionsClient({
      auth: { token: 'test-token-0123456789' },
      fetch: fetch as typeof globalThis.fetch,
    });
    const controller = new AbortController();
    for (let i = 0; i < 20; i++) {
      await client.listInteractions({ ...base, limit: 1, page: 0 }, { signal: controller.signal }).catch(() => {});
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    }
  });
});
