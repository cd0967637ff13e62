/**
 * The PostgreSQL store (`postgres://…`), over pg (loaded on demand), on one connection per session. The
 * tables of `schema.ts` live in the connection's current schema, the record as `jsonb` (which keeps a
 * number's digits exactly; it cannot hold U+0000 or an unpaired surrogate, which become U+FFFD there,
 * while the fingerprint is of the record as received).
 *
 * A commit is ONE statement: data-modifying CTEs upsert the rows (a row whose fingerprint is stored
 * already is left alone) and the state entries, and read the fingerprints stored before, from one
 * snapshot. One statement is one transaction, all of it kept or none, and one round trip.
 *
 * The writer lock is a session-level advisory lock on the tenant (in this database and schema): the
 * server drops it when the connection ends, however it ends, so a crash never leaves a lock behind. A
 * shard's session takes the tenant's lock shared and its part's exclusive, so the shards of one split
 * run side by side while a session without a part excludes them all. A session refused finds the
 * holder that the lock table records, and names it.
 */
import { hostname } from 'node:os';
import type pg from 'pg';
import { pkg } from '../../generated/package.js';
import { typedColumns } from './columns.js';
import { loadPg } from './drivers.js';
import { StoreError } from './errors.js';
import { recordJson } from './json.js';
import { changesFrom, normalId, outcome, type PreparedRow, prepareRows } from './rows.js';
import { type Dialect, prepareTables, type StoredKind, TABLES } from './schema.js';
import type { InteractionStore, SessionOptions, StoreBatch, StoreCommit, StoreSession } from './types.js';
import { parseStoreUrl } from './url.js';

const PG_TYPES: Record<StoredKind, string> = {
  text: 'text',
  timestamp: 'timestamp with time zone',
  real: 'double precision',
  integer: 'bigint',
  boolean: 'boolean',
  json: 'jsonb',
};

/** The first key of every advisory lock this tool takes: its own space among the database's locks. */
const LOCK_SPACE = 0x43_58_49_41; // "CXIA"
/** How long a connection may take before the store counts as unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Where a {@link postgresStore} connects. */
export interface PostgresStoreOptions {
  /** A libpq URL, `postgres://USER@HOST:PORT/DATABASE`; a password may come from PGPASSWORD or ~/.pgpass. */
  url: string;
}

/** A store in a PostgreSQL database (see the module's header). Creating it does no I/O. */
export function postgresStore(options: PostgresStoreOptions): InteractionStore {
  const target = parseStoreUrl(options.url, 'url');
  if (target.kind !== 'postgres') throw new TypeError('postgresStore takes a postgres:// URL');
  return {
    kind: 'postgres',
    location: target.location,
    open: (session) => openPostgres(target.url, target.location, session),
  };
}

async function openPostgres(url: string, location: string, options: SessionOptions): Promise<StoreSession> {
  options.signal?.throwIfAborted();
  const { Client } = await loadPg(location);
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: `${pkg.name} sync (pid ${process.pid})`.slice(0, 63),
  });
  const broken: { error?: Error } = {};
  // A connection that breaks between queries is reported here (an unhandled 'error' would end the process).
  client.on('error', (error) => {
    broken.error = error;
  });
  const abort = () => void client.end().catch(() => {});
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    await client.connect();
  } catch (error) {
    options.signal?.throwIfAborted();
    throw new StoreError('unreachable', location, `${location} cannot be reached: ${describe(error)}`, {
      cause: error,
    });
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SPACE]); // one creator of the tables at a time
    await prepareTables(postgresDialect(client), location);
    await client.query('COMMIT');
    const tenantId = normalId(options.tenantId);
    const lockKey = options.part ? `${tenantId} ${options.part}` : tenantId;
    await takeLock(client, location, tenantId, options.part, lockKey);
    await client.query(
      `INSERT INTO ${TABLES.lock} (lock_key, pid, host, since, holder) VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (lock_key) DO UPDATE SET pid = EXCLUDED.pid, host = EXCLUDED.host, since = EXCLUDED.since, holder = EXCLUDED.holder`,
      [lockKey, process.pid, hostname(), `${pkg.name} ${pkg.version}`],
    );
    return new PostgresSession(client, broken, location, options, lockKey);
  } catch (error) {
    await client.end().catch(() => {});
    if (error instanceof StoreError) throw error;
    throw new StoreError('unreachable', location, `${location}: ${describe(error)}`, { cause: error });
  }
}

