/**
 * Tenant-wide incremental sync over Get a List of Interactions: what is new or changed in a whole
 * tenant, read in windows of time, page by page, each page handed out with the checkpoint that follows
 * it, so a caller that stores the two together (the stores do, in one transaction) can stop anywhere
 * and go on. It needs a key with `INTERACTIONS_API_READ_ALL`; the per-contact mode (`exportInteractions`
 * over each contact's history) is for keys without it.
 *
 * **Windows.** Each run lists one window `[lower, upper)` of start times:
 * - `upper = now − skewMs`: interactions that start at the window's edge may reach the List late, and
 *   clocks differ; those are the next run's;
 * - `lower = min(watermark − overlapMs, now − settleWindowMs, rereadFrom)`: the previous run's `upper`
 *   (the watermark) less an overlap, for arrivals out of order; the settle window, for interactions that
 *   still change after they end (a disposition, a csat score); and the start of the oldest interaction
 *   seen that may still change (open and started within `openWindowMs`, or ended within the settle
 *   window), so a long-open interaction is read again until it has settled. Open interactions are
 *   re-read by widening the window, not one Get a Specific Interaction each: an open interaction older
 *   than the settle window is rare, and the widened window costs one request per page of the tenant's
 *   interactions in between, a single Get per interaction being cheaper only when few are that old and
 *   the tenant is busy (see the README). A first run (no watermark) lists everything before `upper`.
 *
 * **Walk.** A window is walked by a time cursor (keyset), not by page numbers: ask `[lower, cursor)` most
 * recent first at the route's largest page size; the next cursor is the page's oldest start + 1 ms, so
 * interactions sharing that instant are listed again (the store tells them unchanged) rather than
 * skipped. Arrivals during the walk start after `upper` and shift nothing; a crash loses at most the
 * page in flight, and the checkpoint is a few timestamps. A full page all of one instant cannot move the
 * cursor: that instant is walked by page numbers (`[t, t + 1 ms)`, page 0, 1, …) under the page audit,
 * then the cursor moves to `t`. Every answer goes through the walk's page audit (`paging/page-audit.ts`:
 * echoes, lengths against `total`, no id twice, most recent first) and one check of its own: every start
 * inside the range asked for. A tenant that ignores the range, or filters on the end time (an interaction
 * that started before the window shows up), is a `PaginationError` (`out_of_range`), never a walk that
 * ends short or goes on forever. An inclusive end (the spec's judgement call `list-…`) only lists the
 * previous page's oldest instant again.
 *
 * Nothing is held per interaction beyond a page: the caller's store tells `new` from `updated` by the
 * fingerprint it holds, so memory stays bounded whatever the tenant's size.
 */
import { spec } from '../../generated/spec.js';
import { listTenantInteractions } from '../client/tenant-list.js';
import type { InteractionsClient } from '../client/types.js';
import { normalId } from '../common/ids.js';
import { InvalidInputError } from '../errors.js';
import { PageAudit } from '../paging/page-audit.js';
import { PaginationError } from '../paging/pagination-error.js';
import type { InteractionRecord, InteractionRecordPage } from '../types.js';
import { CheckpointError } from './checkpoint-error.js';
import { DEFAULT_OPEN_WINDOW_MS, DEFAULT_SETTLE_WINDOW_MS } from './sync.js';

/** The route's largest page size (the spec's `limit` maximum). */
export const TENANT_PAGE_SIZE: number = spec.operations.listTenantInteractions.parameters.limit.schema.maximum;
/** Default `skewMs`: interactions starting in the last 5 minutes are left to the next run. */
export const DEFAULT_SKEW_MS = 5 * 60_000;
/** Default `overlapMs`: each window reaches an hour back past the previous one's end. */
export const DEFAULT_OVERLAP_MS = 60 * 60_000;

/** Where a tenant-wide sync stands: plain JSON, saved with the rows it accounts for. */
export interface TenantCheckpoint {
  version: 1;
  mode: 'tenant';
  /** Normal form. */
  tenantId: string;
  /** The `upper` of the last finished window (ISO 8601), or `null` before the first. */
  watermark: string | null;
  /** The start of the oldest interaction seen that may still change (ISO 8601), or `null`. */
  rereadFrom: string | null;
  /** The window being walked, when a run stopped part-way: the next run goes on with it. */
  window: TenantWindow | null;
}

/** A window in progress. */
export interface TenantWindow {
  /** `null`: from the beginning (a first run). */
  lower: string | null;
  upper: string;
  /** The walk has listed `[cursor, upper)`; what is left is `[lower, cursor)`. */
  cursor: string;
  /** `rereadFrom` of what the window has listed so far. */
  rereadFrom: string | null;
  /** A full page of one instant being walked by page numbers: the instant and the next page. */
  instant: { at: string; page: number } | null;
}

