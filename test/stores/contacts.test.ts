// The per-contact mode into a real store (SQLite and PostgreSQL), against the reference API in this
// process: every interaction exactly once; late changes (open interactions that end, csat scores that
// come in) stored as `updated`, once; a run stopped at any point (aborted, or a commit that never
// happened: the in-process model of a crash) resumed by the next, which skips what was finished and
// counts nothing twice; a failed contact reported without ending the run; a state of another tenant refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInteractionsClient, limitRate } from '../../src/index.js';
import { StoreError, type StoreSyncEvent, type StoreSyncRun, syncToStore, TABLES } from '../../src/stores/index.js';
import { CSAT_DELAY_MS, type ReferenceApi, ReferenceStore, startReferenceApi } from '../../src/testing/index.js';
import { seeded, uuid } from '../helpers.js';
import { crashingAt, type FreshStore, postgresKind, type StoreKind, sqliteKind } from '../support/stores.ts';

const tenantId = '5a1c9e70-2b3d-4f6a-8c9e-0d1f2a3b4c5d';
const reference = new ReferenceStore({ seed: 'stores-contacts', clock: Date.UTC(2025, 5, 1) });
const random = seeded('stores-contacts');
const contacts = reference.addContacts(tenantId, 24, () => Math.floor(random() * 260));
const missing = uuid(0x404);
const now = () => reference.now();
let api: ReferenceApi;

beforeAll(async () => {
  api = await startReferenceApi({ store: reference, credentials: { tokens: [{ token: 'stores-token' }] } });
});
afterAll(() => api?.close());

function client() {
  const c = createInteractionsClient({ baseUrl: api.baseUrl, auth: { token: 'stores-token' }, maxRetries: 0 });
  limitRate(c, { requestsPerSecond: 5_000 });
  return c;
}

async function drain(run: StoreSyncRun, stopAfterCommits = Infinity): Promise<StoreSyncEvent[]> {
  const events: StoreSyncEvent[] = [];
  for await (const event of run) {
    events.push(event);
    if (events.filter((e) => e.type === 'committed').length >= stopAfterCommits) break;
  }
  return events;
}

/** What the reference API holds for these contacts: `contact/interaction → fingerprint of its JSON`. */
function expected(ids: readonly string[]): Map<string, string> {
  return new Map(
    ids.flatMap((c) => reference.interactions(tenantId, c)!.map((i) => [`${c}/${i.interactionId}`, JSON.stringify(i)])),
  );
}

