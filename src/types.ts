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
/** One interaction in full, as Get a Specific Interaction returns it. Only `interactionId` is sure to be there. */
export type InteractionRecord = components['schemas']['InteractionRecord'];

/** HTTP Basic: an API key (`username`) and its secret (`password`). */
export interface BasicAuth {
  username: string;
  password: string;
}

/**
 * The API key and secret exchanged for a token (`POST /v1/tokens`) on first use, then sent as
 * `Authorization: Token …`. The token is cached (shared with clients derived by `withOptions`); a call
 * answered 401 gets a fresh token once, shared by every call that saw the same 401, and is retried once.
 */
export interface TokenExchangeAuth extends BasicAuth {
  exchange: 'token';
  /**
   * How long a token lives, in ms, if you know it (the vendor does not document it): an older token is
   * exchanged again before use. Without it, a token is renewed only when the API answers 401.
   */
  tokenLifetimeMs?: number;
}

/**
 * `Authorization: Token <token>`: a fixed token, or a function called before every attempt (your own token
 * store). Only what the function returns is treated as a secret; a function that throws ends the call with
 * a `CredentialsError`. A 401 is not retried: your store decides when a token is renewed.
 */
export interface TokenAuth {
  token: string | (() => string | Promise<string>);
  // A token goes alone: mixing it with the key and secret is a type error (and an InvalidInputError).
  username?: never;
  password?: never;
  exchange?: never;
}

/** How the client authenticates. */
export type Auth = BasicAuth | TokenExchangeAuth | TokenAuth;

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
  /**
   * Per attempt, in ms, from sending to the whole body read; a wait for the rate limiter or for a token
   * comes before it (bounded by `deadlineMs`). Default 30 000.
   */
  timeoutMs?: number;
  /** For all attempts of one call together, in ms. Default 120 000. */
  deadlineMs?: number;
  /** Retries after the first attempt, on network errors, 408, 429 and 5xx. Default 3. */
  maxRetries?: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the error is thrown. Default 60 000. */
  maxRetryAfterMs?: number;
  /**
   * The most bytes of one response body (2xx or error) the client reads, counted after decompression
   * while the body streams in. Beyond it, reading stops and the call rejects with
   * `ResponseTooLargeError` (not retried). Default 8 MiB (8 388 608), far above a full page of 100
   * interactions (about 56 KB).
   */
  maxResponseBytes?: number;
  /**
   * Response validation. Default `'strict'`. With `'off'` (or `'warn'`), `listInteractions` returns a 2xx
   * JSON body as it came, unchecked (even `null` or `{}`); the iterators still check the fields they walk
   * by (`total`, `results`, each `interactionId`) and throw `ResponseValidationError` otherwise.
   */
  validate?: ValidationMode;
  /**
   * Receives retry notices (`debug`) and warnings (`warn`): response validation in `'warn'` mode, and once
   * per client (with the clients derived from it) a `Deprecation` or `Sunset` header on an answer.
   * Default: `console.warn` for warnings only.
   */
  logger?: Logger;
  /**
   * Your own product token, appended to the SDK's `User-Agent` (`cxengage-interactions/1.2.3 (node 20.19.0)
   * my-sync/4.5`). Visible ASCII, spaces allowed. Browsers forbid setting `User-Agent`, so there the SDK
   * sends none, and this is ignored.
   */
  userAgent?: string;
}

/**
 * What `client.withOptions()` may change: how calls behave, not where they go or who makes them (`auth`,
 * `region`, `baseUrl` and `fetch` stay, so the token cache can be shared).
 */
export type DerivedClientOptions = Pick<
  ClientOptions,
  'timeoutMs' | 'deadlineMs' | 'maxRetries' | 'maxRetryAfterMs' | 'validate' | 'logger' | 'userAgent'
>;

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

/**
 * Per-call options: each one overrides the client's for this call only. Invalid values throw
 * `InvalidInputError` before anything is sent.
 */
export interface RequestOptions {
  /**
   * Aborting rejects with `AbortedError` (a `CxEngageError`) whose `cause` is the signal's `reason`,
   * whether the call was waiting to start, in flight, or in a retry's backoff; never retried.
   */
  signal?: AbortSignal;
  /** Per attempt, in ms. */
  timeoutMs?: number;
  /** For all attempts of this call together (a token refresh and its retry included), in ms. */
  deadlineMs?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** Response validation for this call. */
  validate?: ValidationMode;
}

