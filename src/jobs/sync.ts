/**
 * Incremental sync of one contact: what changed since a checkpoint, most recent first, then the next
 * checkpoint. The API has no change feed, only pages of the history, most recent first, so a sync reads
 * from the front back to a horizon: the checkpoint's newest start time, or further where interactions
 * may still change (open ones, recently ended ones: the settle window). It walks by a timestamp cursor
 * rather than by position ("everything newer than T, and these ids at T, has been handed over"), so it
 * stops at the first page that reaches the horizon, hands nothing over twice however the pages shift,
 * and can go on mid-history after a crash (the export keeps its {@link SyncProgress}). Changes are found
 * by comparing fingerprints of whole records, so a change to any field is reported.
 */

import { listContactInteractions } from '../../generated/spec.js';
import { scopedOf } from '../client/shared.js';
import type { InteractionsClient } from '../client/types.js';
import { normalId } from '../common/ids.js';
import { MAX_JSON_DEPTH } from '../common/json-depth.js';
import { InvalidInputError } from '../errors.js';
import { PARENT, type Scope } from '../http/scope.js';
import { abortedError, linkSignal } from '../http/signals.js';
import { PageAudit, pageBound } from '../paging/page-audit.js';
import { checkWalkable } from '../paging/paginate.js';
import { PaginationError } from '../paging/pagination-error.js';
import type { Interaction, InteractionPage } from '../types.js';
import { invariantBroken } from '../validation/invariant.js';
import { checkParams, checkSignal } from '../validation/params.js';
import { checkCheckpoint } from './checkpoint.js';
import type { CheckpointError } from './checkpoint-error.js';
import type { SyncChange, SyncCheckpoint, SyncParams, SyncProgress, SyncRecord, SyncRun } from './types.js';

const DAY_MS = 86_400_000;
/** How long after its end an interaction is re-checked, unless told otherwise. */
export const DEFAULT_SETTLE_WINDOW_MS = 7 * DAY_MS;
/** How long after its start an open interaction is re-checked, unless told otherwise. */
export const DEFAULT_OPEN_WINDOW_MS = 30 * DAY_MS;

const SYNC_KEYS: ReadonlySet<string> = new Set(
  Object.keys({
    tenantId: true,
    contactId: true,
    checkpoint: true,
    settleWindowMs: true,
    openWindowMs: true,
    pageSize: true,
    now: true,
    signal: true,
  } satisfies Record<keyof SyncParams, true>),
);

/**
 * Syncs one contact: iterate the run for what is new or changed since `checkpoint` (most recent first),
 * then call `run.checkpoint()` for the checkpoint to pass next time. Bad parameters, and a checkpoint of
 * another tenant or contact ({@link CheckpointError}), throw here, before anything is sent.
 *
 * Requests: about ⌈changed / pageSize⌉, plus one when the horizon falls on a page boundary, plus the
 * pages back to the oldest interaction that may still change. Without a checkpoint, the whole history.
 *
 * @example
 * const run = syncInteractions(client, { tenantId, contactId, checkpoint: saved });
 * for await (const { interaction, change } of run) await upsert(interaction); // keyed by interactionId
 * saved = run.checkpoint();
 */
export function syncInteractions(client: InteractionsClient, params: SyncParams): SyncRun {
  const { progress, signal } = startSync(params);
  let result: SyncCheckpoint | undefined;
  let pages = 0;
  let started = false;
  return {
    get pages() {
      return pages;
    },
    checkpoint() {
      if (!result) throw new Error('The sync has not finished: iterate it to the end before taking its checkpoint');
      return result;
    },
    async *[Symbol.asyncIterator]() {
      if (started) throw new Error('A SyncRun can be iterated only once');
      started = true;
      for await (const step of syncSteps(client, progress, signal)) {
        pages = step.progress.pages;
        yield* step.records;
        if (step.checkpoint) result = step.checkpoint;
      }
    },
  };
}

