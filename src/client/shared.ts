/**
 * What a client shares with every client derived from it with `withOptions` (its credentials and token
 * cache, its rate limiter: one budget with the API per client family, the deprecation notice), and the
 * registry through which standalone functions such as `exportInteractions` reach it, so that it stays
 * out of the public client interface and out of bundles that do not use it.
 */
import type { Connection } from '../http/pipeline.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { Scoped } from '../http/scope.js';

/** The state one client and its derived clients share: their pipelines' connection (credentials, token cache, body hand-off), and more. */
export interface ClientShared extends Connection {
  /** Set once the deprecation warning was given: it is given once per client family. */
  deprecation: { warned: boolean };
  /** Created the first time a limit is set (`limit-rate.ts`'s `limiterOf`); until then requests are not paced. */
  limiter: RateLimiter | undefined;
  /** The longest `Retry-After` pause the limiter will honour: the client's `maxRetryAfterMs`. */
  maxPauseMs: number;
}

/** Per client: its family's shared state, and the scope its jobs run in when its calls are observed (per client, not per family: a derived client may log at another level). */
const registry = new WeakMap<object, [ClientShared, ScopedOf | undefined]>();
type ScopedOf = () => Promise<Scoped | undefined>;

/** Records that `client` uses `shared`, and the scope its jobs run in when its calls are observed. */
export function registerClient<T extends object>(client: T, shared: ClientShared, scoped?: ScopedOf): T {
  registry.set(client, [shared, scoped]);
  return client;
}

const entry = (client: unknown) => (typeof client === 'object' && client !== null ? registry.get(client) : undefined);

/** The scope a sync runs in, for a client made by `createInteractionsClient` whose calls are observed; else nothing. */
export const scopedOf = (client: unknown): Promise<Scoped | undefined> | undefined => entry(client)?.[1]?.();

/** The shared state of a client made by `createInteractionsClient`, or `undefined` for any other object. */
export const sharedOf = (client: unknown): ClientShared | undefined => entry(client)?.[0];
