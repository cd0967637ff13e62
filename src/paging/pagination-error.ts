/**
 * The error a walk over pages stops with when the pages cannot be trusted, loaded with the walk (and the
 * sync) that throws it. The package root exports it.
 */
import { CxEngageError } from '../http/up-front.js';

/**
 * Why a walk over pages stopped: the pages do not add up to the list their `total` describes, so
 * finishing normally could lose or repeat interactions.
 *
 * - `page_mismatch`: the `page` echoed is a number other than the page requested.
 * - `offset_mismatch`: `offset` is not page × page size.
 * - `page_size_mismatch`: the `limit` echoed differs from the page size requested (and the walk could
 *   not re-plan: only a smaller `limit` on page 0 is taken as the server's page size).
 * - `oversized_page`: more results than the page size.
 * - `short_page`: fewer results than `total` says remain (an empty page included), on a page before the
 *   last one `total` gives.
 * - `total_mismatch`: more results than `total` says remain: the page runs past the end its own
 *   `total` gives.
 * - `total_shrank`: `total` fell below what the pages read so far imply: items were deleted during
 *   the walk, so some may have been skipped. A fall that cannot have skipped anything (the list had
 *   grown past the pages read) is not an error.
 * - `no_new_ids`: a page holds no id not yielded before, where `total` says new ones are due.
 * - `duplicate_ids`: a page repeats an id (within itself, or one yielded before) beyond what the
 *   list's growth (new interactions at the front) explains.
 * - `overlap_mismatch`: a page lacks the ids the list's growth pushed onto it from the pages before
 *   (the overlap `total` predicts is not the ids already yielded).
 * - `out_of_order`: (`validate: 'strict'`) a result starts later than the one before it, on the same
 *   page or an earlier one: not most recent first.
 * - `ids_missing`: the list ends short of its `total`: the last page `total` gives has fewer results
 *   than remain, or the walk reached the end with fewer distinct ids than the first `total`.
 * - `page_bound_exceeded`: the walk needs more pages than the bound derived from the first `total`
 *   (the list may double while it is walked): pages that never end, or a `total` growing faster than
 *   the walk reads.
 * - `max_pages_exceeded`: the walk needs more pages than its `maxPages` parameter allows.
 * - `out_of_range`: a page of a time range (the tenant-wide sync's windows) holds an interaction that
 *   started outside it: the server ignores the range, or filters on another time than the start.
 */
export type PaginationErrorCode =
  | 'page_mismatch'
  | 'offset_mismatch'
  | 'page_size_mismatch'
  | 'oversized_page'
  | 'short_page'
  | 'total_mismatch'
  | 'total_shrank'
  | 'no_new_ids'
  | 'duplicate_ids'
  | 'overlap_mismatch'
  | 'out_of_order'
  | 'ids_missing'
  | 'page_bound_exceeded'
  | 'max_pages_exceeded'
  | 'out_of_range';

/** Where a {@link PaginationError} arose, and the counts that disagree. */
export interface PaginationErrorDetails {
  /** The page number (0-based) being checked when the walk stopped. */
  page: number;
  /** What the page should have had (a count, a page number, an offset, a limit or a total), or `null` where not applicable. */
  expected: number | null;
  /** What it had, or `null` where not applicable. */
  actual: number | null;
}

/**
 * Paging that cannot be trusted: the pages do not add up to one list, most recent first, or the walk
 * would not end within its bounds. The results yielded before it are a partial list.
 */
export class PaginationError extends CxEngageError {
  /** The reason, one of {@link PaginationErrorCode} (see there for each). */
  readonly code: PaginationErrorCode;
  /** The page number (0-based) being checked when the walk stopped. */
  readonly page: number;
  /** What the page should have had (a count, a page number, an offset, a limit or a total), or `null` where not applicable. */
  readonly expected: number | null;
  /** What it had, or `null` where not applicable. */
  readonly actual: number | null;
  constructor(code: PaginationErrorCode, message: string, details: PaginationErrorDetails) {
    super(message);
    this.name = 'PaginationError';
    this.code = code;
    this.page = details.page;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