/** Parameters of `getInteraction`. */
export interface GetInteractionParams {
  tenantId: string;
  /** The interaction's id, as the history lists it. */
  interactionId: string;
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
  /**
   * The most pages the walk may read (page numbers 0 to maxPages − 1). A walk whose `total` needs more
   * throws `PaginationError` `max_pages_exceeded` as soon as that is known. Default 100 000.
   */
  maxPages?: number;
  /**
   * For the whole walk, in ms (each request keeps the client's own limits): then `TimeoutError` with
   * scope `'walk'`. Default: none.
   */
  deadlineMs?: number;
  /**
   * Aborts the walk and any request in flight: the iterator rejects with `AbortedError` (its `cause` is
   * the signal's `reason`), before the first page, during a request or backoff, or between pages.
   */
  signal?: AbortSignal;
  /** Per attempt of each page request, in ms, instead of the client's. */
  timeoutMs?: number;
  /** Retries of each page request, instead of the client's. */
  maxRetries?: number;
  /** Response validation of each page, instead of the client's (the walk still checks what it walks by). */
  validate?: ValidationMode;
}

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
  // The SDK's NotFoundError (`instanceof NotFoundError` holds), typed structurally: this module imports nothing.
  | { interaction: Interaction; details: null; error: Error & { readonly status: number; readonly kind: 'not_found' } };

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
  /**
   * One interaction in full (Get a Specific Interaction; needs `INTERACTIONS_API_READ_ALL`), with the same
   * errors, retries and validation as the history.
   */
  getInteraction(params: GetInteractionParams, options?: RequestOptions): Promise<InteractionRecord>;
  /** {@link InteractionsClient.getInteraction} plus the raw Response (status, headers; body already read). */
  getInteractionWithResponse(
    params: GetInteractionParams,
    options?: RequestOptions,
  ): Promise<{ data: InteractionRecord; response: Response }>;
  /**
   * A client with some options changed, sharing this one's state (the token cache, the deprecation notice).
   * Invalid options throw `InvalidInputError`.
   */
  withOptions(options: DerivedClientOptions): InteractionsClient;
}

/**
 * A checked walk over one contact's pages, as `checkIterateParams` returns it and `walkPages` takes it:
 * every default applied; `last` and `deadlineMs` are `Infinity` when not given.
 * @internal
 */
export interface Walk {
  tenantId: string;
  contactId: string;
  pageSize: number;
  last: number;
  concurrency: number;
  /** The most pages the walk may read. */
  maxPages: number;
  /** For the whole walk, in ms. */
  deadlineMs: number;
  signal: AbortSignal | undefined;
}

/**
 * A rule of the live contract checks (`runContractChecks`, `cxengage-interactions contract`): one
 * behaviour of the history route, or of its successor Get a Specific Interaction (`successor-…`), that
 * a server either keeps or has drifted from. Each has a {@link ContractRuleSource}; what has none is a
 * judgement call, reported and never failed.
 */
export type ContractRuleId =
  | 'status'
  | 'content-type'
  | 'response-schema'
  | 'limit-echo'
  | 'limit-honoured'
  | 'page-echo'
  | 'offset'
  | 'total'
  | 'unique-ids'
  | 'order'
  | 'page-sizes-agree'
  | 'rejects-out-of-range'
  | 'unauthenticated'
  | 'successor-status'
  | 'successor-content-type'
  | 'successor-schema'
  | 'successor-unwrapped'
  | 'successor-matches-history'
  | 'successor-unknown-interaction';

/**
 * Why a rule may fail a tenant: what the vendor documents (its page for the route, or a fact of its
 * docs known with high confidence), or the SDK behaviour that depends on it; at least one of the two.
 */
export type ContractRuleSource = { vendor: string; sdk?: string } | { vendor?: string; sdk: string };

/** One place where the server broke a rule. Every field is redacted and free of control characters. */
export interface ContractFinding {
  rule: ContractRuleId;
  /** Method, path and query relative to the base URL, e.g. `GET /tenants/…/interactions?limit=0`. Never credentials. */
  request: string;
  /** The HTTP status, or `null` when no answer came. */
  status: number | null;
  /** JSON pointer into the body of the offending value; `''` for the whole answer. */
  pointer: string;
  message: string;
  /** The first characters of the body. */
  snippet: string;
}

