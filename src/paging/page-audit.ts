// The walk's bookkeeping, with no I/O: each page is checked against its own request and against the
// pages before it, and only then are its new results handed out. Positions are counted from the END
// of the list (the "distance": how many items lie after an item), because new interactions arrive at
// the front: an insert moves every item to a later page but leaves its distance unchanged. So with
// `total` T, page i of size s holds the distances T − i·s − 1 down to T − i·s − n. The walk starts
// with the first page's `total` T0 and must hand out exactly one id for each distance 0 … T0 − 1;
// distances ≥ T0 are interactions that arrived during the walk (not yielded: walk again for them).
// Anything else the server answers is a PaginationError naming what did not add up.
import { normalId } from '../http/up-front.js';
import { PaginationError, type PaginationErrorCode } from './pagination-error.js';

/** What the audit reads of a result, on any route: its id (repeats) and its start (order). */
export interface WalkItem {
  interactionId: string;
  startTimestamp?: string | null | undefined;
}

/**
 * What the audit reads of a page, on any route: the paging arithmetic (the history's page and the
 * List's envelope both carry it) and the results.
 */
export interface WalkPage<T extends WalkItem = WalkItem> {
  total: number;
  limit: number;
  offset: number;
  page: number | null;
  results: T[];
}

/** What a page audit needs to know about the walk. */
export interface AuditOptions {
  /** The page size requested. */
  pageSize: number;
  /** Stop after this many results; `Infinity` when uncapped. */
  last: number;
  /** Pages in flight at once (sizes the dedupe window). */
  concurrency: number;
  /** The most pages the walk may read (pages 0 … maxPages − 1). */
  maxPages: number;
  /** How the order (most recent first) is checked: throw, warn once, or not at all. */
  order: 'strict' | 'warn' | 'off';
  /** Receives the walk's warnings: a re-planned page size, and (`order: 'warn'`) the first order break. */
  warn: (message: string) => void;
  /**
   * The first page the audit sees (default 0): a walk that goes on from there, such as a sync resumed
   * mid-history. What lies before it is not the audit's to check; from it on, every rule applies.
   */
  startPage?: number;
}

/**
 * The page bound derived from the first `total`: the list may double during the walk, plus slack.
 * A walk that needs more pages is treated as one that never ends.
 */
export function pageBound(total: number, pageSize: number): number {
  return 2 * Math.ceil(total / pageSize) + 2;
}

/**
 * Ids remembered beyond what insertions can explain: slack for a window that must never be the
 * reason an honest walk fails. About 1 MB of ids.
 */
const WINDOW_SLACK = 10_000;

/**
 * How many of the most recently yielded ids the walk must remember. A page repeats ids only where
 * insertions at the front pushed them onto it, and those are the last ids yielded: never more than
 * `growth` (every rise of `total` from one page to the next). The pages in flight
 * (`concurrency`) and {@link WINDOW_SLACK} are added so that a repeat from a nearby page is caught by
 * the window itself. Memory stays bounded on a long walk; a repeat from further back is caught by the
 * order check (`validate: 'strict'`), which remembers every id of the oldest timestamp yielded.
 */
export function dedupeWindow(pageSize: number, concurrency: number, growth: number): number {
  return pageSize * (concurrency + 1) + Math.max(0, growth) + WINDOW_SLACK;
}

