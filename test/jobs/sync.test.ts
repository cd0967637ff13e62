// syncInteractions against the reference API (in this process, so its store and clock can be driven):
// stopping early, updates of open and recently ended interactions, and a history that changes under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckpointError,
  createInteractionsClient,
  type Interaction,
  type InteractionPage,
  InvalidInputError,
  PaginationError,
  ResponseValidationError,
  type SyncCheckpoint,
  type SyncParams,
  type SyncRecord,
  syncInteractions,
} from '../../src/index.js';
import { fingerprint } from '../../src/jobs/sync.js';
import {
  CSAT_DELAY_MS,
  generateInteractions,
  type PageContext,
  type ReferenceApi,
  ReferenceStore,
  startReferenceApi,
} from '../../src/testing/index.js';
import { uuid } from '../helpers.js';

const tenantId = '3f0c1a52-8d4e-4b7a-9c61-2e5f7a9b0d13';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const store = new ReferenceStore({ seed: 'sync-test', clock: Date.UTC(2025, 0, 1) });
const now = () => store.now();
let api: ReferenceApi;
/** Rewrites pages of the history route while set: the default serves them as the route built them. */
let transform: ((page: InteractionPage, context: PageContext) => unknown) | undefined;
let contactN = 0;

beforeAll(async () => {
  api = await startReferenceApi({
    store,
    credentials: { tokens: [{ token: 'sync-token' }] },
    transformPage: (page, context) => (transform ? transform(page, context) : page),
  });
});
afterAll(async () => {
  await api?.close();
});

const client = () => createInteractionsClient({ baseUrl: api.baseUrl, auth: { token: 'sync-token' } });

/** A fresh contact with `interactions` (a count of generated ones, or the given ones). */
function contact(interactions: number | Interaction[]): string {
  const contactId = uuid(0x5000 + ++contactN);
  store.addContact(tenantId, contactId, interactions);
  return contactId;
}

/** Closed interactions (the generator leaves about 5 % open), so that only what a test opens is open. */
function closed(count: number, seed: string): Interaction[] {
  return generateInteractions(count, seed).map((i) => ({ ...i, endTimestamp: i.endTimestamp ?? i.startTimestamp }));
}

async function sync(contactId: string, params: Partial<SyncParams> = {}) {
  const before = api.requests();
  const run = syncInteractions(client(), { tenantId, contactId, now, ...params });
  const records: SyncRecord[] = [];
  for await (const record of run) records.push(record);
  return { records, checkpoint: run.checkpoint(), requests: api.requests() - before, pages: run.pages };
}

const ids = (items: readonly { interactionId: string }[]) => items.map((i) => i.interactionId);
const recordIds = (records: readonly SyncRecord[]) => records.map((r) => r.interaction.interactionId);

describe('the first sync', () => {
  it('reads the whole history: every interaction new, in order, once; the checkpoint is plain JSON', async () => {
    const contactId = contact(250);
    const { records, checkpoint, requests, pages } = await sync(contactId);
    const all = store.interactions(tenantId, contactId)!;
    expect(recordIds(records)).toEqual(ids(all));
    expect(records.every((r) => r.change === 'new')).toBe(true);
    expect({ requests, pages }).toEqual({ requests: 3, pages: 3 });
    expect(JSON.parse(JSON.stringify(checkpoint))).toEqual(checkpoint);
    expect(checkpoint).toMatchObject({
      version: 1,
      tenantId,
      contactId,
      syncedAt: new Date(store.now()).toISOString(),
      newest: { startTimestamp: all[0]!.startTimestamp, ids: [all[0]!.interactionId] },
    });
  });

  it('an empty history: no records, one request, and the next sync sees what arrives as new', async () => {
    const contactId = contact(0);
    const first = await sync(contactId);
    expect(first).toMatchObject({ records: [], requests: 1, checkpoint: { newest: null, watch: [] } });
    const arrived = store.insertInteractions(tenantId, contactId, 3);
    const second = await sync(contactId, { checkpoint: first.checkpoint });
    expect(recordIds(second.records)).toEqual(ids(arrived));
  });
});

