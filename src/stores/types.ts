/**
 * The public types of the stores: what a sync writes into, in both of its modes.
 *
 * A store keeps the sync's state IN the destination, committed in the same transaction as the rows it
 * accounts for (as dlt, Airbyte and CloudQuery do), so a crash at any instant, `kill -9` included, leaves
 * rows and state that agree: the rerun goes on from the state, re-reads at most what was in flight, and
 * tells `new` from `updated` against the rows themselves, so nothing is counted or written twice.
 *
 * The flow, the same for every store and every mode:
 *
 * 1. `store.open({ tenantId, scope, part, signal })` connects, checks (or creates) the tables, takes the
 *    writer lock for that tenant, and returns a {@link StoreSession}. Nothing is sent to the API before it
 *    succeeds: a store that cannot be used is refused first.
 * 2. `session.readState(keys)` gives back the state entries saved last (JSON values by key).
 * 3. For each unit of work (a page of one contact's history; a window of the tenant's List), the mode
 *    calls `session.commit({ rows, state })`: ONE transaction that upserts the rows (keyed on the tenant
 *    and `interactionId`; a row whose fingerprint is stored already is left alone) and the state entries,
 *    and reports each row as `new`, `updated` or `unchanged` by the fingerprint stored before it.
 * 4. `session.close()` releases the lock.
 *
 * The modes use the state entries as they need:
 * - **Per contact** (scope `contacts`, over the history route: `syncToStore` in `contacts.ts`): one entry
 *   per contact id (the export's {@link ExportContactState} of the current run, and the checkpoint its
 *   next run starts from) and one entry per run (`#run`, or `#run I/N` for a shard) saying which run is
 *   current and whether it finished. Each page's rows and that contact's entry commit together.
 * - **Tenant-wide** (scope `tenant`, over the List route; built next): one entry (say, key `checkpoint`)
 *   holding the watermark and what must be re-read; each window's rows commit with the watermark that
 *   follows them. `known(ids)` lets it tell, before it writes, which ids of an overlapping window are
 *   stored already and with which fingerprint; `commit` classifies again inside its transaction anyway.
 */
import type { SyncChange } from '../jobs/types.js';
import type { Interaction, InteractionRecord } from '../types.js';

/** Which route a row was read from, and so which of its keys fill the typed columns (see `columns.ts`). */
export type RowSource = 'history' | 'list';

/** One interaction to store. */
export interface StoreRow {
  /** The route the interaction came from: `history` (an item of a contact's history) or `list` (a record of the List). */
  source: RowSource;
  /** The interaction as the API answered it; stored whole, as JSON, besides its typed columns. */
  interaction: Interaction | InteractionRecord;
  /** The contact it belongs to: the history's contact; for a record, `null` to take its `details.contactId`. */
  contactId: string | null;
  /**
   * What the sync made of it. A store that can read its rows back ignores this and compares fingerprints;
   * one that cannot (Singer) reports it as given.
   */
  change?: SyncChange;
}

/** One state entry: a key (a contact id, `#run`, …) and a JSON value. */
export interface StateEntry {
  /** Unique within the tenant and scope. */
  key: string;
  /** Plain JSON (integers beyond 2^53 − 1 as bigint are kept exactly); `null` removes the entry. */
  value: unknown;
}

/** What one transaction holds. */
export interface StoreBatch {
  /** The interactions to upsert. */
  rows: readonly StoreRow[];
  /** The state entries to save with them (`value: null` removes one). */
  state: readonly StateEntry[];
}

/** What became of a row in a commit: stored for the first time, changed since, or the same as stored. */
export type RowChange = SyncChange | 'unchanged';

/** The outcome of one commit. */
export interface StoreCommit {
  /** One per row of the batch, in its order (a repeated id counts once: its later rows are `unchanged`). */
  changes: RowChange[];
  /** How many rows were stored for the first time. */
  new: number;
  /** How many replaced a row of another fingerprint. */
  updated: number;
  /** How many were stored already, as they are (not written). */
  unchanged: number;
}

/** Which part of a tenant's syncs a session writes: the mode, and a shard of it. */
export interface SessionOptions {
  /** The tenant the session writes (its rows, its state, its lock). */
  tenantId: string;
  /** The mode: `contacts` (per contact, the history route) or `tenant` (tenant-wide, the List). */
  scope: 'contacts' | 'tenant';
  /**
   * A shard of the mode (`'2/8'`), for runs that split one tenant between jobs: sessions of different
   * parts run side by side (they write different contacts), a session without a part excludes them all.
   */
  part?: string | undefined;
  /** Ends the wait for a connection. */
  signal?: AbortSignal | undefined;
}

/**
 * An open store, holding the writer lock for its tenant (and part) until `close()`: no other session
 * writes the same tenant meanwhile, in this process or another. A crash releases the lock (SQLite: an OS
 * lock the process holds; PostgreSQL: a session advisory lock the server drops with the connection).
 */
export interface StoreSession {
  /** The tenant, in normal form (lower-case). */
  readonly tenantId: string;
  /** The mode whose state it reads and writes. */
  readonly scope: SessionOptions['scope'];
  /** The state entries saved for this tenant and scope: those of `keys`, or all when none are given. */
  readState(keys?: readonly string[]): Promise<Map<string, unknown>>;
  /**
   * The fingerprints stored for these interaction ids (those stored); `undefined` when the store cannot
   * read its rows back (Singer), and the sync's own judgement stands. (NDJSON keeps them in its state.)
   */
  known(ids: readonly string[]): Promise<Map<string, string> | undefined>;
  /** Upserts the rows and the state entries in ONE transaction. Throws `StoreError` (`write`) after a rollback. */
  commit(batch: StoreBatch): Promise<StoreCommit>;
  /** Releases the lock and the connection. Idempotent. */
  close(): Promise<void>;
}

/** A destination, not yet opened: creating one does no I/O. */
export interface InteractionStore {
  /** `sqlite`, `postgres`, `ndjson` or `singer`. */
  readonly kind: 'sqlite' | 'postgres' | 'ndjson' | 'singer';
  /** Where it is, for messages: a file, or a server and database (never a password). */
  readonly location: string;
  /** Connects, checks or creates its tables, and takes the writer lock (see {@link StoreSession}). */
  open(options: SessionOptions): Promise<StoreSession>;
}