/** The ids most recently yielded, oldest evicted first, readable by age. */
class RecentIds {
  private readonly ids = new Set<string>();
  private readonly order: string[] = [];
  private head = 0;

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** The id yielded `age` yields ago (0: the last one), if still remembered. */
  fromNewest(age: number): string | undefined {
    const at = this.order.length - 1 - age;
    return at >= this.head ? this.order[at] : undefined;
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

/** A page's new results, and whether the walk is complete with it. */
export interface Accepted<T extends WalkItem = WalkItem> {
  results: T[];
  done: boolean;
}

/**
 * Checks the pages of one walk, in page order, and hands out each page's new results. The rules, in
 * the order they are applied to page `i` (requested with page size `s`):
 *
 * 1. Echoes: `page` is `i` (or `null`, as when no page was sent), `limit` is `s`, `offset` is `i × s`.
 *    A smaller `limit` on page 0 whose offsets agree re-plans the walk with the server's page size.
 * 2. Length: exactly `min(s, max(0, total − i × s))` results, as the page's own `total` implies. Fewer
 *    on the last page by that `total` is `ids_missing` (the list ends short), anywhere else `short_page`.
 * 3. No gap: `total` has not fallen below what the pages before imply (else `total_shrank`).
 * 4. Each result, by distance: one that arrived during the walk is skipped; one the list's growth
 *    pushed back from the pages before must be exactly the id yielded at that distance; every other
 *    one must be new. Ids never repeat within a page.
 * 5. Order (strict or warn): start timestamps never increase, within a page and across the walk.
 * 6. End: a short (or empty) page that reaches the end of the list completes the walk (a full one is
 *    confirmed by the next page, which must be empty), and by then one id was handed out per
 *    interaction of the first `total` (`ids_missing` otherwise). Before that, the pages still needed
 *    must fit within `maxPages` and the bound of {@link pageBound}.
 */
export class PageAudit {
  /** The page size in use: the one requested, or the server's after a re-plan on page 0. */
  pageSize: number;
  /** Results handed out so far. */
  yielded = 0;
  /** Pages the walk may request so far (pages 0 … planned − 1): what the largest `total` needs, within the bounds. */
  planned = 1;
  private first = -1;
  private readonly startPage: number;
  /** Set by {@link PageAudit.rebase}: items before a known position may be re-reads, found by id. */
  private rebased = false;
  private covered = 0;
  private lastTotal = 0;
  private maxTotal = 0;
  private rise = 0;
  private bound = Infinity;
  private replanned = false;
  private readonly recent = new RecentIds();
  private oldestTs = Infinity;
  private readonly oldest = new Set<string>();
  private orderWarned = false;

  constructor(private readonly options: AuditOptions) {
    this.pageSize = options.pageSize;
    this.startPage = options.startPage ?? 0;
  }

  /** Ids held in memory to catch repeats: the window plus those of the oldest timestamp yielded. */
  get remembered(): number {
    return this.recent.size + this.oldest.size;
  }

  /**
   * Whether `page` starts beyond the pages before it: it was served before one of them (with
   * concurrency, a total from an earlier moment), or items were deleted. Fetched again after every
   * earlier page, only a deletion leaves the gap.
   */
  leavesGap(index: number, page: WalkPage): boolean {
    return index > 0 && page.total - index * this.pageSize < this.covered;
  }

  /**
   * Goes on after items were deleted: the list now has `total` items, and every item before position
   * `position` (counted from the front, as `offset` counts) had been handed out before the deletion
   * moved them. From here on, items before that position are known by id rather than by place (a
   * re-read is skipped, an item the deletion moved up is new), and the count check at the end is off
   * (the deletion changed the count). Everything else still applies: echoes, lengths, order, no id
   * handed out twice, nothing after that position that was seen before.
   */
  rebase(position: number, total: number): void {
    if (this.first < 0) return; // no page seen yet: the first one sets everything
    this.rebased = true;
    this.first = Infinity;
    this.covered = Math.max(0, total - position);
    this.lastTotal = total;
  }

  /** Checks page `index` (see the class comment) and returns its new results, cut at `last`. Throws {@link PaginationError}. */
  accept<T extends WalkItem>(index: number, page: WalkPage<T>): Accepted<T> {
    this.checkEchoes(index, page);
    const s = this.pageSize;
    const { total, results } = page;
    const due = Math.min(s, Math.max(0, total - index * s));
    const n = results.length;
    const at = { page: index };
    if (n > s)
      fail('oversized_page', `page ${index} has ${n} results, more than its page size of ${s}`, {
        ...at,
        expected: s,
        actual: n,
      });
    if (n < due && total - index * s <= s) {
      fail(
        'ids_missing',
        `the list ends ${count(due - n, 'id')} short of its total of ${total}: the last page, ${index}, has ${n} results where ${due} remain`,
        {
          ...at,
          expected: total,
          actual: total - (due - n),
        },
      );
    }
    if (n < due)
      fail(
        'short_page',
        `page ${index} has ${n} results where its total of ${total} implies ${due}: a short page before the end`,
        { ...at, expected: due, actual: n },
      );
    if (n > due)
      fail('total_mismatch', `page ${index} has ${n} results where its total of ${total} allows ${due}`, {
        ...at,
        expected: due,
        actual: n,
      });
    if (this.first < 0) {
      // The items from this page to the end: the whole list for a walk from page 0.
      this.first = this.covered = Math.max(0, total - index * s);
      this.lastTotal = total;
      this.bound = index + pageBound(this.first, s);
    } else if (total - index * s < this.covered) {
      fail(
        'total_shrank',
        `total shrank from ${this.lastTotal} to ${total} at page ${index}: items were deleted during the walk, so some may have been skipped`,
        {
          ...at,
          expected: this.covered + index * s,
          actual: total,
        },
      );
    }
    this.rise += Math.max(0, total - this.lastTotal);
    this.lastTotal = total;
    this.maxTotal = Math.max(this.maxTotal, total);

    const fresh = this.newResults(index, page).slice(0, this.options.last - this.yielded);
    for (const item of fresh) this.remember(item);
    this.yielded += fresh.length;
    this.recent.trim(dedupeWindow(s, this.options.concurrency, this.rise));
    if (fresh.length) this.covered = Math.max(0, total - index * s - n);
    // The end of the list is the page that shows it: a short (or empty) one, whose length `total`
    // confirmed above. A full page that reaches the end its `total` gives is confirmed by the next,
    // which must be empty: a total that lies low by whole pages would otherwise end the walk early.
    const atEnd = n < s;
    const done = this.yielded >= this.options.last || atEnd;
    // The end rule itself: one id per interaction of the first total. The rules above make it hold.
    if (atEnd && !this.rebased && this.yielded < this.options.last && this.yielded !== this.first) {
      fail(
        'ids_missing',
        `the walk reached the end of the list with ${this.yielded} distinct ids where the first total was ${this.first}`,
        {
          ...at,
          expected: this.first,
          actual: this.yielded,
        },
      );
    }
    if (!done) this.plan(index, total);
    return { results: fresh, done };
  }

  private checkEchoes(index: number, page: WalkPage): void {
    const at = { page: index };
    if (page.page !== null && page.page !== index) {
      fail('page_mismatch', `page ${index} came back as page ${page.page}`, {
        ...at,
        expected: index,
        actual: page.page,
      });
    }
    const replan = index === 0 && this.first < 0 && page.limit < this.pageSize;
    if (page.limit !== this.pageSize && !replan) {
      fail(
        'page_size_mismatch',
        `page ${index} came back with limit ${page.limit} where ${this.pageSize} was requested`,
        { ...at, expected: this.pageSize, actual: page.limit },
      );
    }
    if (page.offset !== index * page.limit) {
      fail(
        'offset_mismatch',
        `page ${index} came back with offset ${page.offset} where ${index * page.limit} (page × limit) was expected`,
        {
          ...at,
          expected: index * page.limit,
          actual: page.offset,
        },
      );
    }
    if (replan) {
      this.replanned = true;
      this.pageSize = page.limit;
    }
  }

  /** The results not handed out before, after checking every result's place (rules 4 and 5). */
  private newResults<T extends WalkItem>(index: number, page: WalkPage<T>): T[] {
    const top = page.total - index * this.pageSize - 1; // the distance of results[0]
    const onPage = new Set<string>();
    const fresh: T[] = [];
    let overlap = 0;
    let matched = 0;
    let slots = 0;
    let repeats = 0;
    let firstRepeat = '';
    let previousTs = Infinity;
    for (const [p, item] of page.results.entries()) {
      const id = normalId(item.interactionId);
      if (onPage.has(id))
        fail('duplicate_ids', `page ${index} holds ${shown(id)} twice`, { page: index, expected: 0, actual: 1 });
      onPage.add(id);
      const ts = this.timestamp(item);
      if (ts > previousTs) this.orderBroken(index, p, 'the result before it');
      if (!Number.isNaN(ts)) previousTs = ts;
      const distance = top - p;
      if (distance >= this.first) continue; // arrived during the walk
      if (distance >= this.covered && this.rebased) {
        // Before the position read up to when items were deleted: a re-read (known by id), an item the
        // deletion moved up (new), or one newer than every item handed out (arrived: the caller's cursor
        // knows it). Deletions moved positions, so membership is all that can be checked here.
        if (this.recent.has(id) || this.oldest.has(id) || ts > this.oldestTs) continue;
        fresh.push(item);
        continue;
      }
      if (distance >= this.covered) {
        overlap++;
        if (this.recent.fromNewest(distance - this.covered) === id) matched++;
        continue;
      }
      slots++;
      if (this.recent.has(id) || this.oldest.has(id)) {
        repeats++;
        firstRepeat ||= id;
        continue;
      }
      if (ts > this.oldestTs) this.orderBroken(index, p, 'a result of an earlier page');
      fresh.push(item);
    }
    const at = { page: index };
    if (slots > 0 && repeats === slots) {
      fail(
        'no_new_ids',
        `page ${index} has no new ids where its total says ${count(slots, 'is', 'are')} due: it repeats results already yielded`,
        { ...at, expected: slots, actual: 0 },
      );
    }
    if (matched < overlap) {
      fail(
        'overlap_mismatch',
        `page ${index} should repeat the ${count(overlap, 'id')} the list's growth pushed onto it, but ${overlap - matched} of them differ`,
        {
          ...at,
          expected: overlap,
          actual: matched,
        },
      );
    }
    if (repeats > 0) {
      fail(
        'duplicate_ids',
        `page ${index} repeats ${count(repeats, 'id')} already yielded (first ${shown(firstRepeat)}) that the list's growth does not explain`,
        {
          ...at,
          expected: 0,
          actual: repeats,
        },
      );
    }
    return fresh;
  }

  private remember(item: WalkItem): void {
    const id = normalId(item.interactionId);
    this.recent.add(id);
    const ts = this.timestamp(item);
    if (Number.isNaN(ts)) return;
    if (ts < this.oldestTs) {
      this.oldestTs = ts;
      this.oldest.clear();
    }
    // With the order enforced, a repeat from beyond the window can only carry the oldest timestamp.
    if (ts === this.oldestTs && this.options.order === 'strict') this.oldest.add(id);
  }

  /** The start as a number to compare, or NaN when the order is not checked or the value is not a date. */
  private timestamp(item: WalkItem): number {
    const start: unknown = item.startTimestamp;
    return this.options.order === 'off' || typeof start !== 'string' ? NaN : Date.parse(start);
  }

  private orderBroken(index: number, position: number, what: string): void {
    const problem = `page ${index} is not most recent first: result ${position} starts later than ${what}`;
    if (this.options.order === 'strict') fail('out_of_order', problem, { page: index, expected: null, actual: null });
    if (this.orderWarned) return;
    this.orderWarned = true;
    this.options.warn(`cxengage: ${problem} (validate: 'warn', the walk goes on)`);
  }

  /** Checks that the pages still needed fit the bounds, and widens what may be requested. */
  private plan(index: number, total: number): void {
    const s = this.pageSize;
    const { maxPages, last } = this.options;
    // An honest list of `total` takes pages 0 … ⌊total / s⌋: the last one short, or empty after a full one.
    const needed = Math.max(
      index + 2,
      Math.min(Math.floor(total / s) + 1, index + 1 + Math.ceil((last - this.yielded) / s)),
    );
    const at = { page: index };
    if (needed > maxPages) {
      fail(
        'max_pages_exceeded',
        `the walk needs at least ${needed} pages of ${s} (total ${total}), more than maxPages (${maxPages})`,
        { ...at, expected: maxPages, actual: needed },
      );
    }
    if (needed > this.bound) {
      fail(
        'page_bound_exceeded',
        `the walk does not end: ${needed} pages of ${s} needed (total ${this.first} at the start, ${total} now), beyond the bound of ${this.bound} derived from the first total`,
        {
          ...at,
          expected: this.bound,
          actual: needed,
        },
      );
    }
    if (this.replanned) {
      this.replanned = false;
      this.options.warn(
        `cxengage: the server serves pages of ${s}, not the ${this.options.pageSize} requested: the walk goes on with pages of ${s}`,
      );
    }
    this.planned = Math.max(this.planned, index + 2, Math.min(Math.floor(this.maxTotal / s) + 1, maxPages, this.bound));
  }
}

/** `1 id`, `2 ids`; or with verbs, `1 is`, `2 are`. */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** An id as a message may show it: ids are fine to print, but only plain ones (never a raw server string). */
function shown(id: string): string {
  return /^[\w.:-]{1,64}$/.test(id) ? `id ${id}` : 'an id (not shown: not a plain token)';
}

function fail(
  code: PaginationErrorCode,
  problem: string,
  details: { page: number; expected: number | null; actual: number | null },
): never {
  throw new PaginationError(code, `Pagination is unreliable (${code}): ${problem}`, details);
}
