/**
 * The SQLite store (`sqlite:FILE`), the embedded default, over better-sqlite3 (loaded on demand). The
 * file holds the tables of `schema.ts` (STRICT, so a column keeps its type) in WAL mode, so readers
 * (your queries, a BI tool) go on reading while a sync writes. A commit is one `BEGIN IMMEDIATE`
 * transaction; `synchronous=NORMAL` keeps every commit through a process crash (`kill -9`), and an OS
 * crash can lose only the last commits whole, which the rerun re-reads, since their state went with them.
 *
 * One sync writes a file at a time: the writer lock is an exclusive lock that SQLite takes on a file
 * beside it (`FILE-sync-lock`, an empty database), held by this process's connection. The OS drops it
 * when the process ends, however it ends, so a crash never leaves a lock behind; a second sync finds it
 * taken and refuses at once, naming the holder that the lock table of the store records.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { typedColumns } from './columns.js';
import { addonError, loadSqlite } from './drivers.js';
import { StoreError } from './errors.js';
import { recordJson } from './json.js';
import { normalId, outcome, prepareRows } from './rows.js';
import { type Dialect, prepareTables, RECORD_COLUMNS, type StoredKind, TABLES } from './schema.js';
import type { InteractionStore, RowChange, SessionOptions, StoreBatch, StoreCommit, StoreSession } from './types.js';

type Database = BetterSqlite3.Database;

const SQLITE_TYPES: Record<StoredKind, string> = {
  text: 'TEXT',
  timestamp: 'TEXT',
  real: 'REAL',
  integer: 'INTEGER',
  boolean: 'INTEGER',
  json: 'TEXT',
};

/** Keys read or written per statement: well within SQLite's limit on parameters. */
const CHUNK = 500;

/** Where a {@link sqliteStore} keeps its file. */
export interface SqliteStoreOptions {
  /** The database file; created (with its tables) when it does not exist. */
  file: string;
}

/** A store in a SQLite file (see the module's header). Creating it does no I/O. */
export function sqliteStore(options: SqliteStoreOptions): InteractionStore {
  const file = options.file;
  const location = `sqlite:${file}`;
  return { kind: 'sqlite', location, open: (session) => openSqlite(file, location, session) };
}

async function openSqlite(file: string, location: string, options: SessionOptions): Promise<StoreSession> {
  options.signal?.throwIfAborted();
  const Database = await loadSqlite(location);
  const real = realFile(file, location);
  const lock = openDatabase(Database, `${real}-sync-lock`, location, { timeout: 0 });
  let db: Database | undefined;
  try {
    const taken = tryExclusive(lock);
    db = openDatabase(Database, real, location, { timeout: 5_000 });
    if (!taken) throw lockedError(db, location);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    await inTransaction(db, () => prepareTables(sqliteDialect(db!), location));
    const holder = { pid: process.pid, host: hostname() };
    db.prepare(
      `INSERT INTO ${TABLES.lock} (lock_key, pid, host, since, holder) VALUES ('file', ?, ?, ?, ?)
       ON CONFLICT (lock_key) DO UPDATE SET pid = excluded.pid, host = excluded.host, since = excluded.since, holder = excluded.holder`,
    ).run(holder.pid, holder.host, new Date().toISOString(), 'cxengage-interactions');
    return new SqliteSession(db, lock, location, options, holder);
  } catch (error) {
    db?.close();
    lock.close();
    throw asStoreError(error, location);
  }
}

/** The file's real path (symbolic links resolved, so two names for one file share one lock). */
function realFile(file: string, location: string): string {
  const absolute = path.resolve(file);
  if (existsSync(absolute)) {
    if (statSync(absolute).isDirectory()) throw new StoreError('unreachable', location, `${location} is a directory`);
    return realpathSync(absolute);
  }
  const dir = path.dirname(absolute);
  if (!existsSync(dir))
    throw new StoreError('unreachable', location, `${location}: the directory ${dir} does not exist`);
  return path.join(realpathSync(dir), path.basename(absolute));
}

