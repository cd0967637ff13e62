// The tenant-wide mode into a real store (SQLite and PostgreSQL), against the reference API in this
// process (its List over a tenant's timeline, its clock driving late changes): every interaction exactly
// once; late changes (an end, a disposition, a csat score) stored as `updated`, once; an unchanged tenant
// costs one page; a run stopped at any commit resumed by the next, counting nothing twice; a checkpoint
// of another tenant refused before anything is sent; and a List that misbehaves (the range ignored, an
// inclusive end, a repeat within a page, a lying total, arrivals mid-walk, a page all of one instant)
// either synced exactly once or refused with a typed error, never short and never duplicated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckpointError,
  createInteractionsClient,
  limitRate,
  PaginationError,
  ResponseValidationError,
} from '../../src/index.js';
import { type InteractionStore, syncTenantToStore, TABLES, TENANT_CHECKPOINT_KEY } from '../../src/stores/index.js';
import {
  type Answer,
  CSAT_DELAY_MS,
  operationPath,
  ReferenceStore,
  startReferenceApi,
} from '../../src/testing/index.js';
import { seeded } from '../helpers.js';
import { crashingAt, type FreshStore, postgresKind, type StoreKind, sqliteKind } from '../support/stores.ts';

const tenantId = '6c2d9e71-3b4a-4f5e-8d9c-1e2f3a4b5c6d';
const listPath = operationPath('listTenantInteractions', { tenantId });
const MINUTE = 60_000;

/** A reference API of its own per test: a tenant of `count` contacts, and a hook to bend its List's answers. */
async function world(seed: string, count = 16, validate: 'strict' | 'off' = 'strict') {
  const reference = new ReferenceStore({ seed, clock: Date.UTC(2025, 5, 1) });
  const random = seeded(seed);
  const contacts = reference.addContacts(tenantId, count, () => Math.floor(random() * 120));
  let bend: ((body: ListBody, url: URL) => ListBody | undefined) | undefined;
  let rewrite: ((url: URL) => void) | undefined;
  let listed = 0;
  const api = await startReferenceApi({
    store: reference,
    credentials: { tokens: [{ token: 'tenant-token' }] },
    intercept(_req, _res, url) {
      if (url.pathname.endsWith(listPath)) rewrite?.(url);
      return false;
    },
    interceptAnswer(answer: Answer, _res, { url, operationId }) {
      if (operationId !== 'listTenantInteractions' || answer.status !== 200) return false;
      listed += 1;
      const bent = bend?.(JSON.parse(answer.body) as ListBody, url);
      if (bent) {
        answer.body = JSON.stringify(bent);
        answer.headers['content-length'] = String(Buffer.byteLength(answer.body));
      }
      return false;
    },
  });
  const client = createInteractionsClient({
    baseUrl: api.baseUrl,
    auth: { token: 'tenant-token' },
    maxRetries: 0,
    validate,
  });
  limitRate(client, { requestsPerSecond: 10_000 });
  return {
    reference,
    random,
    contacts,
    api,
    client,
    listed: () => listed,
    bend(fn: typeof bend) {
      bend = fn;
    },
    rewrite(fn: typeof rewrite) {
      rewrite = fn;
    },
    now: () => reference.now(),
  };
}
type World = Awaited<ReturnType<typeof world>>;

