/**
 * What a test can ask of the reference API: the data and credentials it starts with, its pace and rate
 * limit, and the hooks that bend it on purpose (`transformPage` on a page, `historyDeprecation`), served
 * either way (`ReferenceOptions`); and for the loopback server, where it listens and the hooks on the
 * wire (`intercept` before the reference semantics, `interceptAnswer` after them). The options live apart
 * from the server so that the routes can read them without importing the server that imports them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { spec } from '../../generated/spec.js';
import type { Interaction, InteractionPage } from '../types.js';
import type { ContactHistory } from './history.js';
import type { Answer } from './respond.js';
import type { ReferenceStore } from './store.js';
import type { ReferenceRateLimit } from './throttle.js';

/** One operation of the spec, by its `operationId`. */
export type OperationId = keyof typeof spec.operations;

/** A data set to load at start: a contact with `count` generated interactions, or the given ones. */
export interface DataSet {
  tenantId: string;
  contactId: string;
  interactions: readonly Interaction[] | number;
}

/** What `transformPage` is told about the page it may rewrite. */
export interface PageContext {
  tenantId: string;
  contactId: string;
  /** The page size and page served (defaults applied). */
  limit: number;
  page: number;
  /** Whether the request sent `page` (the answer echoes `null` when it did not). */
  pageSent: boolean;
  /** The contact's whole history, most recent first (read it with `slice`; do not change it). */
  history: ContactHistory;
}

/** What `interceptAnswer` is told about the request an answer is for. */
export interface AnswerContext {
  req: IncomingMessage;
  /** The request's URL (as `intercept` left it). */
  url: URL;
  /** The operation the request matched; undefined for a path no operation has (a 404). */
  operationId: OperationId | undefined;
}

/** What the reference API is, however it is served: the loopback server or the MSW handlers. */
export interface ReferenceOptions {
  /** Seed for generated interactions and issued tokens (ignored when `store` is given). */
  seed?: string | number;
  /**
   * How long a token issued by `POST /v1/tokens` is accepted, in ms of the store's clock, which moves only
   * when a test calls `store.advance(ms)` (ignored when `store` is given). Default: forever. An expired
   * token gets 401, as a real one presumably does.
   */
  tokenLifetimeMs?: number;
  /** An existing store to serve; by default a new one. */
  store?: ReferenceStore;
  /** Contacts to create before listening. */
  dataSets?: readonly DataSet[];
  /** Credentials to accept before listening. Permissions default to every permission the spec's operations need. */
  credentials?: {
    apiKeys?: readonly { key: string; secret: string; permissions?: readonly string[] }[];
    tokens?: readonly { token: string; permissions?: readonly string[] }[];
  };
  /** Waits this long before handling each request: a slow network or server. Default 0. */
  latencyMs?: number;
  /**
   * Admits at most this many requests per second (a token bucket over the whole API, checked as each
   * request arrives, before authentication); the others get 429 with `Retry-After` in whole seconds.
   * Default: no limit (the vendor documents none).
   */
  rateLimit?: ReferenceRateLimit;
  /** Rewrites each 200 page of the history route before it is sent; the return value is sent as JSON. */
  transformPage?: (page: InteractionPage, context: PageContext) => unknown;
  /**
   * Makes the history route's answers (200, 400 and 404; not the 401/403 of authentication) carry the
   * headers a deprecated route sends: `Deprecation` (RFC 9745, e.g. `@1767225600`), `Sunset` (RFC 8594,
   * an HTTP date) and a `Link` with `rel="deprecation"` to `link`. The vendor has announced the
   * deprecation, but not these headers.
   */
  historyDeprecation?: { deprecation?: string; sunset?: string; link?: string };
}

/** Options of `startReferenceApi`: the reference API, and how the loopback server serves it. */
export interface ReferenceApiOptions extends ReferenceOptions {
  /** Port to listen on; 0 (the default) asks the kernel for a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /**
   * Called first for every request, before authentication. Answer `res` yourself (or stall, or cut the
   * socket) and return true to take the request over; return false to let the reference semantics answer
   * (you may change `url` first, or the store: the answer then reflects the change).
   */
  intercept?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
  /**
   * Called with every answer the reference semantics composed for a request `intercept` passed on (any
   * status, after `transformPage`), before it is written. Write `res` yourself — cut the body, change a
   * header, reset the socket midway — and return true; return false to let it be written as it is.
   */
  interceptAnswer?: (answer: Answer, res: ServerResponse, context: AnswerContext) => boolean;
}