/** Checks sync parameters (as `syncInteractions` does) and returns the progress of a sync not yet begun. */
export function startSync(params: SyncParams): { progress: SyncProgress; signal: AbortSignal | undefined } {
  if (typeof params !== 'object' || params === null) throw new InvalidInputError('params', params, 'must be an object');
  const extra = Object.keys(params).find((key) => !SYNC_KEYS.has(key));
  if (extra !== undefined) throw new InvalidInputError(extra, (params as never)[extra], 'is not a known parameter');
  const { tenantId, contactId, limit } = checkParams(
    {
      tenantId: params.tenantId,
      contactId: params.contactId,
      limit: params.pageSize ?? listContactInteractions.parameters.limit.schema.maximum,
    },
    { limit: 'pageSize' },
  );
  const from = params.checkpoint === undefined ? null : checkCheckpoint(params.checkpoint, tenantId, contactId);
  const settleWindowMs = windowOf('settleWindowMs', params.settleWindowMs, from?.settleWindowMs);
  const openWindowMs = windowOf('openWindowMs', params.openWindowMs, from?.openWindowMs);
  const now = params.now ?? Date.now;
  if (typeof now !== 'function') throw new InvalidInputError('now', typeof now, 'must be a function returning ms');
  const at = now();
  if (!Number.isFinite(at) || Math.abs(at) > 8.64e15)
    throw new InvalidInputError('now', at, 'must return ms since the epoch');
  const signal = checkSignal(params.signal);
  return {
    signal,
    progress: {
      version: 1,
      tenantId,
      contactId,
      from,
      startedAt: new Date(at).toISOString(),
      settleWindowMs: settleWindowMs ?? DEFAULT_SETTLE_WINDOW_MS,
      openWindowMs: openWindowMs ?? DEFAULT_OPEN_WINDOW_MS,
      pageSize: limit!,
      offset: 0,
      total: 0,
      pages: 0,
      firstTotal: null,
      cursor: null,
      newest: from?.newest ? { startTimestamp: from.newest.startTimestamp, ids: [...from.newest.ids] } : null,
      watch: [],
    },
  };
}

function windowOf(param: string, value: unknown, inherited: number | undefined): number | undefined {
  if (value === undefined) return inherited;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError(param, value, 'must be a finite number of ms ≥ 0');
  }
  return value;
}

/** One page's worth of a sync: the records to hand over, where the sync stands once they have been, and on the last page the new checkpoint. */
export interface SyncStep {
  records: SyncRecord[];
  progress: SyncProgress;
  checkpoint?: SyncCheckpoint;
}

/**
 * The sync itself, one step per page read, from `start` (a sync not yet begun, or one stopped part-way).
 * Every page goes through the walk's own audit (`paging/page-audit.ts`, in strict order) before the
 * cursor looks at it, so the sync refuses whatever the walk refuses (a short page before the end, echoes
 * that do not match the request, ids repeated or missing, a total that lies) with the same
 * {@link PaginationError}, unless an arrival it saw (the total rising) explains it. A page that shrank
 * (interactions deleted before the cursor) is followed by a step back, so nothing is skipped: the audit
 * then knows the items before the old position by id. Interactions arriving meanwhile only push already
 * handed-over ones into view, and the audit and the cursor drop those. Observed (tracing, verbose logs),
 * one contact's sync is a scope: a span its page calls belong to, with its pages, records (new, updated)
 * and requests answered 429.
 */
export async function* syncSteps(
  client: InteractionsClient,
  start: SyncProgress,
  signal: AbortSignal | undefined,
): AsyncGenerator<SyncStep, void, undefined> {
  const scoped = await scopedOf(client);
  const run = (scope?: Scope) => steps(client, start, signal, scope);
  yield* scoped ? scoped('sync', { 'cxengage.contact.id': start.contactId }, run, countStep) : run();
}

function countStep(step: SyncStep, scope: Scope): void {
  scope.add('pages', 1);
  scope.add('records', step.records.length);
  for (const change of ['new', 'updated'] as const) {
    scope.add(change, step.records.filter((record) => record.change === change).length);
  }
}

