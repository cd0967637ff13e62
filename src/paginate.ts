/**
 * Walking a contact's pages: in order, with bounded concurrency, deduplicated by `interactionId` while
 * new interactions shift the list, and bounded so that a server whose pages never end is noticed.
 * {@link walkPages} is the whole policy; the client only supplies a `fetchPage`.
 */
import { PaginationError, ResponseValidationError } from './errors.js';
import { linkSignal } from './signals.js';
import type { Interaction, InteractionPage, Walk } from './types.js';

/** Fetches page `page` (with the walk's page size), aborting when `signal` aborts. */
export type FetchPage = (page: number, signal: AbortSignal) => Promise<InteractionPage>;

/**
 * The page bound derived from the first `total`: the list may double during the walk, plus slack.
 * A server whose `total` keeps growing past it is treated as one that never ends.
 */
export function pageBound(total: number, pageSize: number): number {
  return 2 * Math.ceil(total / pageSize) + 2;
}

/**
 * Ids remembered beyond what insertions can explain: inserts offset by as many deletions between two
 * pages leave `total` unchanged yet still push items onto later pages. About 1 MB of ids.
 */
const WINDOW_SLACK = 10_000;

/**
 * How many of the most recently yielded ids dedupe must remember. An item reappears only when
 * insertions ahead of it push it onto a later page, and the ids yielded between its two sightings are
 * fewer than its displacement: the insertions made during the walk, which `growth` counts as every
 * rise of `total` from one page to the next. The current page and those in flight (`concurrency`) are
 * added for totals that lie, plus {@link WINDOW_SLACK} for churn that `total` cannot show. So memory
 * stays bounded on a long walk while every duplicate an honest server can cause is still dropped.
 */
export function dedupeWindow(pageSize: number, concurrency: number, growth: number): number {
  return pageSize * (concurrency + 1) + Math.max(0, growth) + WINDOW_SLACK;
}

/**
 * Throws {@link ResponseValidationError} unless `page` has what the walk relies on: a `total` (a safe
 * integer ≥ 0), a `results` array, and a string `interactionId` on each result (dedupe keys on it).
 * Checked whatever the validation mode, so `'off'` or `'warn'` never turns a bad page into a crash.
 */
export function checkWalkable(page: unknown): InteractionPage {
  const fail = (pointer: string, keyword: string, message: string): never => {
    throw new ResponseValidationError(
      pointer,
      [{ instancePath: pointer, schemaPath: '#/invariant/walk', keyword, params: {}, message }],
      message,
    );
  };
  if (typeof page !== 'object' || page === null || Array.isArray(page))
    return fail('', 'type', 'must be an object (a page)');
  const { total, results } = page as Record<string, unknown>;
  if (!Number.isSafeInteger(total) || (total as number) < 0) fail('/total', 'type', 'must be an integer ≥ 0');
  if (!Array.isArray(results)) return fail('/results', 'type', 'must be an array');
  for (const [i, item] of (results as unknown[]).entries()) {
    if (typeof item !== 'object' || item === null) fail(`/results/${i}`, 'type', 'must be an object');
    if (typeof (item as Record<string, unknown>)['interactionId'] !== 'string')
      fail(`/results/${i}/interactionId`, 'type', 'must be a string');
  }
  return page as InteractionPage;
}

/** A set of the last ids added (FIFO eviction), so a long walk holds a bounded number of ids. */
class RecentIds {
  private readonly ids = new Set<string>();
  private readonly order: string[] = [];
  private head = 0;

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    this.order.push(id);
  }

  /** Forgets the oldest ids beyond `size`. */
  trim(size: number): void {
    while (this.ids.size > size) this.ids.delete(this.order[this.head++]!);
    if (this.head > 4096 && this.head * 2 > this.order.length) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
  }
}

/**
 * Walks pages in order and yields each with the results not yielded before (deduplicated by
 * `interactionId` over a window of recent ids, see {@link dedupeWindow}; and cut at `last`).
 *
 * - New interactions arrive at the front and push items onto later pages: page `i`, served when the
 *   total is `T`, ends `(i + 1) × pageSize − T` items from the end of the list. The walk goes on until
 *   that reach is ≥ 0 (past the original last page when `total` grew), so nothing that existed at the
 *   start is lost; dedupe drops the overlap.
 * - A page that starts beyond the reach of the pages before it leaves a gap: it was served before an
 *   earlier page (with concurrency), or items were deleted. It is fetched once more; if the gap remains,
 *   items were deleted and some may have been skipped: {@link PaginationError} `total_shrank`.
 *   Totals cannot tell where items were deleted, so any such shrink is reported; a deletion offset by
 *   as many inserts between two pages goes unnoticed.
 * - The walk ends at a short (or empty) page, at `last`, or once the reach is ≥ 0, so an honest
 *   server costs no extra request. A page with more results than its own `total` allows means `total`
 *   lies low: then only a short page ends the walk. Pages past {@link pageBound} throw
 *   {@link PaginationError} `page_bound_exceeded` (a server whose pages never end, or whose `total`
 *   keeps growing faster than the walk reads).
 * - With `concurrency > 1`, page 0 is fetched alone (to learn `total`), then up to `concurrency` pages
 *   are in flight while pages are still yielded in order. With 1, a page is requested only when the
 *   consumer asks for it. `last` never costs more than `ceil(last / pageSize)` requests unless dedupe
 *   dropped items.
 * - Ending the walk (break, return, error) aborts every request still in flight.
 * - Every page is checked by {@link checkWalkable} first, whatever the validation mode.
 */
