/**
 * The client's public surface: `InteractionsClient`, and the parameters of its operations. The options it
 * is created with are the request pipeline's (`http/types.ts`).
 */

import type { DerivedClientOptions, RequestOptions, ValidationMode } from '../http/types.js';
import type { Interaction, InteractionPage, InteractionRecord } from '../types.js';

/** Parameters of one page call. */
export interface ListParams {
  tenantId: string;
  contactId: string;
  /** 1 to 100, default 10 (server side). */
  limit?: number;
  /** 0-based. When omitted, the server answers `page: null`. */
  page?: number;
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
