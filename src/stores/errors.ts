/**
 * The stores' one error class: a store that cannot be used as it is, or a write that did not go through.
 * `code` says which, so a caller (and the CLI's exit code) can tell a setup to fix from a failure to
 * retry. A store URL that is malformed is an `InvalidInputError` instead, like any bad parameter.
 */
import { CxEngageError } from '../errors.js';

/**
 * Why a store refused or failed:
 * - `driver_missing`: its driver (`better-sqlite3`, `pg`) is not installed, or does not load;
 * - `unreachable`: the database could not be opened or reached (a server down, a directory missing);
 * - `not_a_store`: the file or database is not one this tool can use (not SQLite; tables of its own but no record of them);
 * - `shape`: a table of the store exists with another shape (the message names the table and what differs);
 * - `newer_schema`: the store was written by a newer schema version than this package knows;
 * - `other_tenant`, `other_scope`: the state given belongs to another tenant, or another mode;
 * - `locked`: another sync holds the store's writer lock (the message names it);
 * - `write`: a commit failed (a full disk, a lost connection): nothing of it was kept.
 */
export type StoreErrorCode =
  | 'driver_missing'
  | 'unreachable'
  | 'not_a_store'
  | 'shape'
  | 'newer_schema'
  | 'other_tenant'
  | 'other_scope'
  | 'locked'
  | 'write';

/** The codes that mean "fix the setup": nothing was sent to the API, and a rerun as it is fails alike. */
const SETUP: ReadonlySet<StoreErrorCode> = new Set([
  'driver_missing',
  'not_a_store',
  'shape',
  'newer_schema',
  'other_tenant',
  'other_scope',
  'locked',
]);

/** A store that cannot be used as it is, or a commit that failed. */
export class StoreError extends CxEngageError {
  /** Why (see {@link StoreErrorCode}). */
  readonly code: StoreErrorCode;
  /** The store, as its `location` names it (never a password). */
  readonly store: string;
  constructor(code: StoreErrorCode, store: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
    this.store = store;
  }

  /** Whether the setup must change before a rerun can succeed (nothing was sent to the API). */
  get setup(): boolean {
    return SETUP.has(this.code);
  }
}