async function* steps(
  client: InteractionsClient,
  start: SyncProgress,
  signal: AbortSignal | undefined,
  parent: Scope | undefined,
): AsyncGenerator<SyncStep, void, undefined> {
  const p = structuredClone(start);
  const { tenantId, contactId } = p;
  const plan = planOf(p.from);
  const now = Date.parse(p.startedAt);
  let cursorMs = p.cursor ? Date.parse(p.cursor.startTimestamp) : undefined;
  const cursorIds = new Set(p.cursor?.ids.map(normalId));
  let newestMs = p.newest ? Date.parse(p.newest.startTimestamp) : undefined;
  if (p.newest) p.newest.ids = p.newest.ids.map(normalId);
  // One audit per run, from the page the run starts on (a resumed sync re-reads nothing the audit knew).
  let audit: PageAudit | undefined;

  for (;;) {
    if (signal?.aborted) throw abortedError(signal.reason);
    const index = Math.floor(p.offset / p.pageSize);
    // A signal of its own per request: fetch keeps a listener on the signal it is given until the
    // Request is collected, and the caller's may live for a whole export.
    const request = new AbortController();
    const unlink = linkSignal(request, signal);
    const raw = await client
      .listInteractions(
        { tenantId, contactId, limit: p.pageSize, page: index },
        {
          signal: request.signal,
          ...(parent && { [PARENT]: parent }),
        },
      )
      .finally(unlink);
    const page = checkSyncPage(raw);
    p.pages += 1;
    p.firstTotal ??= page.total;
    if (p.pages > pageBound(p.firstTotal, p.pageSize)) {
      throw new PaginationError(
        'page_bound_exceeded',
        `Pagination did not end: ${p.pages} pages read, total ${p.firstTotal} at the first and ${page.total} now; stopped at the bound derived from the first total`,
        { page: index, expected: pageBound(p.firstTotal, p.pageSize), actual: p.pages },
      );
    }
    if (page.total < p.total) {
      // Interactions were deleted, maybe before the cursor: positions moved up by at most the shrink.
      audit?.rebase(p.offset, page.total);
      p.offset = Math.max(0, p.offset - (p.total - page.total));
      p.total = page.total;
      if (Math.floor(p.offset / p.pageSize) !== index) continue;
    }
    p.total = page.total;
    audit ??= new PageAudit({
      pageSize: p.pageSize,
      last: Infinity,
      concurrency: 1,
      maxPages: Infinity,
      order: 'strict', // the cursor and the early stop rely on the order, whatever the validation mode
      warn: () => {},
      startPage: index,
    });
    const accepted = audit.accept(index, page.page);
    p.pageSize = audit.pageSize; // a server serving smaller pages on page 0: its size from now on
    const fresh = new Set<Interaction>(accepted.results);

    const records: SyncRecord[] = [];
    let reached = false;
    for (const { item, start: at } of page.results) {
      if (!fresh.has(item)) continue; // arrived during the sync, or pushed back onto this page: seen
      const id = normalId(item.interactionId);
      if (cursorMs !== undefined && (at > cursorMs || (at === cursorMs && cursorIds.has(id)))) continue;
      if (at < plan.horizon) {
        reached = true;
        break;
      }
      if (cursorMs === undefined || at < cursorMs) {
        cursorMs = at;
        cursorIds.clear();
        p.cursor = { startTimestamp: item.startTimestamp, ids: [] };
      }
      cursorIds.add(id);
      p.cursor!.ids.push(id);
      if (newestMs === undefined || at > newestMs) {
        newestMs = at;
        p.newest = { startTimestamp: item.startTimestamp, ids: [id] };
      } else if (at === newestMs && !p.newest!.ids.includes(id)) {
        p.newest!.ids.push(id);
      }
      const previous = plan.watch.get(id);
      const watched = mayChange(item, at, now, p);
      const print = previous !== undefined || watched ? fingerprint(item) : '';
      if (watched) p.watch.push([id, item.startTimestamp, print]);
      const change = classify(plan, id, at, previous, print);
      if (change) records.push({ interaction: item, change });
    }
    p.offset = (index + 1) * p.pageSize;
    const end = reached || accepted.done;
    const progress = structuredClone(p);
    yield end ? { records, progress, checkpoint: checkpointOf(p) } : { records, progress };
    if (end) return;
  }
}

/** What the previous checkpoint tells the next sync. */
interface Plan {
  /** Interactions older than this were seen and have settled: the sync stops at the first one. */
  horizon: number;
  /** Every interaction the last sync saw that started at or after this is in `watch`. */
  completeFrom: number;
  newest: number | undefined;
  newestIds: ReadonlySet<string>;
  /** Interaction id → fingerprint, of those that could still change. */
  watch: ReadonlyMap<string, string>;
}