describe('it stops early', () => {
  // It must see one interaction older than the checkpoint's newest (whose ties could still be new):
  // ⌊(new + 1) / pageSize⌋ + 1 requests.
  it.each([
    [0, 1],
    [5, 1],
    [98, 1],
    [99, 2], // the checkpoint's newest ends page 0: one more request to see past it
    [150, 2],
    [250, 3],
  ])('%i new of 1,000: %i request(s), the new ones in order, nothing else', async (added, expected) => {
    const contactId = contact(closed(1_000, `early-${added}`));
    const { checkpoint } = await sync(contactId);
    const arrived = store.insertInteractions(
      tenantId,
      contactId,
      closed(added, `early-new-${added}`).map(shiftTo(contactId)),
    );
    const { records, requests } = await sync(contactId, { checkpoint });
    expect(recordIds(records)).toEqual(ids(arrived));
    expect(records.every((r) => r.change === 'new')).toBe(true);
    expect(requests).toBe(expected);
  });
});

/** Moves generated interactions after the contact's newest one (as new activity), keeping their order. */
function shiftTo(contactId: string) {
  const newest = Date.parse(store.interactions(tenantId, contactId)![0]!.startTimestamp);
  return (item: Interaction, i: number, all: Interaction[]): Interaction => ({
    ...item,
    startTimestamp: new Date(newest + (all.length - i) * 1000).toISOString(),
  });
}

describe('records change after they are first seen', () => {
  it('an open interaction ends, then gets its csat: each change is one `updated` record; settled ones cost nothing', async () => {
    const contactId = contact(closed(300, 'open'));
    const [opened] = store.beginInteractions(tenantId, contactId, 1);
    const first = await sync(contactId);
    expect(first.checkpoint.watch.map(([id]) => id)).toEqual([opened!.interactionId]);

    // Nothing changed yet: the sync re-reads the open one (page 0) and yields nothing.
    const quiet = await sync(contactId, { checkpoint: first.checkpoint });
    expect({ records: quiet.records, requests: quiet.requests }).toEqual({ records: [], requests: 1 });

    store.advance(3 * HOUR); // every live interaction lasts 2 h at most
    const ended = await sync(contactId, { checkpoint: quiet.checkpoint });
    expect(ended.records).toHaveLength(1);
    expect(ended.records[0]).toMatchObject({
      change: 'updated',
      interaction: { interactionId: opened!.interactionId },
    });
    expect(ended.records[0]!.interaction.endTimestamp).not.toBeNull();
    // Ended within the settle window: still watched, since a csat score may come.
    expect(ended.checkpoint.watch.map(([id]) => id)).toEqual([opened!.interactionId]);

    store.advance(CSAT_DELAY_MS);
    const rated = await sync(contactId, { checkpoint: ended.checkpoint });
    const current = store.interactions(tenantId, contactId)![0]!;
    expect(rated.records).toEqual(current.csat === null ? [] : [{ change: 'updated', interaction: current }]);

    store.advance(8 * DAY); // past the settle window: one last look, then it is no longer watched
    const settled = await sync(contactId, { checkpoint: rated.checkpoint });
    expect(settled.records).toEqual([]);
    expect(settled.checkpoint.watch).toEqual([]);
  });

  it('a change to any field, even one the spec does not list, is an update; key order is not', async () => {
    const contactId = contact(closed(20, 'fields'));
    const first = await sync(contactId, { settleWindowMs: 1_000 * DAY }); // everything stays watched
    const history = store.history(tenantId, contactId)!;
    const [a, b] = history.list();
    Object.assign(a!, { vendorScore: 7 });
    const reordered = Object.fromEntries(Object.entries(b!).reverse()) as Interaction;
    history.list().splice(1, 1, reordered);
    const second = await sync(contactId, { checkpoint: first.checkpoint });
    expect(second.records).toEqual([{ change: 'updated', interaction: { ...a, vendorScore: 7 } }]);
    expect(fingerprint(reordered)).toBe(fingerprint(b));
  });

  it('the windows are kept in the checkpoint and used again when not given', async () => {
    const contactId = contact(closed(5, 'windows'));
    const { checkpoint } = await sync(contactId, { settleWindowMs: 2 * DAY, openWindowMs: 3 * DAY });
    expect(checkpoint).toMatchObject({ settleWindowMs: 2 * DAY, openWindowMs: 3 * DAY });
    const next = await sync(contactId, { checkpoint });
    expect(next.checkpoint).toMatchObject({ settleWindowMs: 2 * DAY, openWindowMs: 3 * DAY });
  });
});