async function takeLock(
  client: pg.Client,
  location: string,
  tenantId: string,
  part: string | undefined,
  lockKey: string,
): Promise<void> {
  const key = (text: string) => `hashtext(current_schema() || ' ' || ${text})`;
  const { rows } = await client.query(
    part
      ? `SELECT pg_try_advisory_lock_shared($1, ${key('$2')}) AND pg_try_advisory_lock($1, ${key('$3')}) AS ok`
      : `SELECT pg_try_advisory_lock($1, ${key('$2')}) AS ok`,
    part ? [LOCK_SPACE, tenantId, lockKey] : [LOCK_SPACE, tenantId],
  );
  if (rows[0]?.ok === true) return;
  const { rows: holders } = await client.query(
    `SELECT lock_key, pid, host, since FROM ${TABLES.lock} WHERE lock_key = $1 OR lock_key = $2 OR lock_key LIKE $3 ORDER BY since`,
    [tenantId, lockKey, `${tenantId} %`],
  );
  const holder = holders[0] as { lock_key: string; pid: number; host: string; since: Date } | undefined;
  const who = holder
    ? `pid ${holder.pid} on ${holder.host === hostname() ? 'this host' : `host ${holder.host}`}${holder.lock_key === tenantId ? '' : ` (shard ${holder.lock_key.slice(tenantId.length + 1)})`}, since ${holder.since.toISOString()}${holders.length > 1 ? `, and ${holders.length - 1} more` : ''}`
    : 'a session that has not said who it is yet';
  throw new StoreError(
    'locked',
    location,
    `${location}: tenant ${tenantId}${part ? ` (shard ${part})` : ''} is being synced by another run (${who}); run again once it has ended`,
  );
}

