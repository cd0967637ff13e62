/**
 * What a client shares with every client derived from it with `withOptions` (its credentials and token
 * cache, its rate limiter: one budget with the API per client family, the deprecation notice), and the
 * registry through which standalone functions such as `exportInteractions` reach it, so that it stays
 * out of the public client interface and out of bundles that do not use it; and each client's port to its
 * pipeline, through which the standalone operations of Get a List of Interactions send.
 */
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import type { CallSettings, ResolvedOptions } from '../http/options.js';
import type { Connection } from '../http/pipeline.js';
import type { RateLimiter } from '../http/rate-limit.js';

/** The state one client and its derived clients share: their pipelines' connection (credentials, token cache, body hand-off), and more. */
export interface ClientShared extends Connection {
  /** Set once the deprecation warning was given: it is given once per client family. */
  deprecation: { warned: boolean };
  /** Created the first time a limit is set (`limit-rate.ts`'s `limiterOf`); until then requests are not paced. */
  limiter: RateLimiter | undefined;
  /** The longest `Retry-After` pause the limiter will honour: the client's `maxRetryAfterMs`. */
  maxPauseMs: number;
}

/** What `sendVia` adds to every openapi-fetch call. */
export interface OperationInit {
  parseAs: 'stream';
  signal?: AbortSignal;
  fetch: (input: Request) => Promise<Response>;
}

/**
 * What the standalone operations (Get a List of Interactions, `tenant-list.ts`) use of one client: its
 * resolved options and the pieces of its request path (`client.ts`). Per client, not per family: a derived
 * client has its own options.
 */
export interface ClientPort {
  /** The state the client shares with its family. */
  shared: ClientShared;
  resolved: ResolvedOptions;
  /** The client's openapi-fetch client. */
  api: Client<paths>;
  /** Sends one operation through the client's pipeline, with the call's limits and signal. */
  sendVia: <T>(call: CallSettings, operation: (init: OperationInit) => Promise<T>) => Promise<T>;
  /** A typed error for a non-2xx answer, or the parsed 2xx body (`route` names it in a deprecation notice). */
  answer: (response: Response, route: string) => Promise<unknown>;
}

const registry = new WeakMap<object, ClientPort>();

/** Records that `client` uses `port` (and so its family's shared state). */
export function registerClient<T extends object>(client: T, port: ClientPort): T {
  registry.set(client, port);
  return client;
}

/** The port of a client made by `createInteractionsClient`, or `undefined` for any other object. */
export function portOf(client: unknown): ClientPort | undefined {
  return typeof client === 'object' && client !== null ? registry.get(client) : undefined;
}

/** The shared state of a client made by `createInteractionsClient`, or `undefined` for any other object. */
export function sharedOf(client: unknown): ClientShared | undefined {
  return portOf(client)?.shared;
}