/** Options of {@link tenantSync}. */
export interface TenantSyncParams {
  tenantId: string;
  /** Where the last run stopped (its last checkpoint); none for a first run. */
  checkpoint?: TenantCheckpoint | null | undefined;
  /** Left to the next run: interactions that started this recently. Default {@link DEFAULT_SKEW_MS}. */
  skewMs?: number;
  /** How far each window reaches back past the previous one's end. Default {@link DEFAULT_OVERLAP_MS}. */
  overlapMs?: number;
  /** How long after its end an interaction may still change. Default 7 days (as `syncInteractions`). */
  settleWindowMs?: number;
  /** How long an open interaction is read again, before it counts as abandoned. Default 30 days. */
  openWindowMs?: number;
  /** Page size; default the route's largest, {@link TENANT_PAGE_SIZE}. */
  pageSize?: number;
  /** The clock the windows are measured with. Default `Date.now`. */
  now?: () => number;
  signal?: AbortSignal | undefined;
  /** Per request (see `RequestOptions`). */
  timeoutMs?: number;
  maxRetries?: number;
}

/** One page of a window: its records, and the checkpoint once they are stored. */
export interface TenantSyncPage {
  records: InteractionRecord[];
  checkpoint: TenantCheckpoint;
  /** The window is finished with this page. */
  done: boolean;
  /** The window being listed (`lower` `null`: from the beginning). */
  window: { lower: string | null; upper: string };
}

const iso = (ms: number) => new Date(ms).toISOString();
/** A record's start (every record the walk keeps has passed `checkRange`, which refuses one without). */
const startOf = (record: InteractionRecord) => record.startTimestamp as string;
const minIso = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** The checkpoint as given back by a store: this mode's, this tenant's (else `CheckpointError`). */
export function checkTenantCheckpoint(value: unknown, tenantId: string): TenantCheckpoint | null {
  if (value === undefined || value === null) return null;
  const c = value as Partial<TenantCheckpoint>;
  const refuse = (code: 'malformed' | 'unsupported_version' | 'other_tenant', problem: string): never => {
    throw new CheckpointError(code, 'checkpoint', typeof value, problem);
  };
  if (typeof c !== 'object' || Array.isArray(c)) refuse('malformed', 'is not a checkpoint this SDK wrote');
  if (c.mode !== 'tenant') {
    refuse('malformed', `is a checkpoint of ${String(c.mode ?? 'another')} mode, not of the tenant-wide sync`);
  }
  if (c.version !== 1) refuse('unsupported_version', `has version ${String(c.version)}; this SDK reads version 1`);
  if (typeof c.tenantId !== 'string' || normalId(c.tenantId) !== normalId(tenantId)) {
    refuse('other_tenant', `is a checkpoint of tenant ${String(c.tenantId)}, not ${normalId(tenantId)}`);
  }
  const time = (v: unknown) => v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));
  const w = c.window;
  const windowOk =
    w === null ||
    (typeof w === 'object' &&
      w !== undefined &&
      time(w.lower) &&
      time(w.upper) &&
      time(w.cursor) &&
      time(w.rereadFrom) &&
      (w.instant === null ||
        (typeof w.instant === 'object' && time(w.instant?.at) && Number.isSafeInteger(w.instant?.page))));
  if (!time(c.watermark) || !time(c.rereadFrom) || !windowOk) refuse('malformed', 'is not a checkpoint this SDK wrote');
  return c as TenantCheckpoint;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError(name, value, 'must be a number of milliseconds ≥ 0');
  }
  return value;
}

/**
 * The pages of the tenant-wide sync's window (see the module's header): iterate, store each page's
 * records with its checkpoint, and the run is resumable at every page. Bad parameters throw
 * `InvalidInputError` at once, a checkpoint of another tenant or mode `CheckpointError`.
 */
