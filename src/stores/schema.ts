/**
 * The tables an SQL store holds, the schema version recorded with them, and the check made before a
 * store is used. The tool creates its tables itself, all in one transaction with the version, and never
 * alters a table it finds: a table of the same name with another shape is refused, naming the table and
 * what differs, and so is a store written by a newer schema version (naming both versions). The SQL
 * types of each kind of column are the dialect's (`sqlite.ts`, `postgres.ts`); the statements to create
 * and the check are written once, here.
 */
import { pkg } from '../../generated/package.js';
import { type ColumnKind, typedColumns } from './columns.js';
import { StoreError } from './errors.js';

/** The version of the tables' shape this package writes and reads. */
export const SCHEMA_VERSION = 1;

/** The tables' names: prefixed, so that they never meet a table of the user's own. */
export const TABLES = {
  meta: 'cxengage_meta',
  interactions: 'cxengage_interactions',
  state: 'cxengage_sync_state',
  lock: 'cxengage_sync_lock',
} as const;

export type StoredKind = ColumnKind | 'json';

export interface ColumnSpec {
  name: string;
  kind: StoredKind;
  notNull: boolean;
}

export interface TableSpec {
  name: string;
  columns: readonly ColumnSpec[];
  primaryKey: readonly string[];
  indexes: readonly { name: string; columns: readonly string[] }[];
}

const col = (name: string, kind: StoredKind, notNull = true): ColumnSpec => ({ name, kind, notNull });

/** The columns besides the typed ones: the record whole, how to tell a change, where and when it came from. */
export const RECORD_COLUMNS = {
  record: col('record', 'json'),
  fingerprint: col('fingerprint', 'text'),
  source: col('source', 'text'),
  /** 1 when first stored, one more each time it changed. */
  revision: col('revision', 'integer'),
  firstSyncedAt: col('first_synced_at', 'timestamp'),
  lastSyncedAt: col('last_synced_at', 'timestamp'),
};

export const TABLE_SPECS: readonly TableSpec[] = [
  {
    name: TABLES.meta,
    columns: [col('key', 'text'), col('value', 'text')],
    primaryKey: ['key'],
    indexes: [],
  },
  {
    name: TABLES.interactions,
    columns: [...typedColumns.map(({ name, kind, key }) => col(name, kind, key)), ...Object.values(RECORD_COLUMNS)],
    primaryKey: ['tenant_id', 'interaction_id'],
    indexes: [
      { name: `${TABLES.interactions}_contact`, columns: ['tenant_id', 'contact_id'] },
      { name: `${TABLES.interactions}_start`, columns: ['tenant_id', 'start_timestamp'] },
    ],
  },
  {
    name: TABLES.state,
    columns: [
      col('tenant_id', 'text'),
      col('scope', 'text'),
      col('key', 'text'),
      col('state', 'json'),
      col('saved_at', 'timestamp'),
    ],
    primaryKey: ['tenant_id', 'scope', 'key'],
    indexes: [],
  },
  {
    name: TABLES.lock,
    columns: [
      col('lock_key', 'text'),
      col('pid', 'integer'),
      col('host', 'text'),
      col('since', 'timestamp'),
      col('holder', 'text'),
    ],
    primaryKey: ['lock_key'],
    indexes: [],
  },
];

/** How a dialect names its column types, and reads its catalogue (inside the transaction that may create). */
export interface Dialect {
  /** `SQLite` or `PostgreSQL`, for messages. */
  name: string;
  /** The type a column of this kind is created with, as the catalogue reports it back. */
  type(kind: StoredKind): string;
  /** Which of these tables exist. */
  existing(names: readonly string[]): Promise<Set<string>>;
  /** A table's columns (name, type as the catalogue reports it, NOT NULL) and primary key, in order. */
  describe(table: string): Promise<{ columns: FoundColumn[]; primaryKey: string[] }>;
  /** The meta table's rows. */
  meta(): Promise<Map<string, string>>;
  /** Runs statements (DDL, and the meta rows as `[sql, params]`). */
  run(statements: readonly (string | [string, unknown[]])[]): Promise<void>;
  /** The placeholder for the n-th parameter (1-based). */
  param(n: number): string;
  /** What follows a CREATE TABLE's column list (SQLite: `STRICT`, so the types are kept). */
  tableOptions: string;
}

export interface FoundColumn {
  name: string;
  type: string;
  notNull: boolean;
}

