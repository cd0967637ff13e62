// exportInteractions against the reference API (in this process): every record of every contact exactly
// once, failures per contact, sharding, the client-wide limiter, and resuming from a saved state after
// the consumer stopped at any point (the in-process model of a crash: what was consumed after the last
// save is dropped, as the CLI truncates its output).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedOf } from '../../src/client/shared.js';
import {
  AuthenticationError,
  createInteractionsClient,
  type ExportContactState,
  type ExportEvent,
  type ExportParams,
  exportInteractions,
  type Interaction,
  InvalidInputError,
  limitRate,
  NotFoundError,
  PermissionDeniedError,
  type SyncCheckpoint,
  shardOf,
} from '../../src/index.js';
import { MAX_EXPORT_CONCURRENCY } from '../../src/jobs/export.js';
import { type ReferenceApi, ReferenceStore, startReferenceApi } from '../../src/testing/index.js';
import { seeded, uuid } from '../helpers.js';

const tenantId = '6d2f0b8e-1a3c-4e5f-9b7d-0c2e4a6f8b1d';
const store = new ReferenceStore({ seed: 'export-test', clock: Date.UTC(2025, 0, 1) });
const now = () => store.now();
const random = seeded('export-test');
const contacts = store.addContacts(tenantId, 30, () => Math.floor(random() * 230));
const forbidden = uuid(0xf0b);
const missing = uuid(0x404);
let api: ReferenceApi;

beforeAll(async () => {
  api = await startReferenceApi({
    store,
    credentials: { tokens: [{ token: 'export-token' }] },
    // One contact the caller may not read: a 403 for that contact only.
    intercept: (_req, res, url) => {
      if (!url.pathname.includes(forbidden)) return false;
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":{"message":"Forbidden contact"}}');
      return true;
    },
  });
});
afterAll(async () => {
  await api?.close();
});

/** A client with a (fast) rate limit of its own, so the export adds none. */
function client(token = 'export-token') {
  const c = createInteractionsClient({ baseUrl: api.baseUrl, auth: { token }, maxRetries: 0 });
  limitRate(c, { requestsPerSecond: 5000 });
  return c;
}

async function collect(run: AsyncIterable<ExportEvent>, stopAfter = Infinity) {
  const events: ExportEvent[] = [];
  for await (const event of run) {
    events.push(event);
    if (events.length >= stopAfter) break;
  }
  return events;
}

const records = (events: ExportEvent[]) =>
  events.filter((e): e is Extract<ExportEvent, { type: 'record' }> => e.type === 'record');
const key = (contactId: string, i: Interaction) => `${contactId}/${i.interactionId}`;
const expected = (ids: readonly string[]) =>
  ids.flatMap((c) => store.interactions(tenantId, c)!.map((i) => key(c, i))).sort();

