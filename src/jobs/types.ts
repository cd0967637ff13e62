/**
 * The public types of the jobs over a client: incremental sync (its checkpoint and its progress), bulk
 * export (its events, state store and summary) and the enrichment with details.
 */
import type { RateLimitOptions, RequestOptions } from '../http/types.js';
import type { Interaction, InteractionRecord } from '../types.js';

/** Options of {@link withDetails}: where the interactions belong, and how the detail calls are made. */
export interface DetailsOptions extends Omit<RequestOptions, 'signal'> {
  /** The tenant the interactions belong to. */
  tenantId: string;
  /** Detail calls in flight at once. Default 4. */
  concurrency?: number;
  /** Aborts the enrichment, every detail call in flight, and the walk it reads. */
  signal?: AbortSignal;
}

/**
 * An interaction of a walk with its details: `details` is the record, or `null` with the `NotFoundError` when
 * Get a Specific Interaction answered 404 for it (reported, never dropped).
 */
export type InteractionWithDetails =
  | { interaction: Interaction; details: InteractionRecord; error?: undefined }
  // The SDK's NotFoundError (`instanceof NotFoundError` holds), typed structurally.
  | { interaction: Interaction; details: null; error: Error & { readonly status: number; readonly kind: 'not_found' } };

/** What a sync reports about an interaction: first seen, or changed since it was last reported. */
export type SyncChange = 'new' | 'updated';

/** One interaction a sync yields. `interaction.interactionId` is the upsert key. */
export interface SyncRecord {
  interaction: Interaction;
  change: SyncChange;
}

/** A `startTimestamp`, and every `interactionId` seen with it (several interactions may share one). */
export interface SyncBoundary {
  startTimestamp: string;
  ids: string[];
}

/** An interaction that may still change: its id, its `startTimestamp`, and a fingerprint of the whole record. */
export type WatchedInteraction = [interactionId: string, startTimestamp: string, fingerprint: string];

/**
 * Where a sync of one contact ended: plain JSON, to store anywhere and pass to the next sync. It holds
 * no interaction data besides ids, start times and fingerprints.
 */
export interface SyncCheckpoint {
  /** The format's version. */
  version: 1;
  tenantId: string;
  contactId: string;
  /** When the sync that wrote it started, on its clock (ISO 8601). */
  syncedAt: string;
  /** How long after its end an interaction was expected to change still (see `SyncParams`). */
  settleWindowMs: number;
  /** How long after its start an open interaction was re-checked (see `SyncParams`). */
  openWindowMs: number;
  /** The newest `startTimestamp` seen, with every id seen at it; `null` while the history was empty. */
  newest: SyncBoundary | null;
  /**
   * Every interaction seen that may still change: open (and started within `openWindowMs`), or ended
   * within `settleWindowMs`. The next sync reads back to the oldest of them and reports those that changed.
   */
  watch: WatchedInteraction[];
}

/** Parameters of `syncInteractions`. */
export interface SyncParams {
  tenantId: string;
  contactId: string;
  /** Where the last sync ended. Without one, the whole history is read (every record is `new`). */
  checkpoint?: SyncCheckpoint | undefined;
  /**
   * How long after its end an interaction may still change (a csat score, a disposition): it is
   * re-checked by every sync within that time. Default 7 days.
   */
  settleWindowMs?: number;
  /** How long after its start an interaction still open is re-checked; older ones count as abandoned. Default 30 days. */
  openWindowMs?: number;
  /** Items per request. Default: the spec's maximum `limit` (100). */
  pageSize?: number;
  /** The clock the windows are measured with (ms since the epoch). Default `Date.now`. */
  now?: () => number;
  /** Aborts the sync and any request in flight: it rejects with `AbortedError` (`cause`: the signal's reason). */
  signal?: AbortSignal;
}

/** One sync of one contact: iterate it for the changes (most recent first), then take the new checkpoint. */
export interface SyncRun extends AsyncIterable<SyncRecord> {
  /** The new checkpoint, once the iteration has ended normally. Throws `Error` before that. */
  checkpoint(): SyncCheckpoint;
  /** Pages read so far. */
  readonly pages: number;
}

/**
 * A sync stopped part-way, as an export keeps it in its state: enough to go on after a crash, re-reading
 * at most the page that was being read. Plain JSON.
 */