describe('a history that changes', () => {
  it('several interactions share a startTimestamp, across two syncs: each is new exactly once', async () => {
    const contactId = contact(closed(50, 'ties'));
    store.advance(DAY);
    const three = store.beginInteractions(tenantId, contactId, 3);
    const first = await sync(contactId);
    expect(first.checkpoint.newest?.ids.sort()).toEqual(ids(three).sort());
    const two = store.beginInteractions(tenantId, contactId, 2); // the same instant: the clock did not move
    const second = await sync(contactId, { checkpoint: first.checkpoint });
    expect(recordIds(second.records).sort()).toEqual(ids(two).sort());
    expect(second.checkpoint.newest?.ids.sort()).toEqual([...ids(three), ...ids(two)].sort());
  });

  it("the checkpoint's newest interaction deleted: the start times still tell what is new", async () => {
    const contactId = contact(closed(120, 'deleted'));
    const { checkpoint } = await sync(contactId);
    const fresh = closed(2, 'deleted-new').map(shiftTo(contactId));
    store.deleteInteractions(tenantId, contactId, checkpoint.newest!.ids);
    const arrived = store.insertInteractions(tenantId, contactId, fresh);
    const next = await sync(contactId, { checkpoint });
    expect(recordIds(next.records)).toEqual(ids(arrived));
    expect(next.requests).toBe(1);
  });

  it('interactions arriving during the sync: nothing is handed over twice, and the next sync has them', async () => {
    const contactId = contact(closed(250, 'during'));
    const original = store.interactions(tenantId, contactId)!;
    let arrived: Interaction[] = [];
    transform = (page, context) => {
      if (context.contactId === contactId && context.page === 1 && arrived.length === 0) {
        arrived = store.insertInteractions(tenantId, contactId, closed(30, 'during-new').map(shiftTo(contactId)));
        const start = context.page * context.limit;
        return { ...page, total: context.history.length, results: context.history.slice(start, start + context.limit) };
      }
      return page;
    };
    let first: Awaited<ReturnType<typeof sync>>;
    try {
      first = await sync(contactId);
    } finally {
      transform = undefined;
    }
    // Page 1 was served after the arrivals, so it repeated 30 of page 0: the cursor dropped them.
    expect(recordIds(first.records)).toEqual(ids(original));
    const second = await sync(contactId, { checkpoint: first.checkpoint });
    expect(recordIds(second.records)).toEqual(ids(arrived));
  });

  it('interactions deleted during the sync, before its position: it steps back, so none is skipped', async () => {
    const contactId = contact(closed(250, 'shrink'));
    const original = store.interactions(tenantId, contactId)!;
    const doomed = ids(original.slice(10, 40));
    transform = (page, context) => {
      if (context.contactId === contactId && context.page === 1 && context.history.length === 250) {
        store.deleteInteractions(tenantId, contactId, doomed);
        const start = context.page * context.limit;
        return { ...page, total: context.history.length, results: context.history.slice(start, start + context.limit) };
      }
      return page;
    };
    let first: Awaited<ReturnType<typeof sync>>;
    try {
      first = await sync(contactId);
    } finally {
      transform = undefined;
    }
    // Page 1 came back 30 shorter: the sync stepped back to page 0 (positions 70–99 now hold what page 1
    // would have started with), then read pages 1 and 2 of the shorter list: 5 requests, nothing skipped.
    expect(recordIds(first.records)).toEqual(ids(original));
    expect(first.requests).toBe(5);
  });

  it('an interaction that shows up late, older than the newest, within the settle window, is new next time', async () => {
    const contactId = contact(closed(30, 'late'));
    store.advance(DAY);
    store.beginInteractions(tenantId, contactId, 1);
    store.advance(HOUR);
    store.beginInteractions(tenantId, contactId, 1);
    const first = await sync(contactId);
    const [late] = closed(1, 'late-one').map((i) => ({
      ...i,
      startTimestamp: new Date(store.now() - 30 * 60_000).toISOString(),
    }));
    store.history(tenantId, contactId)!.list().splice(1, 0, late!); // between the two, not at the front
    const next = await sync(contactId, { checkpoint: first.checkpoint });
    expect(next.records).toEqual([{ change: 'new', interaction: late }]);
  });

  it('a page out of order is a ResponseValidationError (the early stop relies on the order)', async () => {
    const contactId = contact(closed(5, 'order'));
    const history = store.history(tenantId, contactId)!;
    history.list().reverse();
    await expect(sync(contactId)).rejects.toThrow(ResponseValidationError);
  });

  it('a server whose pages never end: PaginationError, not an endless walk', async () => {
    const contactId = contact(closed(150, 'endless'));
    // Every page past the first is full of ever older interactions, the total always a page ahead.
    transform = (page, context) => {
      if (context.contactId !== contactId || context.page === 0) return page;
      const base = Date.UTC(2000, 0, 1) - context.page * 1_000_000;
      const results = closed(100, `endless-${context.page}`).map((i, n) => ({
        ...i,
        startTimestamp: new Date(base - n * 1000).toISOString(),
      }));
      return { ...page, total: (context.page + 2) * 100, results };
    };
    const before = api.requests();
    try {
      const error = await sync(contactId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaginationError);
      // Caught by the walk's audit (the ids the growing total pushed back are not there), well within the bound.
      expect(api.requests() - before).toBeLessThan(7);
    } finally {
      transform = undefined;
    }
  });

  it('a total that stays put while the pages run on (more results than it allows): PaginationError', async () => {
    const contactId = contact(closed(150, 'overrun'));
    transform = (page, context) => {
      if (context.contactId !== contactId || context.page === 0) return page;
      const results = closed(100, `overrun-${context.page}`).map((i, n) => ({
        ...i,
        startTimestamp: new Date(Date.UTC(2000, 0, 1) - n * 1000).toISOString(),
      }));
      return { ...page, total: 150, results };
    };
    try {
      await expect(sync(contactId)).rejects.toMatchObject({ name: 'PaginationError', code: 'total_mismatch' });
    } finally {
      transform = undefined;
    }
  });
});

