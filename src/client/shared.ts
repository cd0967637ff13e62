/**
 * What a client shares with every client derived from it with `withOptions` (its credentials and token
 * cache, its rate limiter: one budget with the API per client family, the deprecation notice), and the
 * registry through which standalone functions such as `exportInteractions` reach it, so that it stays
 * out of the public client interface and out of bundles that do not use it.
 */
import type { Observer } from '../http/observe.js';
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

const registry = new WeakMap<object, ClientShared>();
/** Per client (not per family: a derived client may log at another level), what observes its calls. */
const observers = new WeakMap<object, ObserverOf>();
type ObserverOf = () => Promise<Observer | undefined> | undefined;

/** Records that `client` uses `shared`, and what observes its calls. */
export function registerClient<T extends object>(client: T, shared: ClientShared, observer?: ObserverOf): T {
  registry.set(client, shared);
  if (observer) observers.set(client, observer);
  return client;
}

/** What observes the calls of a client made by `createInteractionsClient` (a sync's scope); else nothing. */
export function observerOf(client: unknown): Promise<Observer | undefined> | undefined {
  return typeof client === 'object' && client !== null ? observers.get(client)?.() : undefined;
}

/** The shared state of a client made by `createInteractionsClient`, or `undefined` for any other object. */
export function sharedOf(client: unknown): ClientShared | undefined {
  return typeof client === 'object' && client !== null ? registry.get(client) : undefined;
}
