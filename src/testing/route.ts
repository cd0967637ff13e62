/**
 * The contract between the reference API's server and its routes: one module per operation of the spec
 * (`routes/`), each handed the parsed request, the store and the options, and answering through `send`
 * and `fail` so that every answer passes the `interceptAnswer` hook. It sits apart from `server.ts` so
 * the routes and the server import it, never each other.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationId, ReferenceApiOptions } from './options.js';
import type { ErrorAnswer } from './respond.js';
import type { ReferenceStore } from './store.js';

/** What a route's handler gets. */
export interface RouteContext {
  req: IncomingMessage;
  /** For what `send` cannot say (e.g. dropping the connection); answers go through `send` and `fail`. */
  res: ServerResponse;
  url: URL;
  /** The path template's parameters, in order, decoded. */
  pathParams: string[];
  store: ReferenceStore;
  options: ReferenceApiOptions;
  /** The caller's permissions (authenticated routes only). */
  permissions: readonly string[];
  /** Answers with JSON. */
  send(status: number, body: unknown, headers?: Record<string, string>): void;
  /** Answers with a vendor-shaped error. */
  fail(error: ErrorAnswer): void;
}

/** One operation of the spec, served. */
export interface Route {
  operationId: OperationId;
  /** The permission the operation needs (403 without it); none for an unauthenticated route. */
  permission?: string;
  handle(context: RouteContext): void;
}
