/**
 * Every public type of the SDK, in one place. Shapes of API data come from the spec through
 * `generated/schema.d.ts`; regions from the spec's servers. This module imports nothing from `src/`, so
 * any module may import its types without creating a cycle.
 */
import type { components } from '../generated/schema.js';
import type { spec } from '../generated/spec.js';

/** One interaction of the contact. Extra (undocumented) properties are kept. */
export type Interaction = components['schemas']['Interaction'];
/** One page of a contact's interactions. */
export type InteractionPage = components['schemas']['InteractionPage'];
/** An error body in any of the vendor's three shapes. */
export type ErrorBody = components['schemas']['ErrorBody'];
/** A CxEngage region with a public base URL. */
export type Region = keyof typeof spec.regions;
/** HTTP Basic with an API key and its secret, or `Authorization: Token <token>`. */
export type Auth = { username: string; password: string } | { token: string };

/** How 2xx bodies are checked against the spec: throw, log and return, or skip (zero cost). */
export type ValidationMode = 'off' | 'warn' | 'strict';

/**
 * Where the SDK reports what is not an error: retry notices (`debug`, optional) and validation or
 * protocol warnings (`warn`). Messages and `meta` are redacted before they reach it.
 */
export interface Logger {
  debug?(msg: string, meta?: Record<string, unknown>): void;
  warn(msg: string, meta?: Record<string, unknown>): void;
}

/** Options of `createInteractionsClient`. */
export interface ClientOptions {
  /** API key and secret (Basic), or a token from `POST /v1/tokens`. */
  auth: Auth;
  /** Default: the spec's first server (`us-east-1`). Ignored when `baseUrl` is given. */
  region?: Region;
  /** Overrides `region`, e.g. `'http://127.0.0.1:4010/v1'`. A trailing slash is dropped. */
  baseUrl?: string;
  /** `http://` is refused unless the host is loopback (127.0.0.0/8, ::1, localhost) or this is true. */
  allowInsecureHttp?: boolean;
  /**
   * Default `globalThis.fetch`. Called once per attempt as `fetch(request, { signal, redirect: 'manual' })`:
   * honour both. Redirects are never followed, so one cannot lead to another host or to `http://`: a 3xx
   * answer is an `ApiError` with `kind: 'unexpected_status'` (its `Location` in `headers`), not retried.
   */
  fetch?: typeof fetch;
  /** Per attempt, in ms. Default 30 000. */
  timeoutMs?: number;
  /** For all attempts of one call together, in ms. Default 120 000. */
  deadlineMs?: number;
  /** Retries after the first attempt, on network errors, 408, 429 and 5xx. Default 3. */
  maxRetries?: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the error is thrown. Default 60 000. */
  maxRetryAfterMs?: number;
  /**
   * Response validation. Default `'strict'`. With `'off'` (or `'warn'`), `listInteractions` returns a 2xx
   * JSON body as it came, unchecked (even `null` or `{}`); the iterators still check the fields they walk
   * by (`total`, `results`, each `interactionId`) and throw `ResponseValidationError` otherwise.
   */
  validate?: ValidationMode;
  /** Receives retry notices (`debug`) and warnings (`warn`). Default: `console.warn` for warnings only. */
  logger?: Logger;
}

/** A rate limit: one token bucket for every request of a client (see `limitRate`, `exportInteractions`). */
export interface RateLimitOptions {
  /** At most this many requests per second. The vendor documents no limit: start with a few. */
  requestsPerSecond: number;
  /** How many requests may go at once after a quiet spell. Default: a quarter of a second's worth, at least 1. */
  burst?: number;
}

/** Parameters of one page call. */
export interface ListParams {
  tenantId: string;
  contactId: string;
  /** 1 to 100, default 10 (server side). */
  limit?: number;
  /** 0-based. When omitted, the server answers `page: null`. */
  page?: number;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborting rejects with the signal's `reason` (an `AbortError` DOMException by default); never retried. */
  signal?: AbortSignal;
}

/** Parameters of the iterators. */
export interface IterateParams {
  tenantId: string;
  contactId: string;
  /** Items per request. Default: the spec's maximum `limit` (100). The iterators take no `limit`. */
  pageSize?: number;
  /** Stop after this many items (the endpoint is "last N"): costs `ceil(last / pageSize)` requests. */
  last?: number;
  /** Pages in flight at once after page 0. Default 1. */
  concurrency?: number;
  /** Aborts the walk and any request in flight. */
  signal?: AbortSignal;
}

/** The client. */
export interface InteractionsClient {
  /** One page of the contact's interactions, most recent first. */
  listInteractions(params: ListParams, options?: RequestOptions): Promise<InteractionPage>;
  /** {@link InteractionsClient.listInteractions} plus the raw Response (status, headers; body already read). */
  listInteractionsWithResponse(
    params: ListParams,
    options?: RequestOptions,
  ): Promise<{ data: InteractionPage; response: Response }>;
  /** Every interaction (or the `last` N), in order, never the same `interactionId` twice. Bad params throw synchronously. */
  iterateInteractions(params: IterateParams): AsyncIterableIterator<Interaction>;
  /** Pages in order, each holding only results not yielded before. Bad params throw synchronously. */
  iteratePages(params: IterateParams): AsyncIterableIterator<InteractionPage>;
}

/**
 * A checked walk over one contact's pages, as `checkIterateParams` returns it and `walkPages` takes it:
 * every default applied, `last` is `Infinity` when uncapped.
 * @internal
 */
export interface Walk {
  tenantId: string;
  contactId: string;
  pageSize: number;
  last: number;
  concurrency: number;
  signal: AbortSignal | undefined;
}

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
  /** Aborts the sync and any request in flight. */
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
  /** The state an earlier run of the same export saved, keyed by contact id, or `undefined`. */
  load():
    | ReadonlyMap<string, ExportContactState>
    | undefined
    | Promise<ReadonlyMap<string, ExportContactState> | undefined>;
  save(contactId: string, state: ExportContactState): void | Promise<void>;
}

/** Parameters of `exportInteractions`. */
export interface ExportParams {
  tenantId: string;
  /** Contact ids (repeats are exported once). */
  contacts: Iterable<string> | AsyncIterable<string>;
  /** The checkpoint each contact syncs from (say, from your store); none: its whole history. */
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
  /** Aborts the export. */
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