async function stored(fresh: FreshStore): Promise<Map<string, string>> {
  const rows = await fresh.query<{ contact_id: string; interaction_id: string; record: unknown }>(
    `SELECT contact_id, interaction_id, record FROM ${TABLES.interactions} WHERE tenant_id = '${tenantId}'`,
  );
  const record = (value: unknown) => JSON.stringify(typeof value === 'string' ? JSON.parse(value) : value);
  const out = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.contact_id}/${row.interaction_id}`;
    expect(out.has(key), `${key} stored twice`).toBe(false);
    out.set(key, record(row.record));
  }
  return out;
}

/** JSON of the same record, key order aside (jsonb orders keys its own way). */
const canonical = (map: Map<string, string>) =>
  new Map([...map].map(([key, json]) => [key, JSON.stringify(sortKeys(JSON.parse(json)))]));
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

describe.each([sqliteKind(), postgresKind()].filter((kind) => kind.available))(
  'syncToStore into $name',
  (kind: StoreKind) => {
    beforeAll(() => kind.setup(), 120_000);
    afterAll(() => kind.teardown());

    it('stores every interaction of every contact exactly once; a missing contact is reported, the rest go on', async () => {
      const fresh = await kind.fresh('all');
      const list = [...contacts.slice(0, 12), missing];
      const run = syncToStore(client(), { store: fresh.store, tenantId, contacts: list, concurrency: 4, now });
      const events = await drain(run);
      expect(canonical(await stored(fresh))).toEqual(canonical(expected(contacts.slice(0, 12))));
      const total = expected(contacts.slice(0, 12)).size;
      expect(run.summary()).toMatchObject({
        done: 12,
        failed: 1,
        new: total,
        updated: 0,
        unchanged: 0,
        resumed: false,
      });
      expect(events.find((e) => e.type === 'failed')).toMatchObject({ contactId: missing });
      const committed = events.filter((e) => e.type === 'committed');
      expect(committed.reduce((n, e) => n + (e.type === 'committed' ? e.new : 0), 0)).toBe(total);
      // Each contact's commits come before its `done`.
      for (const id of contacts.slice(0, 12)) {
        const done = events.findIndex((e) => e.type === 'done' && e.contactId === id);
        expect(events.findLastIndex((e) => e.type === 'committed' && e.contactId === id)).toBeLessThan(done);
      }
    });

    it('stores late changes as updated, once, and an unchanged tenant costs one request per contact', async () => {
      const fresh = await kind.fresh('late');
      const list = contacts.slice(12, 18);
      const opened = list.slice(0, 3).flatMap((c) => reference.beginInteractions(tenantId, c, 2));
      const first = syncToStore(client(), { store: fresh.store, tenantId, contacts: list, now });
      await drain(first);
      expect(first.summary()).toMatchObject({ new: expected(list).size, updated: 0 });

      reference.advance(3 * 3_600_000 + CSAT_DELAY_MS); // they end, get their disposition, and their csat
      const before = api.requests();
      const second = syncToStore(client(), { store: fresh.store, tenantId, contacts: list, now });
      await drain(second);
      expect(second.summary()).toMatchObject({ new: 0, updated: opened.length, resumed: false });
      expect(canonical(await stored(fresh))).toEqual(canonical(expected(list)));
      const revisions = await fresh.query<{ interaction_id: string; revision: unknown }>(
        `SELECT interaction_id, revision FROM ${TABLES.interactions} WHERE revision <> 1`,
      );
      expect(revisions.map((r) => r.interaction_id).sort()).toEqual(opened.map((i) => i.interactionId).sort());
      expect(revisions.every((r) => Number(r.revision) === 2)).toBe(true);
      expect(api.requests() - before).toBeLessThanOrEqual(list.length + opened.length);

      const third = syncToStore(client(), { store: fresh.store, tenantId, contacts: list, now });
      await drain(third);
      expect(third.summary()).toMatchObject({ new: 0, updated: 0, records: 0 });
    });

    it('resumes a run stopped at any commit: every interaction once, nothing counted twice', async () => {
      const list = contacts.slice(0, 8);
      const total = expected(list).size;
      const stops = [1, 4, 9, 15];
      for (const [i, stop] of stops.entries()) {
        const fresh = await kind.fresh(`resume${i}`);
        // Stopped by its consumer (Ctrl-C) after `stop` commits, then a run whose first commit never happens
        // (a crash: there is always one, if only the one that marks the run finished).
        const aborted = syncToStore(client(), { store: fresh.store, tenantId, contacts: list, concurrency: 3, now });
        await drain(aborted, stop);
        const crashed = syncToStore(client(), {
          store: crashingAt(fresh.store, 1),
          tenantId,
          contacts: list,
          concurrency: 3,
          now,
        });
        await expect(drain(crashed)).rejects.toThrow('the process died here');
        const resumed = syncToStore(client(), { store: fresh.store, tenantId, contacts: list, concurrency: 3, now });
        await drain(resumed);
        expect(resumed.summary().resumed).toBe(true);
        expect(canonical(await stored(fresh))).toEqual(canonical(expected(list)));
        const counted = aborted.summary().new + crashed.summary().new + resumed.summary().new;
        expect(counted, `stopped after ${stop}`).toBe(total);
        const finished = aborted.summary().done + crashed.summary().done;
        expect(resumed.summary().skipped).toBe(finished);
        // The next run is a new one: nothing new, nothing skipped.
        const next = syncToStore(client(), { store: fresh.store, tenantId, contacts: list, now });
        await drain(next);
        expect(next.summary()).toMatchObject({ new: 0, updated: 0, skipped: 0, resumed: false, done: list.length });
      }
    });

    it("refuses a contact's state that is another tenant's checkpoint", async () => {
      const fresh = await kind.fresh('tampered');
      const list = contacts.slice(0, 2);
      await drain(syncToStore(client(), { store: fresh.store, tenantId, contacts: list, now }));
      const other = uuid(0xbad);
      const json =
        kind.name === 'postgres'
          ? `replace(state::text, '${tenantId}', '${other}')::jsonb`
          : `replace(state, '${tenantId}', '${other}')`;
      await fresh.execute(`UPDATE ${TABLES.state} SET state = ${json} WHERE key = '${list[0]}'`);
      const run = syncToStore(client(), { store: fresh.store, tenantId, contacts: list, now });
      const error = await drain(run).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('other_tenant');
      expect((error as Error).message).toContain(`a checkpoint of tenant ${other}`);
    });
  },
);

describe('syncToStore parameters', () => {
  it('throws before anything is opened for a store or contacts that are not', () => {
    expect(() => syncToStore(client(), { store: {} as never, tenantId, contacts: [] })).toThrow(/Invalid store/);
    expect(() => syncToStore(client(), { store: sqliteKind() as never, tenantId, contacts: 5 as never })).toThrow(
      /Invalid store|Invalid contacts/,
    );
  });
});