/**
 * Checks the store's tables, creating them all (with the version) when none exists. Throws
 * {@link StoreError}: `not_a_store`, `newer_schema` or `shape`. Run inside one transaction that holds the
 * catalogue still (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: a transaction-level advisory lock).
 */
export async function prepareTables(dialect: Dialect, store: string): Promise<'created' | 'ready'> {
  const names = TABLE_SPECS.map((table) => table.name);
  const existing = await dialect.existing(names);
  if (!existing.has(TABLES.meta)) {
    if (existing.size > 0) {
      const ours = names.filter((name) => existing.has(name)).join(', ');
      throw new StoreError(
        'not_a_store',
        store,
        `${store}: table ${ours} exists, but ${TABLES.meta} (where this tool records the tables it created) does not: not a store this tool created; drop ${ours} or use another database`,
      );
    }
    await dialect.run([...TABLE_SPECS.flatMap((table) => createStatements(dialect, table)), ...metaRows(dialect)]);
    return 'created';
  }
  const meta = await dialect.meta();
  const version = Number(meta.get('schema_version'));
  const writtenBy = meta.get('written_by') ?? 'an unknown version';
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new StoreError('not_a_store', store, `${store}: ${TABLES.meta} records no schema version this tool wrote`);
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      'newer_schema',
      store,
      `${store} was written by ${writtenBy} with schema version ${version}; ${pkg.name} ${pkg.version} knows schema version ${SCHEMA_VERSION}: upgrade ${pkg.name} to use it`,
    );
  }
  for (const table of TABLE_SPECS) {
    if (!existing.has(table.name)) {
      throw new StoreError('shape', store, `${store}: table ${table.name} is missing (schema version ${version})`);
    }
    const differences = shapeDifferences(dialect, table, await dialect.describe(table.name));
    if (differences.length > 0) {
      const shown = differences.slice(0, 4).join('; ');
      const more = differences.length > 4 ? `; and ${differences.length - 4} more` : '';
      throw new StoreError(
        'shape',
        store,
        `${store}: table ${table.name} has another shape than the one this tool creates (schema version ${SCHEMA_VERSION}): ${shown}${more}; it is never altered: drop or rename it, or use another database`,
      );
    }
  }
  return 'ready';
}

/** What differs between a table found and the one this tool creates, one phrase each. */
export function shapeDifferences(
  dialect: Pick<Dialect, 'type'>,
  table: TableSpec,
  found: { columns: readonly FoundColumn[]; primaryKey: readonly string[] },
): string[] {
  const out: string[] = [];
  const byName = new Map(found.columns.map((column) => [column.name, column]));
  for (const expected of table.columns) {
    const column = byName.get(expected.name);
    const type = dialect.type(expected.kind);
    const wanted = `${type}${expected.notNull ? ' NOT NULL' : ''}`;
    if (!column) out.push(`column ${expected.name} (${wanted}) is missing`);
    else if (column.type.toLowerCase() !== type.toLowerCase() || column.notNull !== expected.notNull)
      out.push(`column ${expected.name} is ${column.type}${column.notNull ? ' NOT NULL' : ''}, not ${wanted}`);
  }
  const known = new Set(table.columns.map((column) => column.name));
  for (const column of found.columns)
    if (!known.has(column.name)) out.push(`column ${column.name} is not one of its columns`);
  if (found.primaryKey.join(',') !== table.primaryKey.join(','))
    out.push(`its primary key is (${found.primaryKey.join(', ')}), not (${table.primaryKey.join(', ')})`);
  return out;
}

function createStatements(dialect: Dialect, table: TableSpec): string[] {
  const columns = table.columns.map(
    (column) => `${column.name} ${dialect.type(column.kind)}${column.notNull ? ' NOT NULL' : ''}`,
  );
  return [
    `CREATE TABLE ${table.name} (${columns.join(', ')}, PRIMARY KEY (${table.primaryKey.join(', ')})) ${dialect.tableOptions}`.trimEnd(),
    ...table.indexes.map((index) => `CREATE INDEX ${index.name} ON ${table.name} (${index.columns.join(', ')})`),
  ];
}

function metaRows(dialect: Dialect): [string, unknown[]][] {
  const insert = `INSERT INTO ${TABLES.meta} (key, value) VALUES (${dialect.param(1)}, ${dialect.param(2)})`;
  return [
    [insert, ['schema_version', String(SCHEMA_VERSION)]],
    [insert, ['written_by', `${pkg.name} ${pkg.version}`]],
    [insert, ['created_at', new Date().toISOString()]],
  ];
}