function postgresDialect(client: pg.Client): Dialect {
  return {
    name: 'PostgreSQL',
    type: (kind) => PG_TYPES[kind],
    tableOptions: '',
    param: (n) => `$${n}`,
    async existing(names) {
      const { rows } = await client.query(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY($1)',
        [names],
      );
      return new Set(rows.map((row) => row.table_name as string));
    },
    async describe(table) {
      const { rows: columns } = await client.query(
        `SELECT column_name AS name, data_type AS type, is_nullable = 'NO' AS "notNull"
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      const { rows: key } = await client.query(
        `SELECT a.attname AS name FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
         WHERE i.indrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1)) AND i.indisprimary
         ORDER BY array_position(i.indkey::int2[], a.attnum)`,
        [table],
      );
      return { columns: columns as never, primaryKey: key.map((row) => row.name as string) };
    },
    async meta() {
      const { rows } = await client.query(`SELECT key, value FROM ${TABLES.meta}`);
      return new Map(rows.map((row) => [row.key as string, row.value as string]));
    },
    async run(statements) {
      for (const statement of statements) {
        if (typeof statement === 'string') await client.query(statement);
        else await client.query(statement[0], statement[1]);
      }
    },
  };
}

const inputColumns = [
  ...typedColumns.map((c) => `${c.name} ${PG_TYPES[c.kind]}`),
  'record jsonb',
  'fingerprint text',
  'source text',
].join(', ');
const written = [...typedColumns.map((c) => c.name), 'record', 'fingerprint', 'source'];

/** The commit: rows and state entries in one statement, returning the fingerprints stored before it. */
const COMMIT = `WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${inputColumns})
), entries AS (
  SELECT * FROM json_to_recordset($5::json) AS e(key text, state jsonb)
), stored AS (
  -- Looked up on the primary key, the ids as one array: a join with the input would let a planner
  -- without statistics (a young table) read every row of the tenant on every commit.
  SELECT t.interaction_id, t.fingerprint FROM ${TABLES.interactions} t
  WHERE t.tenant_id = $2 AND t.interaction_id = ANY (ARRAY(SELECT interaction_id FROM input))
), upserted AS (
  INSERT INTO ${TABLES.interactions} AS t (${[...written, 'revision', 'first_synced_at', 'last_synced_at'].join(', ')})
  SELECT ${written.join(', ')}, 1, $3::timestamptz, $3::timestamptz FROM input
  ON CONFLICT (tenant_id, interaction_id) DO UPDATE SET ${[
    ...typedColumns.filter((c) => !c.key).map((c) => `${c.name} = EXCLUDED.${c.name}`),
    'record = EXCLUDED.record',
    'fingerprint = EXCLUDED.fingerprint',
    'source = EXCLUDED.source',
    'revision = t.revision + 1',
    'last_synced_at = EXCLUDED.last_synced_at',
  ].join(', ')}
  WHERE t.fingerprint IS DISTINCT FROM EXCLUDED.fingerprint
), saved AS (
  INSERT INTO ${TABLES.state} AS s (tenant_id, scope, key, state, saved_at)
  SELECT $2, $4, key, state, $3::timestamptz FROM entries WHERE state IS NOT NULL
  ON CONFLICT (tenant_id, scope, key) DO UPDATE SET state = EXCLUDED.state, saved_at = EXCLUDED.saved_at
), dropped AS (
  DELETE FROM ${TABLES.state} WHERE tenant_id = $2 AND scope = $4 AND key IN (SELECT key FROM entries WHERE state IS NULL)
)
SELECT interaction_id, fingerprint FROM stored`;

class PostgresSession implements StoreSession {
  readonly tenantId: string;
  readonly scope: SessionOptions['scope'];
  readonly #client: pg.Client;
  readonly #broken: { error?: Error };
  readonly #location: string;
  readonly #lockKey: string;
  #closed = false;

  constructor(
    client: pg.Client,
    broken: { error?: Error },
    location: string,
    options: SessionOptions,
    lockKey: string,
  ) {
    this.#client = client;
    this.#broken = broken;
    this.#location = location;
    this.#lockKey = lockKey;
    this.tenantId = normalId(options.tenantId);
    this.scope = options.scope;
  }

  async readState(keys?: readonly string[]): Promise<Map<string, unknown>> {
    const { rows } = await this.#query(
      `SELECT key, state::text AS state FROM ${TABLES.state} WHERE tenant_id = $1 AND scope = $2${keys ? ' AND key = ANY ($3)' : ''}`,
      keys ? [this.tenantId, this.scope, keys] : [this.tenantId, this.scope],
    );
    return new Map(rows.map((row) => [row.key as string, JSON.parse(row.state as string)]));
  }

  async known(ids: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.#query(
      `SELECT interaction_id, fingerprint FROM ${TABLES.interactions} WHERE tenant_id = $1 AND interaction_id = ANY ($2)`,
      [this.tenantId, ids.map(normalId)],
    );
    return new Map(rows.map((row) => [row.interaction_id as string, row.fingerprint as string]));
  }

  async commit(batch: StoreBatch): Promise<StoreCommit> {
    const { rows, of } = prepareRows(batch, this.tenantId);
    const entries = `[${batch.state.map(({ key, value }) => `{"key":${JSON.stringify(key)},"state":${value === null ? 'null' : recordJson(value)}}`).join(',')}]`;
    try {
      const result = await this.#client.query(COMMIT, [
        forJsonb(`[${rows.map(rowJson).join(',')}]`),
        this.tenantId,
        new Date().toISOString(),
        this.scope,
        forJsonb(entries),
      ]);
      const stored = new Map(result.rows.map((row) => [row.interaction_id as string, row.fingerprint as string]));
      return outcome(of, changesFrom(rows, stored));
    } catch (error) {
      // A SQLSTATE of class 08 (connection exception) or 57P (the server shutting the session) is a broken
      // connection too, reported by the server as it goes.
      const code = (error as { code?: unknown }).code;
      const refused = typeof code === 'string' && !/^(08|57P)/.test(code) && !this.#broken.error;
      const what = refused
        ? `PostgreSQL refused a commit and rolled it back, so nothing of it was stored (${describe(error)})`
        : `the connection broke during a commit (${describe(this.#broken.error ?? error)}); PostgreSQL keeps all of a commit or none of it`;
      throw new StoreError(
        'write',
        this.#location,
        `${this.#location}: ${what}; run again to go on from what the store holds`,
        {
          cause: error,
        },
      );
    }
  }

  async #query(text: string, values: unknown[]): Promise<pg.QueryResult> {
    try {
      return await this.#client.query(text, values);
    } catch (error) {
      throw new StoreError(
        'unreachable',
        this.#location,
        `${this.#location}: ${describe(this.#broken.error ?? error)}`,
        {
          cause: error,
        },
      );
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // The lock is the connection's: ending it frees the lock; the row only named its holder.
    await this.#client
      .query(`DELETE FROM ${TABLES.lock} WHERE lock_key = $1 AND pid = $2 AND host = $3`, [
        this.#lockKey,
        process.pid,
        hostname(),
      ])
      .catch(() => {});
    await this.#client.end().catch(() => {});
  }
}

/** A row as one object of the commit's JSON input (the record's JSON text inlined as it is). */
function rowJson(row: PreparedRow): string {
  const typed = typedColumns.map((column, i) => `${JSON.stringify(column.name)}:${scalarJson(row.values[i] ?? null)}`);
  return `{${typed.join(',')},"record":${row.record},"fingerprint":${JSON.stringify(row.fingerprint)},"source":${JSON.stringify(row.source)}}`;
}

function scalarJson(value: string | number | bigint | boolean | null): string {
  return typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

/**
 * JSON text that PostgreSQL's `json` and `jsonb` accept: `\u0000` and unpaired surrogates (which
 * `JSON.stringify` writes as `\udXXX` escapes; paired ones it writes as they are) become `\ufffd`.
 * Escaped backslashes are matched first, so `\\u0000` (a backslash, then "u0000") stays as it is.
 */
export function forJsonb(json: string): string {
  return json.replace(/\\(?:\\|u0000|ud[89a-f][0-9a-f]{2})/gi, (found) => (found === '\\\\' ? found : '\\ufffd'));
}

/** An error of pg or of the network, in one line: its SQLSTATE code or errno code, and its message. */
function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
}
