/**
 * The contract between the reference API's semantics (`reference.ts`) and its routes: one module per
 * operation of the spec (`routes/`), each handed the request, its path parameters, the store and the
 * options, and returning the answer it composes. It sits apart so the routes and `reference.ts` import
 * it, never each other. Nothing here knows how the answer is served (node:http or MSW).
 */
import type { OperationId, ReferenceOptions } from './options.js';
import type { Answer } from './respond.js';
import type { ReferenceStore } from './store.js';

/** A request as the semantics read it, whoever received it: the loopback server or an MSW handler. */
export interface ReferenceRequest {
  method: string;
  /** The request's URL (as an `intercept` hook may have changed it). */
  url: URL;
  headers: { get(name: string): string | null };
  /** The body as UTF-8 text; undefined when it is longer than `maxBytes` (the rest is not read). */
  text(maxBytes: number): Promise<string | undefined>;
}

/** What a route's handler gets. */
export interface RouteContext {
  request: ReferenceRequest;
  url: URL;
  /** The path template's parameters, in order, decoded. */
  pathParams: string[];
  store: ReferenceStore;
  options: ReferenceOptions;
  /** The caller's permissions (authenticated routes only). */
  permissions: readonly string[];
}

/** One operation of the spec, served. */
export interface Route {
  operationId: OperationId;
  /** The permission the operation needs (403 without it); none for an unauthenticated route. */
  permission?: string;
  handle(context: RouteContext): Answer | Promise<Answer>;
}
