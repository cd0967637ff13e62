// Walking pages, of any route whose pages have the paging arithmetic: requests (in order, or several at once), the walk's own limits (maxPages, a
// deadline, the caller's signal) and the shape check every page gets whatever the validation mode.
// What a page must contain to be trusted is decided by PageAudit (page-audit.ts), which has no I/O.

import { fanOut } from '../http/fan-out.js';
import type { Scope, Scoped } from '../http/scope.js';
import type { Logger, ValidationMode } from '../http/types.js';
import { linkSignal, TimeoutError } from '../http/up-front.js';
import { invariantBroken } from '../validation/invariant.js';
import type { ResponseValidationError } from '../validation/response.js';
import { PageAudit, type WalkPage } from './page-audit.js';

/**
 * How far and how a walk goes, on any route, as the parameter checks return it and `walkPages` takes
 * it: every default applied; `last` and `deadlineMs` are `Infinity` when not given.
 */
export interface WalkPlan {
  pageSize: number;
  last: number;
  concurrency: number;
  /** The most pages the walk may read. */
  maxPages: number;
  /** For the whole walk, in ms. */
  deadlineMs: number;
  signal: AbortSignal | undefined;
}

/** A checked walk over one contact's history, as `checkIterateParams` returns it. */
export interface Walk extends WalkPlan {
  tenantId: string;
  contactId: string;
}

/**
 * Fetches page `page` with page size `limit`, aborting when `signal` aborts; `parent` is the walk's scope
 * when its calls are observed (the call belongs to it).
 */
export type FetchPage<P extends WalkPage = WalkPage> = (
  page: number,
  limit: number,
  signal: AbortSignal,
  parent?: Scope,
) => Promise<P>;

/** What the walk checks beyond the arithmetic, from the client's settings. */
export interface WalkChecks {
  /** How the order (most recent first) is checked: the client's validation mode. */
  order: ValidationMode;
  /** Receives the walk's warnings. */
  logger: Pick<Logger, 'warn'>;
  /** The scope the walk runs in when the client's calls are observed (see `http/observe.ts`). */
  scoped?: (() => Promise<Scoped | undefined>) | undefined;
}

/**
 * Throws {@link ResponseValidationError} unless `page` has what the walk relies on: a `total` (a safe
 * integer ≥ 0), a `results` array with a string `interactionId` on each result (dedupe keys on it), a
 * `limit` (integer ≥ 1), an `offset` (integer ≥ 0) and a `page` (integer ≥ 0, or null).
 * Checked whatever the validation mode, so `'off'` or `'warn'` never turns a bad page into a crash.
 */
export function checkWalkable<P extends WalkPage>(page: unknown): P {
  const fail = (pointer: string, keyword: string, message: string) =>
    invariantBroken('walk', pointer, keyword, message);
  const count = (value: unknown, min: number) => Number.isSafeInteger(value) && (value as number) >= min;
  if (typeof page !== 'object' || page === null || Array.isArray(page))
    return fail('', 'type', 'must be an object (a page)');
  const p = page as Record<string, unknown>;
  if (!count(p['total'], 0)) fail('/total', 'type', 'must be an integer ≥ 0');
  const results = p['results'];
  if (!Array.isArray(results)) return fail('/results', 'type', 'must be an array');
  for (const [i, item] of (results as unknown[]).entries()) {
    if (typeof item !== 'object' || item === null) fail(`/results/${i}`, 'type', 'must be an object');
    if (typeof (item as Record<string, unknown>)['interactionId'] !== 'string')
      fail(`/results/${i}/interactionId`, 'type', 'must be a string');
  }
  if (!count(p['limit'], 1)) fail('/limit', 'type', 'must be an integer ≥ 1');
  if (!count(p['offset'], 0)) fail('/offset', 'type', 'must be an integer ≥ 0');
  if (p['page'] !== null && !count(p['page'], 0)) fail('/page', 'type', 'must be an integer ≥ 0 or null');
  return page as P;
}

