// Every SQL store held to the same promises, on a real SQLite file and a real PostgreSQL database: the
// tables it creates (typed columns, the record as JSON, the recorded schema version, the indexes); a
// commit that upserts rows and state together and tells new from updated from unchanged against the
// rows themselves; a table of another shape, a store without its record, or one of a newer version,
// refused with the table or the versions named and nothing altered; and one writer per tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkg } from '../../generated/package.js';
import { type StoreRow, TABLES } from '../../src/stores/index.js';
import { SCHEMA_VERSION } from '../../src/stores/schema.js';
import { generateInteractions, interactionRecord } from '../../src/testing/index.js';
import { CONTACT, TENANT, uuid } from '../helpers.js';
import { postgresKind, refusal, type StoreKind, sqliteKind } from '../support/stores.ts';

const kinds = [sqliteKind(), postgresKind()];
const history = generateInteractions(6, 'sql-stores');
const rowsOf = (items: typeof history, contactId = CONTACT): StoreRow[] =>
  items.map((interaction) => ({ source: 'history', interaction, contactId }));

describe.each(kinds.filter((kind) => kind.available))('the $name store', (kind: StoreKind) => {
  beforeAll(() => kind.setup(), 120_000);
  afterAll(() => kind.teardown());
  const num = (value: unknown) => Number(value);

  it('creates its tables, typed, with the schema version, and finds them ready the next time', async () => {
    const { store, query } = await kind.fresh('create');
    await (await store.open({ tenantId: TENANT, scope: 'contacts' })).close();
    await (await store.open({ tenantId: TENANT, scope: 'contacts' })).close();
    const meta = await query<{ key: string; value: string }>(`SELECT key, value FROM ${TABLES.meta} ORDER BY key`);
    expect(Object.fromEntries(meta.map((row) => [row.key, row.value]))).toMatchObject({
      schema_version: String(SCHEMA_VERSION),
      written_by: `${pkg.name} ${pkg.version}`,
    });
    const count = await query<{ n: unknown }>(`SELECT count(*) AS n FROM ${TABLES.interactions}`);
    expect(num(count[0]!.n)).toBe(0);
    const indexes =
      kind.name === 'sqlite'
        ? await query<{ name: string }>(
            `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = '${TABLES.interactions}'`,
          )
        : await query<{ name: string }>(
            `SELECT indexname AS name FROM pg_indexes WHERE tablename = '${TABLES.interactions}'`,
          );
    expect(indexes.map((index) => index.name)).toEqual(
      expect.arrayContaining([`${TABLES.interactions}_contact`, `${TABLES.interactions}_start`]),
    );
  });

  it('commits rows and state together, telling new, updated and unchanged by the rows it holds', async () => {
    const { store, query } = await kind.fresh('commit');
    const session = await store.open({ tenantId: TENANT.toUpperCase(), scope: 'contacts' });
    try {
      const first = await session.commit({ rows: rowsOf(history), state: [{ key: 'a', value: { step: 1 } }] });
      expect(first).toMatchObject({ new: 6, updated: 0, unchanged: 0 });
      const changed = history.map((item, i) =>
        i === 2 ? { ...item, csat: 5, endTimestamp: '2030-01-01T00:00:00.000Z' } : item,
      );
      const second = await session.commit({
        rows: [...rowsOf(changed), rowsOf(changed)[2]!],
        state: [
          { key: 'a', value: null },
          { key: 'b', value: { step: 2, big: [1, 'x'] } },
        ],
      });
      expect(second.changes).toEqual([
        'unchanged',
        'unchanged',
        'updated',
        'unchanged',
        'unchanged',
        'unchanged',
        'unchanged',
      ]);
      expect(second).toMatchObject({ new: 0, updated: 1, unchanged: 6 });
      expect(await session.readState()).toEqual(new Map([['b', { step: 2, big: [1, 'x'] }]]));
      expect(await session.readState(['a', 'b', 'c'])).toEqual(new Map([['b', { step: 2, big: [1, 'x'] }]]));
      const known = await session.known([history[2]!.interactionId.toUpperCase(), uuid(77)]);
      expect([...known!.keys()]).toEqual([history[2]!.interactionId]);

      const rows = await query<Record<string, unknown>>(
        `SELECT * FROM ${TABLES.interactions} WHERE interaction_id = '${history[2]!.interactionId}'`,
      );
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row).toMatchObject({
        tenant_id: TENANT,
        contact_id: CONTACT,
        channel_type: history[2]!.channelType,
        source: 'history',
      });
      expect(num(row['revision'])).toBe(2);
      expect(num(row['csat'])).toBe(5);
      const record = typeof row['record'] === 'string' ? JSON.parse(row['record']) : row['record'];
      expect(record).toEqual(changed[2]);
      expect(new Date(row['end_timestamp'] as string).toISOString()).toBe('2030-01-01T00:00:00.000Z');
      const revisions = await query<{ revision: unknown }>(`SELECT revision FROM ${TABLES.interactions}`);
      expect(revisions.map((r) => num(r.revision)).sort()).toEqual([1, 1, 1, 1, 1, 2]);
    } finally {
      await session.close();
    }
  });

  it('tells a record by its content, not by the order of its keys', async () => {
    const { store } = await kind.fresh('key-order');
    const session = await store.open({ tenantId: TENANT, scope: 'contacts' });
    try {
      const reordered = history.map((item) => Object.fromEntries(Object.entries(item).reverse()) as typeof item);
      expect((await session.commit({ rows: rowsOf(history), state: [] })).new).toBe(6);
      expect(await session.commit({ rows: rowsOf(reordered), state: [] })).toMatchObject({ unchanged: 6, updated: 0 });
      const nested = { ...history[0]!, extra: { b: 1, a: [{ y: 2, x: 1 }] } };
      const renested = { ...history[0]!, extra: { a: [{ x: 1, y: 2 }], b: 1 } };
      const moved = { ...history[0]!, extra: { a: [{ x: 2, y: 1 }], b: 1 } };
      expect((await session.commit({ rows: rowsOf([nested]), state: [] })).updated).toBe(1);
      expect((await session.commit({ rows: rowsOf([renested]), state: [] })).unchanged).toBe(1);
      expect((await session.commit({ rows: rowsOf([moved]), state: [] })).updated).toBe(1);
    } finally {
      await session.close();
    }
  });

  it("fills the typed columns from a List record's keys, and keeps tenants apart", async () => {
    const { store, query } = await kind.fresh('records');
    const other = uuid(0x7e7);
    const session = await store.open({ tenantId: TENANT, scope: 'tenant' });
    const item = history[0]!;
    const record = interactionRecord(item, TENANT, CONTACT);
    await session.commit({ rows: [{ source: 'list', interaction: record, contactId: null }], state: [] });
    await session.close();
    const elsewhere = await store.open({ tenantId: other, scope: 'contacts' });
    await elsewhere.commit({ rows: rowsOf([item]), state: [{ key: 'x', value: 1 }] });
    expect(await elsewhere.readState()).toEqual(new Map([['x', 1]]));
    await elsewhere.close();
    const rows = await query<Record<string, unknown>>(
      `SELECT tenant_id, contact_id, channel_type, direction_type, customer, flow_name, contact_point, last_agent_id, source FROM ${TABLES.interactions} ORDER BY source`,
    );
    expect(rows).toEqual([
      {
        tenant_id: other,
        contact_id: CONTACT,
        channel_type: item.channelType,
        direction_type: item.directionType,
        customer: item.customer,
        flow_name: null,
        contact_point: null,
        last_agent_id: item.lastAgentId,
        source: 'history',
      },
      {
        tenant_id: TENANT,
        contact_id: CONTACT,
        channel_type: item.channelType,
        direction_type: item.directionType,
        customer: item.customer,
        flow_name: record.flowName,
        contact_point: record.contactPoint,
        last_agent_id: null,
        source: 'list',
      },
    ]);
  });

  it('refuses a table of another shape, naming it and what differs, and alters nothing', async () => {
    const { store, query, execute } = await kind.fresh('shape');
    await (await store.open({ tenantId: TENANT, scope: 'contacts' })).close();
    await execute(`ALTER TABLE ${TABLES.interactions} ADD COLUMN mood TEXT`);
    const error = await refusal(store.open({ tenantId: TENANT, scope: 'contacts' }));
    expect(error.code).toBe('shape');
    expect(error.message).toContain(`table ${TABLES.interactions} has another shape`);
    expect(error.message).toContain('column mood is not one of its columns');
    expect(error.message).toContain('never altered');
    const columns =
      kind.name === 'sqlite'
        ? await query<{ name: string }>(`SELECT name FROM pragma_table_info('${TABLES.interactions}')`)
        : await query<{ name: string }>(
            `SELECT column_name AS name FROM information_schema.columns WHERE table_name = '${TABLES.interactions}'`,
          );
    expect(columns.map((c) => c.name)).toContain('mood');
  });

  it("refuses a table of its own name that it did not create, and a column's other type", async () => {
    const made = await kind.fresh('foreign');
    await made.execute(`CREATE TABLE ${TABLES.interactions} (interaction_id TEXT PRIMARY KEY)`);
    const foreign = await refusal(made.store.open({ tenantId: TENANT, scope: 'contacts' }));
    expect(foreign.code).toBe('not_a_store');
    expect(foreign.message).toContain(`table ${TABLES.interactions} exists, but ${TABLES.meta}`);

    const retyped = await kind.fresh('retyped');
    await (await retyped.store.open({ tenantId: TENANT, scope: 'contacts' })).close();
    await retyped.execute(`DROP TABLE ${TABLES.state}`);
    await retyped.execute(
      `CREATE TABLE ${TABLES.state} (tenant_id TEXT NOT NULL, scope TEXT NOT NULL, key TEXT NOT NULL, state INTEGER NOT NULL, saved_at TEXT NOT NULL, PRIMARY KEY (tenant_id, scope, key))`,
    );
    const error = await refusal(retyped.store.open({ tenantId: TENANT, scope: 'contacts' }));
    expect(error.code).toBe('shape');
    expect(error.message).toMatch(
      new RegExp(`table ${TABLES.state} .*column state is (INTEGER|integer) NOT NULL, not (TEXT|jsonb) NOT NULL`),
    );
  });

  it('refuses a store of a newer schema version, naming both versions', async () => {
    const { store, execute } = await kind.fresh('newer');
    await (await store.open({ tenantId: TENANT, scope: 'contacts' })).close();
    await execute(`UPDATE ${TABLES.meta} SET value = '7' WHERE key = 'schema_version'`);
    await execute(`UPDATE ${TABLES.meta} SET value = 'cxengage-interactions 9.0.0' WHERE key = 'written_by'`);
    const error = await refusal(store.open({ tenantId: TENANT, scope: 'contacts' }));
    expect(error.code).toBe('newer_schema');
    expect(error.setup).toBe(true);
    expect(error.message).toContain('written by cxengage-interactions 9.0.0 with schema version 7');
    expect(error.message).toContain(`${pkg.version} knows schema version ${SCHEMA_VERSION}`);
  });

  it('lets one session write a tenant at a time, naming the holder to the next, and frees it on close', async () => {
    const { store } = await kind.fresh('lock');
    const holder = await store.open({ tenantId: TENANT, scope: 'contacts' });
    const error = await refusal(store.open({ tenantId: TENANT, scope: 'tenant' }));
    expect(error.code).toBe('locked');
    expect(error.message).toContain(`pid ${process.pid} on this host`);
    if (kind.name === 'postgres') {
      // Another tenant, and the shards of a split run, write side by side; a whole run excludes them.
      const other = await store.open({ tenantId: uuid(0x0a), scope: 'contacts' });
      await other.close();
    }
    await holder.close();
    await holder.close();
    const next = await store.open({ tenantId: TENANT, scope: 'contacts' });
    await next.close();
  });
});