function openDatabase(
  Database: typeof BetterSqlite3,
  file: string,
  location: string,
  options: BetterSqlite3.Options,
): Database {
  try {
    return new Database(file, options);
  } catch (error) {
    throw addonError(error, location) ?? asStoreError(error, location);
  }
}

/** Takes the exclusive lock on the lock file (no journal: nothing is ever written there); false when another holds it. */
function tryExclusive(lock: Database): boolean {
  try {
    lock.pragma('journal_mode = OFF');
    lock.exec('BEGIN EXCLUSIVE');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  }
}

function lockedError(db: Database, location: string): StoreError {
  let holder: { pid: number; host: string; since: string } | undefined;
  try {
    holder = db.prepare(`SELECT pid, host, since FROM ${TABLES.lock} WHERE lock_key = 'file'`).get() as typeof holder;
  } catch {} // no lock table yet: the holder is creating the store
  const who = holder
    ? `pid ${holder.pid} on ${holder.host === hostname() ? 'this host' : `host ${holder.host}`}, since ${holder.since}`
    : 'a process that has not said who it is yet';
  return new StoreError(
    'locked',
    location,
    `${location} is in use by another sync (${who}); one sync writes a SQLite file at a time: run again once it has ended`,
  );
}

async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function sqliteDialect(db: Database): Dialect {
  return {
    name: 'SQLite',
    type: (kind) => SQLITE_TYPES[kind],
    tableOptions: 'STRICT',
    param: () => '?',
    async existing(names) {
      const rows = db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN (${names.map(() => '?').join(', ')})`)
        .all(...names) as { name: string }[];
      return new Set(rows.map((row) => row.name));
    },
    async describe(table) {
      const info = db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all(table) as {
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }[];
      return {
        columns: info.map((c) => ({ name: c.name, type: c.type, notNull: c.notnull === 1 })),
        primaryKey: info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
      };
    },
    async meta() {
      const rows = db.prepare(`SELECT key, value FROM ${TABLES.meta}`).all() as { key: string; value: string }[];
      return new Map(rows.map((row) => [row.key, row.value]));
    },
    async run(statements) {
      for (const statement of statements) {
        if (typeof statement === 'string') db.exec(statement);
        else db.prepare(statement[0]).run(...statement[1]);
      }
    },
  };
}

const recordColumns = Object.values(RECORD_COLUMNS).map((column) => column.name);
const UPSERT = `INSERT INTO ${TABLES.interactions} (${[...typedColumns.map((c) => c.name), ...recordColumns].join(', ')})
  VALUES (${[...typedColumns, ...recordColumns].map(() => '?').join(', ')})
  ON CONFLICT (tenant_id, interaction_id) DO UPDATE SET ${[
    ...typedColumns.filter((c) => !c.key).map((c) => `${c.name} = excluded.${c.name}`),
    'record = excluded.record',
    'fingerprint = excluded.fingerprint',
    'source = excluded.source',
    'revision = revision + 1',
    'last_synced_at = excluded.last_synced_at',
  ].join(', ')}
  WHERE fingerprint IS NOT excluded.fingerprint
  RETURNING revision`;

class SqliteSession implements StoreSession {
  readonly tenantId: string;
  readonly scope: SessionOptions['scope'];
  readonly #db: Database;
  readonly #lock: Database;
  readonly #location: string;
  readonly #holder: { pid: number; host: string };
  readonly #upsert: BetterSqlite3.Statement;
  readonly #putState: BetterSqlite3.Statement;
  readonly #dropState: BetterSqlite3.Statement;
  #closed = false;

  constructor(
    db: Database,
    lock: Database,
    location: string,
    options: SessionOptions,
    holder: { pid: number; host: string },
  ) {
    this.#db = db;
    this.#lock = lock;
    this.#location = location;
    this.#holder = holder;
    this.tenantId = normalId(options.tenantId);
    this.scope = options.scope;
    this.#upsert = db.prepare(UPSERT).pluck();
    this.#putState = db.prepare(
      `INSERT INTO ${TABLES.state} (tenant_id, scope, key, state, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, scope, key) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at`,
    );
    this.#dropState = db.prepare(`DELETE FROM ${TABLES.state} WHERE tenant_id = ? AND scope = ? AND key = ?`);
  }

  async readState(keys?: readonly string[]): Promise<Map<string, unknown>> {
    const base = `SELECT key, state FROM ${TABLES.state} WHERE tenant_id = ? AND scope = ?`;
    const rows = keys
      ? chunks(keys).flatMap((part) =>
          this.#db
            .prepare(`${base} AND key IN (${part.map(() => '?').join(', ')})`)
            .all(this.tenantId, this.scope, ...part),
        )
      : this.#db.prepare(base).all(this.tenantId, this.scope);
    return new Map((rows as { key: string; state: string }[]).map((row) => [row.key, JSON.parse(row.state)]));
  }

  async known(ids: readonly string[]): Promise<Map<string, string>> {
    return this.#fingerprints(ids.map(normalId));
  }

  #fingerprints(ids: readonly string[]): Map<string, string> {
    const found = new Map<string, string>();
    for (const part of chunks(ids)) {
      const rows = this.#db
        .prepare(
          `SELECT interaction_id, fingerprint FROM ${TABLES.interactions} WHERE tenant_id = ? AND interaction_id IN (${part.map(() => '?').join(', ')})`,
        )
        .all(this.tenantId, ...part) as { interaction_id: string; fingerprint: string }[];
      for (const row of rows) found.set(row.interaction_id, row.fingerprint);
    }
    return found;
  }

  async commit(batch: StoreBatch): Promise<StoreCommit> {
    const { rows, of } = prepareRows(batch, this.tenantId);
    const now = new Date().toISOString();
    const write = this.#db.transaction(() => {
      // One statement a row: the upsert leaves an unchanged row alone and returns the revision it wrote
      // (1: new; more: updated; nothing: unchanged), so no row is read first.
      const changes: RowChange[] = rows.map((row) => {
        const values = row.values.map((v) => (typeof v === 'boolean' ? Number(v) : v));
        const written = this.#upsert.get(...values, row.record, row.fingerprint, row.source, 1, now, now) as
          | number
          | undefined;
        return written === undefined ? 'unchanged' : written === 1 ? 'new' : 'updated';
      });
      for (const { key, value } of batch.state) {
        if (value === null) this.#dropState.run(this.tenantId, this.scope, key);
        else this.#putState.run(this.tenantId, this.scope, key, recordJson(value), now);
      }
      return changes;
    });
    try {
      return outcome(of, write.immediate());
    } catch (error) {
      throw new StoreError(
        'write',
        this.#location,
        `${this.#location}: a commit failed and was rolled back, so nothing of it was stored (${(error as Error).message}); run again to go on from the last commit`,
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#db
        .prepare(`DELETE FROM ${TABLES.lock} WHERE lock_key = 'file' AND pid = ? AND host = ?`)
        .run(this.#holder.pid, this.#holder.host);
    } catch {} // the lock itself is the OS's: this row only names its holder
    this.#db.close();
    this.#lock.close(); // ends the exclusive transaction: the lock is free
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function asStoreError(error: unknown, location: string): unknown {
  if (error instanceof StoreError) return error;
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'SQLITE_NOTADB') {
    return new StoreError('not_a_store', location, `${location} is not a SQLite database`, { cause: error });
  }
  if ((typeof code === 'string' && code.startsWith('SQLITE_')) || error instanceof TypeError) {
    return new StoreError('unreachable', location, `${location} cannot be opened: ${message}`, { cause: error });
  }
  return error;
}