describe('as strict as the walk', () => {
  it("page 1 repeats page 0's last id and leaves one out, total unchanged: PaginationError, as the walk says", async () => {
    const contactId = contact(closed(250, 'repeat-last'));
    transform = (page, context) => {
      if (context.contactId !== contactId || context.page !== 1) return page;
      const results = [...context.history.slice(99, 100), ...page.results.slice(0, 99)]; // 199 is never served
      return { ...page, results };
    };
    try {
      const error = await sync(contactId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaginationError);
      expect(error).toMatchObject({ code: 'duplicate_ids', page: 1 });
      const walk = client().iterateInteractions({ tenantId, contactId });
      await expect(async () => {
        for await (const _ of walk);
      }).rejects.toMatchObject({ name: 'PaginationError', code: 'duplicate_ids' });
    } finally {
      transform = undefined;
    }
  });

  it.each<[string, (page: InteractionPage) => unknown, string]>([
    ['a short page before the end', (page) => ({ ...page, results: page.results.slice(0, 60) }), 'short_page'],
    ['the page echoed as another', (page) => ({ ...page, page: 2 }), 'page_mismatch'],
    ['an offset that is not page × limit', (page) => ({ ...page, offset: 7 }), 'offset_mismatch'],
    ['a total lying high (the list ends short of it)', (page) => ({ ...page, total: 260 }), 'ids_missing'],
  ])('every page with %s: PaginationError %s, never a checkpoint', async (_name, bend, code) => {
    const contactId = contact(closed(250, `strict-${code}`));
    transform = (page, context) => (context.contactId === contactId ? bend(page) : page);
    try {
      await expect(sync(contactId)).rejects.toMatchObject({ name: 'PaginationError', code });
    } finally {
      transform = undefined;
    }
  });

  it('a server serving pages of 50 when asked for 100 (limit echoed): the sync goes on with 50s, nothing lost', async () => {
    const contactId = contact(closed(230, 'capped'));
    transform = (page, context) => {
      if (context.contactId !== contactId) return page;
      const start = context.page * 50;
      return { ...page, limit: 50, offset: start, results: context.history.slice(start, start + 50) };
    };
    try {
      const { records, checkpoint } = await sync(contactId);
      expect(recordIds(records)).toEqual(ids(store.interactions(tenantId, contactId)!));
      expect(checkpoint.newest).not.toBeNull();
    } finally {
      transform = undefined;
    }
  });
});