function planOf(from: SyncCheckpoint | null): Plan {
  const watch = new Map(from?.watch.map(([id, , print]) => [normalId(id), print]));
  if (!from?.newest) {
    return { horizon: -Infinity, completeFrom: -Infinity, newest: undefined, newestIds: new Set(), watch };
  }
  const completeFrom = Date.parse(from.syncedAt) - from.settleWindowMs;
  const newest = Date.parse(from.newest.startTimestamp);
  const oldest = from.watch.reduce((min, [, start]) => Math.min(min, Date.parse(start)), Infinity);
  return {
    horizon: Math.min(newest, completeFrom, oldest),
    completeFrom,
    newest,
    newestIds: new Set(from.newest.ids.map(normalId)),
    watch,
  };
}

/**
 * Whether an interaction first seen, or seen again, is new, changed, or neither. The checkpoint's
 * interactions are found by id where it kept them (`watch`, the boundary ids), and otherwise by time:
 * so a boundary interaction deleted since costs nothing, and one that shows up late, within the window
 * the last sync saw whole, is still `new`.
 */
function classify(
  plan: Plan,
  id: string,
  at: number,
  previous: string | undefined,
  print: string,
): SyncChange | undefined {
  if (plan.newest === undefined) return 'new';
  if (previous !== undefined) return previous === print ? undefined : 'updated';
  if (at > plan.newest) return 'new';
  if (at === plan.newest) return plan.newestIds.has(id) ? undefined : 'new';
  return at >= plan.completeFrom ? 'new' : undefined;
}

/** Whether an interaction may still change: open and started within the open window, or ended within the settle window. */
function mayChange(item: Interaction, start: number, now: number, p: SyncProgress): boolean {
  const end = item.endTimestamp;
  if (end === null || end === undefined) return start >= now - Math.max(p.openWindowMs, p.settleWindowMs);
  const ended = Date.parse(end);
  return (Number.isNaN(ended) ? start : ended) >= now - p.settleWindowMs;
}

function checkpointOf(p: SyncProgress): SyncCheckpoint {
  return {
    version: 1,
    tenantId: p.tenantId,
    contactId: p.contactId,
    syncedAt: p.startedAt,
    settleWindowMs: p.settleWindowMs,
    openWindowMs: p.openWindowMs,
    newest: p.newest,
    watch: p.watch,
  };
}

interface SyncPage {
  page: InteractionPage;
  total: number;
  results: { item: Interaction; start: number }[];
}

/**
 * What the sync relies on, checked whatever the validation mode: what the walk relies on (a `total`,
 * echoes, `results` with string ids: `checkWalkable`), and `startTimestamp`s that parse and do not
 * increase within the page (most recent first), with no id twice.
 */
function checkSyncPage(raw: unknown): SyncPage {
  const page = checkWalkable<InteractionPage>(raw);
  const fail = (pointer: string, keyword: string, message: string) =>
    invariantBroken('sync', pointer, keyword, message);
  const ids = new Set<string>();
  let previous = Infinity;
  const checked = page.results.map((item, i) => {
    const id = normalId(item.interactionId);
    if (ids.has(id)) fail(`/results/${i}/interactionId`, 'uniqueItems', 'repeats an interactionId of the same page');
    ids.add(id);
    const startTimestamp: unknown = item.startTimestamp;
    const start = typeof startTimestamp === 'string' ? Date.parse(startTimestamp) : Number.NaN;
    if (Number.isNaN(start)) fail(`/results/${i}/startTimestamp`, 'format', 'must be a date-time');
    if (start > previous)
      fail(`/results/${i}/startTimestamp`, 'order', 'must not be newer than the one before (most recent first)');
    previous = start;
    return { item, start };
  });
  return { page, total: page.total, results: checked };
}

/**
 * A fingerprint of a whole record: a 53-bit hash (cyrb53) of its JSON with keys sorted, so a server that
 * reorders keys changes nothing, and a change to any field (documented or not) changes it.
 */
export function fingerprint(value: unknown): string {
  return hash53(canonical(value, 0)).toString(36);
}

function canonical(value: unknown, depth: number): string {
  if (typeof value === 'bigint') return value.toString(); // exact digits, as a JSON number
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Bodies are read at most MAX_JSON_DEPTH deep (see common/exact-json.ts); this guards a caller's own client.
  if (depth > MAX_JSON_DEPTH)
    invariantBroken('sync', '', 'depth', `must not be nested more than ${MAX_JSON_DEPTH} levels deep`);
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, depth + 1)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k], depth + 1)}`).join(',')}}`;
}

// cyrb53 (bryc, public domain): fast, well mixed, 53 bits fit a double exactly.
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