export interface SyncProgress {
  version: 1;
  tenantId: string;
  contactId: string;
  /** The checkpoint the sync started from; `null` for a first sync. */
  from: SyncCheckpoint | null;
  /** When the sync started (the new checkpoint's `syncedAt`), and its windows and page size. */
  startedAt: string;
  settleWindowMs: number;
  openWindowMs: number;
  pageSize: number;
  /** The position of the next interaction to read, in the list as it was when it had `total` items. */
  offset: number;
  total: number;
  /** Pages read so far, and the `total` of the first: they bound the walk. */
  pages: number;
  firstTotal: number | null;
  /** Every interaction newer than this boundary, and those at it, has been handed over. */
  cursor: SyncBoundary | null;
  /** What the new checkpoint will hold, so far. */
  newest: SyncBoundary | null;
  watch: WatchedInteraction[];
}

/** What an export's state keeps for one contact. */
export interface ExportContactState {
  /** Finished: the contact's new checkpoint. */
  done?: SyncCheckpoint;
  /** Part-way: where its sync goes on from. */
  progress?: SyncProgress;
  /** Why it failed last time (a failed contact is tried again when the export is resumed). */
  error?: { name: string; message: string; status?: number };
}

/**
 * Where an export keeps its progress, to resume after a crash. `save` is called each time a contact
 * moves on (a page handed over, finished, failed), after every event before it has been consumed; it
 * should resolve once the state (and whatever the consumer wrote) is durable.
 */
export interface ExportStateStore {
  /** The state an earlier run of the same export saved, keyed by contact id (in any spelling), or `undefined`. */
  load():
    | ReadonlyMap<string, ExportContactState>
    | undefined
    | Promise<ReadonlyMap<string, ExportContactState> | undefined>;
  save(contactId: string, state: ExportContactState): void | Promise<void>;
}

/** Parameters of `exportInteractions`. */
export interface ExportParams {
  tenantId: string;
  /**
   * Contact ids, taken in their normal form (trimmed, lower-case: UUIDs are case-insensitive), which is
   * the form every event, checkpoint lookup and saved state then uses; repeats (in any spelling) are
   * exported once.
   */
  contacts: Iterable<string> | AsyncIterable<string>;
  /** The checkpoint each contact syncs from (say, from your store; called with the id in normal form); none: its whole history. */
  checkpoints?: (contactId: string) => SyncCheckpoint | undefined | Promise<SyncCheckpoint | undefined>;
  /** Where progress is kept, so that a run after a crash goes on where it stopped. */
  state?: ExportStateStore;
  /** Contacts synced at once. Default 4. */
  concurrency?: number;
  /**
   * The pace of the whole client while the export runs (added to the client's limiter; the lowest limit
   * applies). Default: 5 requests per second, unless a limit is already in force on the client (`limitRate`).
   */
  rateLimit?: RateLimitOptions;
  /** Stop at the first contact that fails, with its error. Default: report it and go on. */
  failFast?: boolean;
  /** Export only the contacts of shard `index` (1-based) of `count`, split by a stable hash of the id. */
  shard?: { index: number; count: number };
  /** As in `SyncParams`. */
  settleWindowMs?: number;
  openWindowMs?: number;
  pageSize?: number;
  now?: () => number;
  /** Aborts the export: it rejects with `AbortedError` (`cause`: the signal's reason). */
  signal?: AbortSignal;
}

/** What an export yields: records tagged with their contact, and each contact's outcome. */
export type ExportEvent =
  | { type: 'record'; contactId: string; change: SyncChange; interaction: Interaction }
  /** The contact is finished and its checkpoint saved (records so far in this run). */
  | { type: 'done'; contactId: string; records: number; checkpoint: SyncCheckpoint }
  /** The contact failed (a deleted contact's 404, a 403, paging that cannot be trusted…); the export goes on. */
  | { type: 'failed'; contactId: string; error: Error }
  /** Not synced: finished in the run being resumed, or a repeat in `contacts`. */
  | { type: 'skipped'; contactId: string; reason: 'already-done' | 'repeated' };

/** The counts of an export. */
export interface ExportSummary {
  /** Contacts taken (in the shard, repeats excluded). */
  contacts: number;
  done: number;
  failed: number;
  /** Finished in the run being resumed. */
  skipped: number;
  /** Records yielded, and of those `new` and `updated`. */
  records: number;
  new: number;
  updated: number;
  /** Attempts the client sent during the export, and how many were answered 429. */
  requests: number;
  throttled: number;
  elapsedMs: number;
}

/** A running export: iterate it for the events, and read the counts at any time. */
export interface ExportRun extends AsyncIterable<ExportEvent> {
  summary(): ExportSummary;
}
