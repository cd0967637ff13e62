// Figure 9 of `npm run bench`: store throughput. Rows per second committed through a store's session
// (each batch one `commit`: the rows, classified against what the store holds, and a state entry, in one
// transaction), against a bare driver loop written here: the same columns, `INSERT … ON CONFLICT … DO
// UPDATE` in one transaction per batch into a table of the same indexes (the store's contact and start
// indexes, which any table queried by contact or time needs), no classification, no state. Into SQLite (a prepared statement
// per row, WAL and synchronous=NORMAL like the store) and into a local PostgreSQL (one multi-row
// statement per batch; the throw-away cluster of test/support/, fsync off for both). Each round writes
// a fresh target for each variant, in rotated order; the ratio is of the medians.
// And memory: the RSS and heap growth of a child process syncing many contacts into SQLite through
// `syncToStore`, from a reference API in this process (so the server's memory is not counted).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sourceValue, typedColumns, typedValue } from '../src/stores/columns.js';
import { type InteractionStore, postgresStore, type StoreRow, sqliteStore, TABLES } from '../src/stores/index.js';
import { TABLE_SPECS } from '../src/stores/schema.js';
import { generateInteractions, ReferenceStore, startReferenceApi } from '../src/testing/index.js';
import { seededRandom } from '../src/testing/random.js';
import { type Postgres, postgresBinDir, startPostgres } from '../test/support/postgres.ts';
import { benchToken } from './fixtures.ts';
import { interleave, median, time } from './measure.ts';
import { spawnTs } from './servers.ts';

const tenantId = '0b6c2d8e-3f4a-4b5c-8d6e-7f8091a2b3c4';
const contactId = '1c7d3e9f-4a5b-4c6d-9e7f-8091a2b3c4d5';

export interface ThroughputSizes {
  rows: number;
  batch: number;
  rounds: number;
}

export interface StoreThroughput {
  store: 'sqlite' | 'postgres';
  rows: number;
  batch: number;
  storeRowsPerSecond: number;
  bareRowsPerSecond: number;
  ratio: number;
}

/** Figure 9 for SQLite, and for PostgreSQL when it is installed (`skipped` says why not, otherwise). */
export async function measureStoreThroughput(
  sizes: ThroughputSizes,
): Promise<{ results: StoreThroughput[]; skipped?: string }> {
  const items = generateInteractions(sizes.rows, 'bench-stores');
  const batches: StoreRow[][] = [];
  for (let i = 0; i < items.length; i += sizes.batch) {
    batches.push(items.slice(i, i + sizes.batch).map((interaction) => ({ source: 'history', interaction, contactId })));
  }
  const results = [await sqliteThroughput(batches, sizes)];
  if (!postgresBinDir()) return { results, skipped: 'PostgreSQL is not installed (apt-get install -y postgresql)' };
  const server = await startPostgres();
  try {
    results.push(await postgresThroughput(server, batches, sizes));
  } finally {
    await server.stop();
  }
  return { results };
}

/** The typed values of a row, as a hand-written loop would take them (the record's own keys). */
/** The time to commit `batches` through `store`, a page's rows and its state per commit, as a sync does. */
async function timeCommits(store: InteractionStore, batches: StoreRow[][]): Promise<number> {
  const session = await store.open({ tenantId, scope: 'contacts' });
  try {
    return await time(async () => {
      for (const [i, rows] of batches.entries())
        await session.commit({ rows, state: [{ key: contactId, value: { page: i } }] });
    });
  } finally {
    await session.close();
  }
}

function bareValues(row: StoreRow): unknown[] {
  const path = { tenantId, contactId };
  return typedColumns.map((column) =>
    typedValue(column.kind, sourceValue(column, 'history', row.interaction as Record<string, unknown>, path)),
  );
}

const columns = [...typedColumns.map((c) => c.name), 'record'];
/** The store's secondary indexes, on the bare table too (see `schema.ts`). */
const bareIndexes = TABLE_SPECS.find((table) => table.name === TABLES.interactions)!.indexes.map(
  (index) => `CREATE INDEX bare_${index.name} ON bare (${index.columns.join(', ')})`,
);
const updates = columns.filter((c) => c !== 'tenant_id' && c !== 'interaction_id').map((c) => `${c} = excluded.${c}`);

