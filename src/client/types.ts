/**
 * The client's public surface: `InteractionsClient`, and the parameters of its operations. The options it
 * is created with are the request pipeline's (`http/types.ts`).
 */

import type { operations } from '../../generated/schema.js';
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

/** How an iterator walks, on either route: page size, how far, how many pages at once, its limits. */
export interface WalkOptions {
  /**
   * Items per request. Default: the route's maximum `limit` in the spec (100 for a contact's history,
   * 1000 for Get a List of Interactions). The iterators take no `limit`.
   */
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

/** Parameters of the iterators over a contact's history. */
export interface IterateParams extends WalkOptions {
  tenantId: string;
  contactId: string;
}

/** Get a List of Interactions' query parameters, as the spec types them (`generated/`). */
type ListQuery = NonNullable<operations['listTenantInteractions']['parameters']['query']>;

/**
 * The filters of Get a List of Interactions, under the spec's names: every filter given must match.
 * Checked before anything is sent (`InvalidInputError`): ids are uuids, times ISO 8601 in UTC that exist,
 * the range not reversed, the hook filters not blank.
 */
export interface TenantFilters
  extends Pick<ListQuery, 'contactId' | 'attribute-value' | 'hook-name' | 'hookType' | 'hookSubType' | 'hookId'> {
  /**
   * Only the interactions that started at or after this instant: ISO 8601 in UTC, such as
   * `2017-12-29T14:00:00.000Z`, or a `Date` (sent as its `toISOString()`).
   */
  startTimeRange?: string | Date;
  /**
   * Only the interactions that started before this instant (the spec's call: exclusive): ISO 8601 in UTC
   * (`T24:00:00` ends a day), or a `Date`. Not before `startTimeRange`.
   */
  endTimeRange?: string | Date;
  /**
   * `true` asks for the keys that have no value, as `null` (sent as the vendor's `green=false`); by default
   * they are left out of each record. (`green` itself is not taken: its name says nothing of what it does.)
   */
  includeNulls?: boolean;
}

/** Parameters of one page of Get a List of Interactions. */
export interface ListTenantParams extends TenantFilters, Pick<ListQuery, 'limit' | 'page'> {
  tenantId: string;
}

/** Parameters of the iterators over Get a List of Interactions. */
export interface IterateTenantParams extends TenantFilters, WalkOptions {
  tenantId: string;
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