export async function* walkPages(fetchPage: FetchPage, walk: Walk): AsyncGenerator<InteractionPage, void, undefined> {
  const { pageSize, last, concurrency, signal } = walk;
  if (signal?.aborted) throw signal.reason;
  if (last <= 0) return;
  const controller = new AbortController();
  const unlink = linkSignal(controller, signal);
  const inflight = new Map<number, Promise<InteractionPage>>();
  const seen = new RecentIds();
  let yielded = 0;
  let index = 0; // next page to yield
  let next = 0; // next page to request
  let end = 1; // pages needed to cover the largest total seen
  let firstTotal = 0;
  let maxTotal = 0;
  let lastTotal = 0;
  let rise = 0; // the sum of every increase of `total` from one page to the next: insertions seen
  let bound = Infinity;
  // How far the pages consumed so far reach, counted from the end of the list: page i at total T
  // ends at (i + 1) × pageSize − T. Once it is ≥ 0, every item that existed at the start was covered.
  let reach = -Infinity;
  let trusted = true; // whether `total` agrees with the pages seen

  const get = (page: number) => fetchPage(page, controller.signal).then(checkWalkable);
  const start = (page: number) => {
    const promise = get(page);
    promise.catch(() => {}); // awaited later, or abandoned when the walk ends
    inflight.set(page, promise);
  };
  // Requests only pages that could still be needed: in flight pages can hold pageSize items each.
  const fill = () => {
    while (next < end && inflight.size < concurrency && (next - index) * pageSize < last - yielded) start(next++);
  };

  try {
    for (;;) {
      if (end > bound) {
        throw new PaginationError(
          'page_bound_exceeded',
          `Pagination did not end: ${index} pages read, total ${firstTotal} at the start and ${maxTotal} now, and pages still not empty; stopped at the bound of ${bound} pages of ${pageSize} derived from the first total`,
        );
      }
      fill();
      let page = await inflight.get(index)!;
      inflight.delete(index);
      if (index === 0) {
        firstTotal = page.total;
        bound = pageBound(page.total, pageSize);
      } else if (index * pageSize - page.total > reach) {
        // A gap before this page: it was served before an earlier one (concurrency), or items were
        // deleted. Served again now, after every earlier page, only a deletion leaves the gap.
        page = await get(index);
        if (index * pageSize - page.total > reach) {
          throw new PaginationError(
            'total_shrank',
            `Pagination is unreliable: total shrank (from ${maxTotal} to ${page.total} at page ${index}): items were deleted during the walk, so some may have been skipped`,
          );
        }
      }
      if (index > 0) rise += Math.max(0, page.total - lastTotal);
      lastTotal = page.total;
      reach = Math.max(reach, (index + 1) * pageSize - page.total);
      maxTotal = Math.max(maxTotal, page.total);
      // More results than this page's own total allows: total lies low, so only a short page ends the walk.
      if (page.results.length > Math.min(pageSize, Math.max(0, page.total - index * pageSize))) trusted = false;
      const fresh: Interaction[] = [];
      for (const item of page.results) {
        if (yielded + fresh.length >= last) break;
        if (seen.has(item.interactionId)) continue;
        seen.add(item.interactionId);
        fresh.push(item);
      }
      seen.trim(dedupeWindow(pageSize, concurrency, rise));
      yielded += fresh.length;
      index++;
      const done = yielded >= last || page.results.length < pageSize || (trusted && reach >= 0);
      end = Math.max(end, Math.ceil(maxTotal / pageSize), done ? 0 : index + 1);
      if (!done && concurrency > 1) fill();
      yield { ...page, results: fresh };
      if (done) return;
    }
  } finally {
    controller.abort(new DOMException('The iteration ended', 'AbortError'));
    unlink();
  }
}

/** Yields every interaction of {@link walkPages}, in order; an abort also stops mid-page. */
export async function* walkItems(
  pages: AsyncIterable<InteractionPage>,
  signal?: AbortSignal,
): AsyncGenerator<Interaction, void, undefined> {
  for await (const page of pages) {
    for (const item of page.results) {
      if (signal?.aborted) throw signal.reason;
      yield item;
    }
  }
}