async function sqliteThroughput(batches: StoreRow[][], sizes: ThroughputSizes): Promise<StoreThroughput> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxengage-bench-sqlite-'));
  let n = 0;
  try {
    const samples = await interleave(
      {
        store: () => timeCommits(sqliteStore({ file: path.join(dir, `store-${++n}.db`) }), batches),
        bare: async () => {
          const db = new Database(path.join(dir, `bare-${++n}.db`));
          db.pragma('journal_mode = WAL');
          db.pragma('synchronous = NORMAL');
          db.exec(
            `CREATE TABLE bare (${columns.map((c) => `${c} ANY`).join(', ')}, PRIMARY KEY (tenant_id, interaction_id))`,
          );
          for (const index of bareIndexes) db.exec(index);
          const insert = db.prepare(
            `INSERT INTO bare (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (tenant_id, interaction_id) DO UPDATE SET ${updates.join(', ')}`,
          );
          const write = db.transaction((rows: StoreRow[]) => {
            for (const row of rows) insert.run(...bareValues(row), JSON.stringify(row.interaction));
          });
          try {
            return await time(async () => {
              for (const rows of batches) write(rows);
            });
          } finally {
            db.close();
          }
        },
      },
      sizes.rounds,
    );
    return figure('sqlite', batches, sizes, samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresThroughput(
  server: Postgres,
  batches: StoreRow[][],
  sizes: ThroughputSizes,
): Promise<StoreThroughput> {
  let n = 0;
  const database = async () => {
    const name = `bench_${++n}`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return server.url.replace(/\/postgres$/, `/${name}`);
  };
  const pgTypes: Record<string, string> = {
    text: 'text',
    timestamp: 'timestamptz',
    real: 'float8',
    integer: 'int8',
    boolean: 'bool',
  };
  const samples = await interleave(
    {
      store: async () => timeCommits(postgresStore({ url: await database() }), batches),
      bare: async () => {
        const client = new pg.Client({ connectionString: await database() });
        await client.connect();
        await client.query(
          `CREATE TABLE bare (${[...typedColumns.map((c) => `${c.name} ${pgTypes[c.kind]}`), 'record jsonb'].join(', ')}, PRIMARY KEY (tenant_id, interaction_id))`,
        );
        for (const index of bareIndexes) await client.query(index);
        try {
          return await time(async () => {
            for (const rows of batches) {
              const values: unknown[] = [];
              const tuples = rows.map((row) => {
                const start = values.length;
                values.push(...bareValues(row), JSON.stringify(row.interaction));
                return `(${columns.map((_, i) => `$${start + i + 1}`).join(', ')})`;
              });
              await client.query('BEGIN');
              await client.query(
                `INSERT INTO bare (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (tenant_id, interaction_id) DO UPDATE SET ${updates.join(', ')}`,
                values,
              );
              await client.query('COMMIT');
            }
          });
        } finally {
          await client.end();
        }
      },
    },
    sizes.rounds,
  );
  return figure('postgres', batches, sizes, samples);
}

function figure(
  store: StoreThroughput['store'],
  batches: StoreRow[][],
  sizes: ThroughputSizes,
  samples: { store: number[]; bare: number[] },
): StoreThroughput {
  const rows = batches.reduce((sum, batch) => sum + batch.length, 0);
  const storeRowsPerSecond = rows / (median(samples.store) / 1000);
  const bareRowsPerSecond = rows / (median(samples.bare) / 1000);
  return {
    store,
    rows,
    batch: sizes.batch,
    storeRowsPerSecond,
    bareRowsPerSecond,
    ratio: storeRowsPerSecond / bareRowsPerSecond,
  };
}

export interface StoreMemory {
  contacts: number;
  rows: number;
  failed: number;
  ms: number;
  rssBeforeBytes: number;
  rssGrowthBytes: number;
  /** How much the peak grew over the second half of the contacts (bounded memory: about nothing). */
  rssSecondHalfGrowthBytes: number;
  heapGrowthBytes: number;
}

/** The memory of a per-contact sync of `contacts` contacts (0 to `maxInteractions` each) into a SQLite file. */
export async function measureStoreMemory(opts: { contacts: number; maxInteractions: number }): Promise<StoreMemory> {
  const reference = new ReferenceStore({ seed: 'bench-stores-memory' });
  const random = seededRandom(`bench-stores-memory/${opts.contacts}`);
  const ids = reference.addContacts(tenantId, opts.contacts, () => Math.floor(random() * (opts.maxInteractions + 1)));
  const api = await startReferenceApi({ store: reference, credentials: { tokens: [{ token: benchToken }] } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxengage-bench-memory-'));
  try {
    const contactsFile = path.join(dir, 'contacts.txt');
    writeFileSync(contactsFile, `${ids.join('\n')}\n`);
    const child = spawnTs(
      'stores-memory-child.ts',
      [api.baseUrl, tenantId, contactsFile, path.join(dir, 'memory.db')],
      ['--expose-gc'],
    );
    let out = '';
    let err = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4_000)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    if (code !== 0) throw new Error(`store memory child exited with ${code}:\n${err}`);
    const result = JSON.parse(out) as StoreMemory;
    const expected = ids.reduce((sum, id) => sum + reference.interactions(tenantId, id)!.length, 0);
    if (result.failed !== 0 || result.rows !== expected)
      throw new Error(
        `the store memory sync stored ${result.rows} of ${expected} rows (${result.failed} contacts failed)`,
      );
    return result;
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