interface ListBody {
  total: number;
  limit: number;
  offset: number;
  page: number;
  results: { interactionId: string; startTimestamp: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** Every interaction of the tenant, `id → [end, csat]`, from the reference itself. */
function truth(w: World): Map<string, string> {
  return new Map(
    w.contacts.flatMap((c) =>
      w.reference
        .interactions(tenantId, c)!
        .map((i) => [i.interactionId, JSON.stringify([i.endTimestamp ?? null, i.csat ?? null])] as const),
    ),
  );
}

/** What the store holds, `id → [end, csat]`; a row stored twice fails. */
async function stored(fresh: FreshStore): Promise<Map<string, string>> {
  const rows = await fresh.query<{ interaction_id: string; end_timestamp: unknown; csat: unknown }>(
    `SELECT interaction_id, end_timestamp, csat FROM ${TABLES.interactions} WHERE tenant_id = '${tenantId}'`,
  );
  const out = new Map<string, string>();
  for (const row of rows) {
    expect(out.has(row.interaction_id), `${row.interaction_id} stored twice`).toBe(false);
    const end = row.end_timestamp == null ? null : new Date(row.end_timestamp as string).toISOString();
    out.set(row.interaction_id, JSON.stringify([end, row.csat == null ? null : Number(row.csat)]));
  }
  return out;
}

async function sync(w: World, store: InteractionStore, pageSize = 100) {
  const run = syncTenantToStore(w.client, { store, tenantId, now: w.now, pageSize });
  for await (const _ of run);
  return run.summary();
}

describe.each([sqliteKind(), postgresKind()].filter((kind) => kind.available))(
  'syncTenantToStore into $name',
  (kind: StoreKind) => {
    beforeAll(() => kind.setup(), 120_000);
    afterAll(() => kind.teardown());

    it('stores every interaction once, late changes as updated once, and an unchanged tenant costs one page', async () => {
      const w = await world(`tenant-late-${kind.name}`);
      try {
        const fresh = await kind.fresh('late');
        const first = await sync(w, fresh.store);
        const total = truth(w).size;
        expect(first).toMatchObject({ new: total, updated: 0, resumed: false });
        expect(first.window?.lower).toBeNull();
        expect(await stored(fresh)).toEqual(truth(w));

        const begun = w.contacts.slice(0, 5).flatMap((c) => w.reference.beginInteractions(tenantId, c, 2));
        w.reference.advance(10 * MINUTE); // past the skew margin: the next window holds them
        const second = await sync(w, fresh.store);
        expect(second).toMatchObject({ new: begun.length, updated: expect.any(Number) });
        expect(await stored(fresh)).toEqual(truth(w));
        const updatedBefore = second.updated;

        w.reference.advance(3 * 60 * MINUTE + CSAT_DELAY_MS); // they end, get their disposition and csat
        const third = await sync(w, fresh.store);
        expect(third.new).toBe(0);
        expect(third.updated + updatedBefore).toBeLessThanOrEqual(2 * begun.length);
        expect(third.updated).toBeGreaterThan(0);
        expect(await stored(fresh)).toEqual(truth(w));
        const revisions = await fresh.query<{ interaction_id: string; revision: unknown }>(
          `SELECT interaction_id, revision FROM ${TABLES.interactions} WHERE revision <> 1`,
        );
        const ids = new Set(begun.map((i) => i.interactionId));
        expect(revisions.every((r) => ids.has(r.interaction_id))).toBe(true);

        const before = w.listed();
        const idle = await sync(w, fresh.store);
        expect(idle).toMatchObject({ new: 0, updated: 0 });
        expect(w.listed() - before).toBe(1);
      } finally {
        await w.api.close();
      }
    });

    it('resumes a run stopped at any commit: every interaction once, nothing counted twice', async () => {
      const w = await world(`tenant-resume-${kind.name}`);
      try {
        const total = truth(w).size;
        for (const stop of [1, 3, 7, 12]) {
          const fresh = await kind.fresh(`resume${stop}`);
          const crashed = syncTenantToStore(w.client, {
            store: crashingAt(fresh.store, stop),
            tenantId,
            now: w.now,
            pageSize: 50,
          });
          let committed = 0;
          await expect(
            (async () => {
              for await (const event of crashed) committed += event.new;
            })(),
          ).rejects.toThrow('the process died here');
          const resumed = await sync(w, fresh.store, 50);
          expect(resumed.resumed).toBe(stop > 1);
          expect(committed + resumed.new, `stopped at commit ${stop}`).toBe(total);
          expect(await stored(fresh)).toEqual(truth(w));
        }
      } finally {
        await w.api.close();
      }
    });

    it("refuses a checkpoint of another tenant before anything is sent, and keeps the per-contact mode's state apart", async () => {
      const w = await world(`tenant-refuse-${kind.name}`, 2);
      try {
        const fresh = await kind.fresh('refuse');
        await sync(w, fresh.store);
        const other = '0f0e0d0c-0b0a-4909-8807-060504030201';
        await fresh.execute(
          `UPDATE ${TABLES.state} SET state = replace(state${kind.name === 'postgres' ? '::text' : ''}, '${tenantId}', '${other}')${kind.name === 'postgres' ? '::jsonb' : ''} WHERE key = '${TENANT_CHECKPOINT_KEY}'`,
        );
        const before = w.listed();
        await expect(sync(w, fresh.store)).rejects.toBeInstanceOf(CheckpointError);
        expect(w.listed()).toBe(before);
      } finally {
        await w.api.close();
      }
    });
  },
);

describe('syncTenantToStore against a List that misbehaves (SQLite)', () => {
  const kind = sqliteKind();
  beforeAll(() => kind.setup());
  afterAll(() => kind.teardown());

  /**
   * Runs a sync with `bend` on the List's answers: exactly once, or a typed error; never short or
   * duplicated. What arrived during it is the next run's: a synced run is followed by one unbent, after
   * the skew margin, before the store is compared with the tenant.
   */
  async function bent(name: string, bend: (body: ListBody, url: URL) => ListBody | undefined, w?: World) {
    const own = w ?? (await world(`tenant-bent-${name}`));
    try {
      const fresh = await kind.fresh(name);
      own.bend(bend);
      const outcome = await sync(own, fresh.store, 40).then(
        () => 'synced' as const,
        (error: unknown) => error,
      );
      own.bend(undefined);
      own.rewrite(undefined);
      const all = truth(own);
      for (const id of (await stored(fresh)).keys()) expect(all.has(id), `${id} was never the tenant's`).toBe(true);
      if (outcome === 'synced') {
        own.reference.advance(10 * MINUTE);
        await sync(own, fresh.store, 40);
        expect(await stored(fresh)).toEqual(truth(own));
      }
      return outcome;
    } finally {
      if (!w) await own.api.close();
    }
  }

  it.each([
    ['strict', ResponseValidationError, 'must be within the requested time range'],
    ['off', PaginationError, 'outside the range asked for'],
  ] as const)('the range ignored (validate %s): a typed error', async (validate, type, message) => {
    const w = await world(`tenant-bent-ignored-${validate}`, 16, validate);
    try {
      // Served as if no range had been asked for: the first page, whatever the cursor.
      let first: ListBody | undefined;
      const outcome = await bent(
        `ignored-${validate}`,
        (body) => {
          first ??= body;
          return first;
        },
        w,
      );
      expect(outcome).toBeInstanceOf(type);
      expect((outcome as Error).message).toContain(message);
      if (validate === 'off') expect((outcome as PaginationError).code).toBe('out_of_range');
    } finally {
      await w.api.close();
    }
  });

  it('an inclusive end (the instant at the cursor listed again): synced exactly once', async () => {
    const w = await world('tenant-bent-inclusive');
    try {
      // A tenant that takes endTimeRange as inclusive answers [start, end + 1 ms).
      w.rewrite((url) => {
        const end = url.searchParams.get('endTimeRange');
        if (end) url.searchParams.set('endTimeRange', new Date(Date.parse(end) + 1).toISOString());
      });
      expect(await bent('inclusive', () => undefined, w)).toBe('synced');
    } finally {
      await w.api.close();
    }
  });

  it('a repeat within a page: duplicate_ids, a typed error', async () => {
    const outcome = await bent('repeat', (body) =>
      body.results.length > 2 ? { ...body, results: [body.results[0]!, ...body.results.slice(0, -1)] } : undefined,
    );
    expect(outcome).toBeInstanceOf(PaginationError);
  });

  it('a lying total (more than it holds, on a short page): a typed error', async () => {
    const outcome = await bent('total', (body) =>
      body.results.length < body.limit ? { ...body, total: body.total + 5 } : undefined,
    );
    expect(outcome).toBeInstanceOf(PaginationError);
  });

  it('a page that drops its oldest record: a typed error, never a silent gap', async () => {
    const outcome = await bent('short', (body) =>
      body.results.length === body.limit ? { ...body, results: body.results.slice(0, -1) } : undefined,
    );
    expect(outcome).toBeInstanceOf(PaginationError);
  });

  it('arrivals during the walk (the front of the list shifts): synced exactly once', async () => {
    const w = await world('tenant-bent-arrivals');
    try {
      let n = 0;
      const outcome = await bent(
        'arrivals',
        () => {
          if (++n % 2 === 0) {
            w.reference.beginInteractions(tenantId, w.contacts[n % w.contacts.length]!, 3);
          }
          return undefined;
        },
        w,
      );
      expect(outcome).toBe('synced');
    } finally {
      await w.api.close();
    }
  });

  it('a page all of one instant: walked by page numbers inside it, exactly once', async () => {
    const w = await world('tenant-bent-instant', 4);
    try {
      // 130 interactions that started at the same millisecond: more than three pages of 40.
      const contact = w.contacts[0]!;
      w.reference.beginInteractions(tenantId, contact, 130);
      w.reference.advance(10 * MINUTE);
      const outcome = await bent('instant', () => undefined, w);
      expect(outcome).toBe('synced');
    } finally {
      await w.api.close();
    }
  });
});