/**
 * Walks pages in order and yields each with its results not yielded before (cut at `last`), after
 * {@link PageAudit} has checked it against its request and the pages before it.
 *
 * - It ends normally only when the pages account for the whole list: the page that reaches the end of
 *   the list the first `total` describes, once one distinct id was yielded for each of its
 *   interactions, or at `last`. Anything else is a {@link PaginationError} whose `code` names what did
 *   not add up: a short, empty or oversized page, echoes (`page`, `limit`, `offset`) that do not match
 *   the request, repeated or missing ids, a `total` that shrank, or (`order: 'strict'`) results not
 *   most recent first.
 * - New interactions arrive at the front and push items onto later pages: the walk reads on past the
 *   original last page, checks that the ids pushed back are exactly the ones it yielded, and yields
 *   only the interactions that existed when it started (its page 0), each once.
 * - Pages of another size: a smaller `limit` echoed on page 0 (offsets agreeing) re-plans the walk with
 *   the server's page size, with one warning; any other `limit` is `page_size_mismatch`.
 * - Bounded: page numbers stay below `maxPages` and below the bound derived from the first `total`;
 *   a walk whose `total` needs more pages fails as soon as that is known (after one request for an
 *   absurd `total`). `deadlineMs` covers the whole walk: {@link TimeoutError} with scope `'walk'`.
 * - With `concurrency > 1`, page 0 is fetched alone (to learn `total` and the page size), then up to
 *   `concurrency` pages are in flight while pages are still yielded in order. A page served before an
 *   earlier one may carry an older `total`: it is fetched once more before it is judged. With 1, a
 *   page is requested only when the consumer asks for it. `last` never costs more than
 *   `ceil(last / pageSize)` requests unless the list grew.
 * - Ending the walk (break, return, error, deadline) aborts every request still in flight; the one
 *   listener added to the caller's `signal` is removed.
 * - Every page is checked by {@link checkWalkable} first, whatever the validation mode.
 */
export async function* walkPages<P extends WalkPage>(
  fetchPage: FetchPage<P>,
  walk: WalkPlan,
  checks: WalkChecks,
): AsyncGenerator<P, void, undefined> {
  const scoped = await checks.scoped?.();
  const run = (parent?: Scope) =>
    pages(parent ? (page, limit, signal) => fetchPage(page, limit, signal, parent) : fetchPage, walk, checks);
  // Observed, the walk is a scope (a span, an info line) that its page calls belong to.
  const contactId = (walk as Partial<Walk>).contactId;
  yield* scoped ? scoped('walk', contactId ? { 'cxengage.contact.id': contactId } : {}, run, countPage) : run();
}

async function* pages<P extends WalkPage>(
  fetchPage: FetchPage<P>,
  walk: WalkPlan,
  checks: WalkChecks,
): AsyncGenerator<P, void, undefined> {
  const { last, concurrency, signal, deadlineMs } = walk;
  if (signal?.aborted) throw signal.reason;
  if (last <= 0) return;
  const controller = new AbortController();
  const unlink = linkSignal(controller, signal);
  const timer = Number.isFinite(deadlineMs)
    ? setTimeout(() => controller.abort(new TimeoutError('walk', deadlineMs)), deadlineMs)
    : undefined;
  timer?.unref?.(); // a walk abandoned without return() must not keep the process alive
  const audit = new PageAudit({
    pageSize: walk.pageSize,
    last,
    concurrency,
    maxPages: walk.maxPages,
    order: checks.order,
    warn: (message) => checks.logger.warn(message),
  });
  const inflight = new Map<number, Promise<P>>();
  let index = 0; // next page to yield
  let next = 0; // next page to request

  // A signal per page request: the walk's signal carries one listener however many are in flight.
  const requests = fanOut(controller.signal);
  const get = (page: number) => {
    const request = requests.branch();
    return fetchPage(page, audit.pageSize, request.signal)
      .finally(request.release)
      .then(checkWalkable<P>);
  };
  const start = (page: number) => {
    const promise = get(page);
    promise.catch(() => {}); // awaited later, or abandoned when the walk ends
    inflight.set(page, promise);
  };
  // Requests only pages that could still be needed: in flight pages can hold pageSize items each.
  const fill = () => {
    while (
      next < audit.planned &&
      inflight.size < concurrency &&
      (next - index) * audit.pageSize < last - audit.yielded
    )
      start(next++);
  };

  try {
    for (;;) {
      controller.signal.throwIfAborted(); // the deadline, or the caller, while the consumer held the walk
      fill();
      let page = await inflight.get(index)!;
      inflight.delete(index);
      if (concurrency > 1 && audit.leavesGap(index, page)) page = await get(index);
      const { results, done } = audit.accept(index, page);
      index++;
      if (!done && concurrency > 1) fill();
      yield { ...page, results };
      if (done) return;
    }
  } finally {
    controller.abort(new DOMException('The iteration ended', 'AbortError'));
    clearTimeout(timer);
    unlink();
  }
}

/** What an observed walk counts of each page it yields. */
function countPage(page: WalkPage, scope: Scope): void {
  scope.add('pages', 1);
  scope.add('items', page.results.length);
}

/** Yields every interaction of {@link walkPages}, in order; an abort also stops mid-page. */
export async function* walkItems<T>(
  pages: AsyncIterable<{ results: readonly T[] }>,
  signal?: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) {
    for (const item of page.results) {
      if (signal?.aborted) throw signal.reason;
      yield item;
    }
  }
}
