/**
 * `cxengage-interactions/stores`: the stores a sync writes into, with the sync's state committed in
 * the same transaction as the rows (SQLite, PostgreSQL, an NDJSON file with its state beside it, Singer
 * messages), and the per-contact sync into one. Node only: the database drivers (`better-sqlite3`, `pg`) are optional peer dependencies, loaded
 * when a store is opened.
 * @packageDocumentation
 */

export type { ColumnKind, TypedColumn } from './columns.js';
export { typedColumns } from './columns.js';
export type { StoreSyncEvent, StoreSyncParams, StoreSyncRun, StoreSyncSummary } from './contacts.js';
export { syncToStore } from './contacts.js';
export type { StoreErrorCode } from './errors.js';
export { StoreError } from './errors.js';
export type { NdjsonStoreOptions } from './ndjson.js';
export { ndjsonStore } from './ndjson.js';
export type { StoreFromUrlOptions } from './open.js';
export { storeFromUrl } from './open.js';
export type { PostgresStoreOptions } from './postgres.js';
export { postgresStore } from './postgres.js';
export { SCHEMA_VERSION, TABLES } from './schema.js';
export type { SingerState, SingerStoreOptions } from './singer.js';
export { recordSchema, SINGER_KEY, SINGER_STREAM, singerStore } from './singer.js';
export type { SqliteStoreOptions } from './sqlite.js';
export { sqliteStore } from './sqlite.js';
export type {
  TenantStoreSyncEvent,
  TenantStoreSyncParams,
  TenantStoreSyncRun,
  TenantStoreSyncSummary,
} from './tenant.js';
export { syncTenantToStore, TENANT_CHECKPOINT_KEY } from './tenant.js';
export type {
  InteractionStore,
  RowChange,
  RowSource,
  SessionOptions,
  StateEntry,
  StoreBatch,
  StoreCommit,
  StoreRow,
  StoreSession,
} from './types.js';
export type { StoreTarget } from './url.js';
export { parseStoreUrl } from './url.js';