/** How one rule fared: `skipped` when nothing on this tenant could exercise it (see `notes`). */
export interface ContractRuleResult {
  id: ContractRuleId;
  /** What the spec promises, in one sentence. */
  summary: string;
  /** Where the rule comes from: the vendor's documentation, the SDK behaviour that relies on it, or both. */
  source: ContractRuleSource;
  status: 'passed' | 'failed' | 'skipped';
  /** How many times the rule was checked. */
  checks: number;
  findings: ContractFinding[];
  /** Findings beyond the kept ones (a broken rule can break on every item). */
  omittedFindings: number;
  /** Why part or all of the rule could not be checked (a short history, `maxPages`…). */
  notes: string[];
}

/** What the run saw of one of the spec's open judgement calls. */
export type JudgementVerdict = 'confirmed' | 'refuted' | 'not observed';

/** One judgement call the spec makes where the evidence is uncertain, and what this tenant showed. */
export interface JudgementCallResult {
  id: string;
  /** The call, as the spec makes it. */
  claim: string;
  /** Where the spec makes it, e.g. `InteractionPage.page`. */
  where: string;
  verdict: JudgementVerdict;
  /** What was seen, in a few words (redacted, no control characters). */
  evidence: string;
}

/**
 * Why the checks could not run: something to fix on the caller's side, not drift. `successor-permission`:
 * the key reads histories but Get a Specific Interaction answered 403 (grant `INTERACTIONS_API_READ_ALL`,
 * or leave those checks out with `skipSuccessor`).
 */
export interface ContractSetupProblem {
  kind:
    | 'credentials'
    | 'permission'
    | 'successor-permission'
    | 'connection'
    | 'timeout'
    | 'base-url'
    | 'not-found'
    | 'redirect';
  /** What is wrong and what to fix, in one line. */
  message: string;
  request: string;
  status: number | null;
  snippet: string;
}

/** The outcome of a contract run. A plain object: `JSON.stringify` gives the machine-readable report. */
export interface ContractReport {
  /** `pass`: no drift; `drift`: at least one rule failed; `setup`: the checks could not run (see `setup`). */
  outcome: 'pass' | 'drift' | 'setup';
  specVersion: string;
  target: { baseUrl: string; tenantId: string; contactId: string };
  /** ISO 8601. */
  startedAt: string;
  durationMs: number;
  requests: {
    /** Requests sent (retries not counted). */
    total: number;
    /** Of which the walks (the first page, the walks at three page sizes, the page past the end). */
    walks: number;
    /** Of which the reads of the history's interactions through Get a Specific Interaction. */
    successor: number;
    /** Of which the probes of what the spec forbids or declares as errors. */
    probes: number;
    /** Attempts, retries included. */
    attempts: number;
    /** The most requests this run could have sent (from `maxPages`). */
    budget: number;
  };
  /** Pages walked per page size, and whether `maxPages` stopped the walk. */
  walks: { limit: number; pages: number; interactions: number; complete: boolean }[];
  rules: ContractRuleResult[];
  judgementCalls: JudgementCallResult[];
  setup?: ContractSetupProblem;
}

/** Options of `runContractChecks`: the connection options are the client's. */
export interface ContractOptions
  extends Pick<
    ClientOptions,
    'auth' | 'region' | 'baseUrl' | 'allowInsecureHttp' | 'fetch' | 'timeoutMs' | 'maxRetries' | 'logger'
  > {
  tenantId: string;
  /** A contact whose history is read (read-only). More than the spec's maximum `limit` interactions exercise every rule. */
  contactId: string;
  /** Pages per walk at most (a contact with a huge history). Default 20. */
  maxPages?: number;
  /**
   * Leaves out the checks of Get a Specific Interaction (the `successor-…` rules and the record's
   * judgement calls), for a key without `INTERACTIONS_API_READ_ALL`. Without it, a 403 there is the
   * setup problem `successor-permission`. Default false.
   */
  skipSuccessor?: boolean;
  /**
   * Extra verdicts on each answer, e.g. from a validating proxy in front of the API: on a 2xx answer each
   * becomes a finding under `response-schema` or `successor-schema` (by route); on an error answer they
   * count as evidence of the judgement call `error-body-shapes` (error bodies have no documented schema).
   */
  inspect?: (answer: { status: number; headers: Headers }) => readonly { pointer: string; message: string }[];
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
