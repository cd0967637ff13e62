/**
 * What a client shares with every client derived from it with `withOptions` (its credentials and token
 * cache, its rate limiter: one budget with the API per client family, the deprecation notice), and the
 * registry through which standalone functions such as `exportInteractions` reach it, so that it stays
 * out of the public client interface and out of bundles that do not use it; and each client's port to its
 * request path, through which the standalone operations of Get a List of Interactions send.
 */
import type { CallSettings, ResolvedOptions } from '../http/options.js';
import type { Connection } from '../http/pipeline.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { Scoped } from '../http/scope.js';
import type { ValidationMode } from '../http/types.js';
import type { RequestIds } from '../validation/answer.js';

/** The state one client and its derived clients share: their pipelines' connection (credentials, token cache, body hand-off), and more. */
export interface ClientShared extends Connection {
  /** Set once the deprecation warning was given: it is given once per client family. */
  deprecation: { warned: boolean };
  /** Created the first time a limit is set (`limit-rate.ts`'s `limiterOf`); until then requests are not paced. */
  limiter: RateLimiter | undefined;
  /** The longest `Retry-After` pause the limiter will honour: the client's `maxRetryAfterMs`. */
  maxPauseMs: number;
}

/**
 * A client's request path (`client.ts`): sends the Request `make` builds through the client's pipeline,
 * with the call's limits and signal, and gives the parsed 2xx body as the call's mode has it checked
 * (`check`, over the module `checks` loads), held to the request's `ids`; or the typed error of any other
 * answer (`route` names the operation in a deprecation notice).
 */
export type Exchange = <M, T>(
  make: (signal?: AbortSignal) => Request,
  route: string,
  call: CallSettings,
  checks: () => Promise<M>,
  check: (module: M, body: unknown, mode: ValidationMode) => T,
  ids: RequestIds,
) => Promise<{ data: T; response: Response }>;

/** The scope a client's jobs run in when its calls are observed (see `http/observe.ts`). */
export type ScopedOf = () => Promise<Scoped | undefined>;

/**
 * What the standalone operations (Get a List of Interactions, `tenant-list.ts`, and the jobs) use of one
 * client: the state it shares with its family, its resolved options, its request path, and the scope its
 * jobs run in when its calls are observed. Per client, not per family: a derived client has its own
 * options (and may log at another level). A tuple: every browser bundle builds one per client, and a
 * tuple costs it the fewest bytes.
 */
export type ClientPort = readonly [
  shared: ClientShared,
  resolved: ResolvedOptions,
  exchange: Exchange,
  scoped: ScopedOf | undefined,
];

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
  return portOf(client)?.[0];
}

/** The scope a sync runs in, for a client made by `createInteractionsClient` whose calls are observed; else nothing. */
export const scopedOf = (client: unknown): Promise<Scoped | undefined> | undefined => portOf(client)?.[3]?.();