describe('exportInteractions', () => {
  it('every interaction of every contact exactly once, tagged, in order per contact; one done per contact', async () => {
    const before = api.requests();
    const run = exportInteractions(client(), { tenantId, contacts, concurrency: 4, now });
    const events = await collect(run);
    const got = records(events).map((e) => key(e.contactId, e.interaction));
    expect([...got].sort()).toEqual(expected(contacts));
    for (const c of contacts.slice(0, 5)) {
      const mine = records(events).filter((e) => e.contactId === c);
      expect(mine.map((e) => e.interaction)).toEqual(store.interactions(tenantId, c));
    }
    const done = events.filter((e) => e.type === 'done');
    expect(done.map((e) => e.contactId).sort()).toEqual([...contacts].sort());
    const pages = contacts.reduce(
      (n, c) => n + Math.max(1, Math.ceil(store.interactions(tenantId, c)!.length / 100)),
      0,
    );
    expect(run.summary()).toMatchObject({
      contacts: 30,
      done: 30,
      failed: 0,
      records: got.length,
      new: got.length,
      updated: 0,
      requests: pages,
      throttled: 0,
    });
    expect(api.requests() - before).toBe(pages);
  });

  it(`${MAX_EXPORT_CONCURRENCY} workers (the most): every record once, and no MaxListenersExceededWarning (one listener for all their requests)`, async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const caller = new AbortController();
      const run = exportInteractions(client(), {
        tenantId,
        contacts,
        concurrency: MAX_EXPORT_CONCURRENCY,
        now,
        signal: caller.signal,
      });
      const events = await collect(run);
      const records = events.filter((e) => e.type === 'record');
      const expected = contacts.reduce((sum, id) => sum + store.interactions(tenantId, id)!.length, 0);
      expect(records).toHaveLength(expected);
      expect(new Set(records.map((e) => e.interaction.interactionId)).size).toBe(expected);
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('a contact that fails (404, 403, a bad id) is reported and counted; the others are exported', async () => {
    const list = [contacts[0]!, missing, forbidden, 'not-a-uuid', contacts[1]!];
    const run = exportInteractions(client(), { tenantId, contacts: list, now });
    const events = await collect(run);
    const failed = events.filter((e): e is Extract<ExportEvent, { type: 'failed' }> => e.type === 'failed');
    expect(Object.fromEntries(failed.map((e) => [e.contactId, e.error.constructor]))).toEqual({
      [missing]: NotFoundError,
      [forbidden]: PermissionDeniedError,
      'not-a-uuid': InvalidInputError,
    });
    expect(run.summary()).toMatchObject({ contacts: 5, done: 2, failed: 3 });
    expect(new Set(records(events).map((e) => e.contactId))).toEqual(new Set([contacts[0], contacts[1]]));
  });

  it('failFast: the first failure ends the export with its error', async () => {
    const run = exportInteractions(client(), {
      tenantId,
      contacts: [missing, ...contacts],
      concurrency: 1,
      failFast: true,
      now,
    });
    await expect(collect(run)).rejects.toThrow(NotFoundError);
    expect(run.summary()).toMatchObject({ failed: 1, done: 0 });
  });

  it('bad credentials (401) fail every contact alike: the export ends with AuthenticationError', async () => {
    const run = exportInteractions(client('wrong-token'), { tenantId, contacts, now });
    await expect(collect(run)).rejects.toThrow(AuthenticationError);
  });

  it('repeated contact ids are exported once, in any spelling; events carry the normal form', async () => {
    const list = [contacts[2]!, ` ${contacts[2]!.toUpperCase()}\t`, contacts[2]!];
    const events = await collect(exportInteractions(client(), { tenantId, contacts: list, now }));
    expect(events.filter((e) => e.type === 'skipped')).toEqual([
      { type: 'skipped', contactId: contacts[2], reason: 'repeated' },
      { type: 'skipped', contactId: contacts[2], reason: 'repeated' },
    ]);
    expect(records(events)).toHaveLength(store.interactions(tenantId, contacts[2]!)!.length);
  });

  it('an async iterable of contacts works too, and an incremental export from the done checkpoints yields only changes', async () => {
    const some = contacts.slice(0, 6);
    async function* source() {
      yield* some;
    }
    const first = await collect(exportInteractions(client(), { tenantId, contacts: source(), now }));
    const checkpoints = new Map(
      first
        .filter((e): e is Extract<ExportEvent, { type: 'done' }> => e.type === 'done')
        .map((e) => [e.contactId, e.checkpoint]),
    );
    store.advance(86_400_000);
    const live = store.beginInteractions(tenantId, some[0]!, 2);
    const second = await collect(
      exportInteractions(client(), { tenantId, contacts: some, checkpoints: (id) => checkpoints.get(id), now }),
    );
    expect(records(second).map((e) => [e.contactId, e.change, e.interaction.interactionId])).toEqual(
      live.map((i) => [some[0], 'new', i.interactionId]),
    );
  });

  it('the export paces the whole client while it runs, and releases it after', async () => {
    const c = createInteractionsClient({ baseUrl: api.baseUrl, auth: { token: 'export-token' } });
    expect(sharedOf(c)!.limiter).toBeUndefined();
    const run = exportInteractions(c, {
      tenantId,
      contacts: contacts.slice(0, 2),
      rateLimit: { requestsPerSecond: 500 },
      now,
    });
    const iterator = run[Symbol.asyncIterator]();
    await iterator.next();
    expect(sharedOf(c)!.limiter!.stats.rate).toBe(500);
    for (let r = await iterator.next(); !r.done; r = await iterator.next());
    expect(sharedOf(c)!.limiter!.stats.rate).toBeUndefined();
  });

  it.each<[string, Partial<ExportParams> & Record<string, unknown>, string]>([
    ['a contacts string', { contacts: 'abc' as never }, 'contacts'],
    ['concurrency 0', { concurrency: 0 }, 'concurrency'],
    ['a shard out of range', { shard: { index: 3, count: 2 } }, 'shard'],
    ['a rate of 0', { rateLimit: { requestsPerSecond: 0 } }, 'rateLimit.requestsPerSecond'],
    ['a tenant that is no uuid', { tenantId: 'x' }, 'tenantId'],
    ['a misspelt parameter', { concurency: 2 }, 'concurency'],
    ['a state without save', { state: { load: () => undefined } as never }, 'state'],
  ])('refuses %s before anything is sent', (_name, params, param) => {
    const before = api.requests();
    expect(() => exportInteractions(client(), { tenantId, contacts, ...params })).toThrow(
      expect.objectContaining({ name: 'InvalidInputError', param }),
    );
    expect(api.requests()).toBe(before);
  });
});

describe('shards', () => {
  it('partition any list of contacts exactly: each id in exactly one shard, the same one every time', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (ids, count) => {
        const shards = Array.from({ length: count }, (_, i) => ids.filter((id) => shardOf(id, count) === i + 1));
        expect(shards.flat().sort()).toEqual([...ids].sort());
        for (const id of ids) expect(shardOf(id.toUpperCase(), count)).toBe(shardOf(id, count));
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('N shards of one export together export every contact once', async () => {
    const list = contacts.slice(0, 12);
    const parts = await Promise.all(
      [1, 2, 3].map((index) =>
        collect(exportInteractions(client(), { tenantId, contacts: list, shard: { index, count: 3 }, now })),
      ),
    );
    const got = parts.flatMap((events) => records(events).map((e) => key(e.contactId, e.interaction)));
    expect(got.sort()).toEqual(expected(list));
    expect(parts.every((events) => events.some((e) => e.type === 'done'))).toBe(true); // the split is not degenerate
  });
});

describe('resume', () => {
  /** A state store and a consumer's output, with the output offset recorded at each save (as the CLI does). */
  function harness() {
    const saved = new Map<string, ExportContactState>();
    const out: string[] = [];
    let committed = 0;
    return {
      saved,
      out,
      state: {
        load: () => new Map(saved),
        save: (id: string, s: ExportContactState) => {
          saved.set(id, JSON.parse(JSON.stringify(s)));
          committed = out.length;
        },
      },
      /** A crash: what was consumed after the last save is lost, as the CLI truncates its output. */
      crash: () => out.splice(committed),
    };
  }

  it('stopping after any event, then running again with the same state: 0 lost, 0 duplicated, few pages again', async () => {
    const list = contacts.slice(0, 8);
    const all = expected(list);
    const pages = list.reduce((n, c) => n + Math.max(1, Math.ceil(store.interactions(tenantId, c)!.length / 100)), 0);
    const r = seeded('resume-trials');
    for (let trial = 0; trial < 6; trial++) {
      const h = harness();
      const before = api.requests();
      let runs = 0;
      for (let finished = false; !finished; runs++) {
        const stopAt = runs < 3 ? 1 + Math.floor(r() * all.length) : Infinity;
        const run = exportInteractions(client(), {
          tenantId,
          contacts: list,
          state: h.state,
          concurrency: 3,
          pageSize: 50,
          now,
        });
        let seen = 0;
        finished = true;
        for await (const e of run) {
          if (e.type === 'record') h.out.push(key(e.contactId, e.interaction));
          if (++seen >= stopAt) {
            finished = false;
            break;
          }
        }
        if (!finished) h.crash();
      }
      expect([...h.out].sort()).toEqual(all);
      // Each stop re-reads at most the pages in flight: one per contact in flight (3), plus page
      // counts doubling at pageSize 50.
      const extra = api.requests() - before - 2 * pages;
      expect(extra).toBeLessThanOrEqual((runs - 1) * 3 + 10);
    }
  });

  it('a contact that failed part-way is resumed from its saved progress, not from scratch', async () => {
    const h = harness();
    const big = contacts.find((c) => store.interactions(tenantId, c)!.length > 150)!;
    let failNext = false;
    const failing = createInteractionsClient({
      baseUrl: api.baseUrl,
      auth: { token: 'export-token' },
      maxRetries: 0,
      fetch: (input, init) =>
        failNext && String((input as Request).url).includes('page=2')
          ? Promise.resolve(new Response('{"error":"boom"}', { status: 500 }))
          : fetch(input, init),
    });
    limitRate(failing, { requestsPerSecond: 5000 });
    failNext = true;
    const first = await collect(exportInteractions(failing, { tenantId, contacts: [big], state: h.state, now }));
    h.out.push(...records(first).map((e) => key(e.contactId, e.interaction)));
    expect(first.at(-1)).toMatchObject({ type: 'failed' });
    expect(h.saved.get(big)).toMatchObject({ progress: { offset: 200 }, error: { status: 500 } });
    failNext = false;
    const second = await collect(exportInteractions(failing, { tenantId, contacts: [big], state: h.state, now }));
    h.out.push(...records(second).map((e) => key(e.contactId, e.interaction)));
    expect(h.out.sort()).toEqual(expected([big]));
    expect(second.at(-1)).toMatchObject({ type: 'done' });
  });

  it('contacts finished in the resumed run are skipped; their checkpoints stay', async () => {
    const h = harness();
    const list = contacts.slice(10, 13);
    await collect(exportInteractions(client(), { tenantId, contacts: list, state: h.state, now }));
    const checkpoints = list.map((c) => h.saved.get(c)?.done as SyncCheckpoint);
    const again = await collect(exportInteractions(client(), { tenantId, contacts: list, state: h.state, now }));
    expect(again).toEqual(list.map((contactId) => ({ type: 'skipped', contactId, reason: 'already-done' })));
    expect(list.map((c) => h.saved.get(c)?.done)).toEqual(checkpoints);
  });
});