export function tenantSync(
  client: InteractionsClient,
  params: TenantSyncParams,
): AsyncGenerator<TenantSyncPage, void, undefined> {
  if (typeof params !== 'object' || params === null) throw new InvalidInputError('params', params, 'must be an object');
  if (typeof params.tenantId !== 'string') throw new InvalidInputError('tenantId', params.tenantId, 'must be a uuid');
  const tenantId = normalId(params.tenantId);
  const from = checkTenantCheckpoint(params.checkpoint, tenantId);
  const skew = positive('skewMs', params.skewMs, DEFAULT_SKEW_MS);
  const overlap = positive('overlapMs', params.overlapMs, DEFAULT_OVERLAP_MS);
  const settle = positive('settleWindowMs', params.settleWindowMs, DEFAULT_SETTLE_WINDOW_MS);
  const open = positive('openWindowMs', params.openWindowMs, DEFAULT_OPEN_WINDOW_MS);
  const pageSize = params.pageSize ?? TENANT_PAGE_SIZE;
  if (!Number.isSafeInteger(pageSize) || pageSize < 2 || pageSize > TENANT_PAGE_SIZE) {
    throw new InvalidInputError('pageSize', pageSize, `must be an integer from 2 to ${TENANT_PAGE_SIZE}`);
  }
  const now = params.now ?? Date.now;
  const options = { signal: params.signal, timeoutMs: params.timeoutMs, maxRetries: params.maxRetries };

  return (async function* () {
    const at = now();
    let window: TenantWindow = from?.window ?? {
      lower: from?.watermark == null ? null : iso(Math.min(Date.parse(from.watermark) - overlap, at - settle)),
      upper: iso(at - skew),
      cursor: iso(at - skew),
      rereadFrom: null,
      instant: null,
    };
    if (!from?.window && from?.rereadFrom && window.lower !== null) {
      // Interactions that may still change reach the window back to the oldest of them, unless abandoned.
      const since = Math.max(Date.parse(from.rereadFrom), at - open);
      if (since < Date.parse(window.lower)) window = { ...window, lower: iso(since) };
    }
    const watch = (records: readonly InteractionRecord[]) => {
      for (const record of records) {
        const start = Date.parse(startOf(record));
        const end = record.endTimestamp == null ? undefined : Date.parse(record.endTimestamp);
        const changing = end === undefined ? start >= at - open : end >= at - settle;
        if (changing) window.rereadFrom = minIso(window.rereadFrom, startOf(record));
      }
    };
    const bounds = () => ({ lower: window.lower, upper: window.upper });
    const checkpoint = (done: boolean): TenantCheckpoint => ({
      version: 1,
      mode: 'tenant',
      tenantId,
      watermark: done ? window.upper : (from?.watermark ?? null),
      rereadFrom: done ? window.rereadFrom : (from?.rereadFrom ?? null),
      window: done ? null : { ...window, instant: window.instant && { ...window.instant } },
    });

    for (;;) {
      if (window.instant) {
        // A full page of one instant: that instant by page numbers, then on below it.
        const { at: instant } = window.instant;
        const audit = new PageAudit(auditOptions(pageSize, window.instant.page));
        for (let page = window.instant.page; ; page++) {
          const answer = await listTenantInteractions(
            client,
            { tenantId, startTimeRange: instant, endTimeRange: iso(Date.parse(instant) + 1), limit: pageSize, page },
            options,
          );
          checkRange(answer, instant, iso(Date.parse(instant) + 1), page);
          const { results, done } = audit.accept(page, answer);
          watch(results);
          const last = done || answer.results.length < pageSize;
          window.instant = last ? null : { at: instant, page: page + 1 };
          if (last) window.cursor = instant;
          yield { records: results, checkpoint: checkpoint(false), done: false, window: bounds() };
          if (last) break;
        }
        continue;
      }
      const answer = await listTenantInteractions(
        client,
        {
          tenantId,
          ...(window.lower === null ? {} : { startTimeRange: window.lower }),
          endTimeRange: window.cursor,
          limit: pageSize,
          page: 0,
        },
        options,
      );
      checkRange(answer, window.lower, window.cursor, 0, true);
      // Each request is a walk of its own (page 0 of its range): the audit's rules for one page.
      new PageAudit(auditOptions(pageSize, 0)).accept(0, answer);
      const { results } = answer;
      watch(results);
      if (results.length < pageSize) {
        yield { records: results, checkpoint: checkpoint(true), done: true, window: bounds() };
        return;
      }
      const newest = startOf(results[0]!);
      const oldest = startOf(results[results.length - 1]!);
      if (Date.parse(newest) === Date.parse(oldest)) window.instant = { at: iso(Date.parse(oldest)), page: 0 };
      else window.cursor = iso(Date.parse(oldest) + 1);
      yield { records: results, checkpoint: checkpoint(false), done: false, window: bounds() };
    }
  })();
}

function auditOptions(pageSize: number, startPage: number) {
  return {
    pageSize,
    last: Infinity,
    concurrency: 1,
    maxPages: Number.MAX_SAFE_INTEGER,
    order: 'strict' as const,
    warn: () => {},
    startPage,
  };
}

/**
 * Every record of `page` started inside `[lower, upper)` (or at `upper`, when `inclusiveEnd`: an end the
 * tenant takes as inclusive only lists an instant listed before). Throws `PaginationError` (`out_of_range`).
 */
function checkRange(
  page: InteractionRecordPage,
  lower: string | null,
  upper: string,
  index: number,
  inclusiveEnd = false,
): void {
  const from = lower === null ? -Infinity : Date.parse(lower);
  const to = Date.parse(upper);
  for (const [i, record] of (page.results ?? []).entries()) {
    const start = typeof record.startTimestamp === 'string' ? Date.parse(record.startTimestamp) : Number.NaN;
    if (start >= from && (start < to || (inclusiveEnd && start === to))) continue;
    throw new PaginationError(
      'out_of_range',
      `results[${i}] of a page of [${lower ?? 'the beginning'}, ${upper}) started at ${String(record.startTimestamp)}, outside the range asked for: the tenant ignores the time range, or filters on another time than the start; the tenant-wide sync cannot walk it (use --contacts, the per-contact mode)`,
      { page: index, expected: null, actual: null },
    );
  }
}