describe('bad input sends nothing', () => {
  const contactId = uuid(0x4fff);
  const checkpointOf = (over: Partial<SyncCheckpoint>): SyncCheckpoint => ({
    version: 1,
    tenantId,
    contactId,
    syncedAt: '2025-01-01T00:00:00.000Z',
    settleWindowMs: DAY,
    openWindowMs: DAY,
    newest: null,
    watch: [],
    ...over,
  });

  it.each<[string, unknown, string]>([
    ['of another contact', checkpointOf({ contactId: uuid(1) }), 'other_contact'],
    ['of another tenant', checkpointOf({ tenantId: uuid(2) }), 'other_tenant'],
    ['of a later version', { ...checkpointOf({}), version: 2 }, 'unsupported_version'],
    ['without a version', { ...checkpointOf({}), version: undefined }, 'malformed'],
    ['with a bad watch list', checkpointOf({ watch: [['a', 'not a date', 'f']] }), 'malformed'],
    ['that is a string', 'checkpoint', 'malformed'],
  ])('a checkpoint %s: CheckpointError %s', (_name, checkpoint, code) => {
    const before = api.requests();
    const error = (() => {
      try {
        syncInteractions(client(), { tenantId, contactId, checkpoint: checkpoint as SyncCheckpoint });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CheckpointError);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as CheckpointError).code).toBe(code);
    expect(api.requests()).toBe(before);
  });

  it.each<[string, Partial<SyncParams> & Record<string, unknown>, string]>([
    ['a misspelt parameter', { checkPoint: {} }, 'checkPoint'],
    ['a negative settle window', { settleWindowMs: -1 }, 'settleWindowMs'],
    ['a page size over the maximum', { pageSize: 101 }, 'pageSize'],
    ['a contact id that is no uuid', { contactId: 'nope' }, 'contactId'],
    ['a clock that is not a function', { now: 5 as never }, 'now'],
  ])('%s: InvalidInputError naming it', (_name, params, param) => {
    expect(() => syncInteractions(client(), { tenantId, contactId, ...params })).toThrow(
      expect.objectContaining({ name: 'InvalidInputError', param }),
    );
  });

  it('the checkpoint is there only once the iteration has ended, and a run iterates once', async () => {
    const run = syncInteractions(client(), { tenantId, contactId: contact(3), now });
    expect(() => run.checkpoint()).toThrow(/has not finished/);
    for await (const _ of run) break;
    expect(() => run.checkpoint()).toThrow(/has not finished/);
    await expect(async () => {
      for await (const _ of run);
    }).rejects.toThrow(/only once/);
  });
});
