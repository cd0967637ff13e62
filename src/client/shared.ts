/**
 * What a client shares with every client derived from it with `withOptions` (its credentials and token
 * cache, its rate limiter: one budget with the API per client family, the deprecation notice), and the
 * registry through which standalone functions such as `exportInteractions` reach it, so that it stays
 * out of the public client interface and out of bundles that do not use it.
 */

import type { Credentials } from '../auth/credentials.js';
import type { BodyHandoff } from '../http/body-handoff.js';

/** A checked rate limit: requests per second, and how many may go at once after a quiet spell. */
export interface Pace {
  requestsPerSecond: number;
  burst: number;
}

/** Counters of one limiter, for progress and summaries. */
export interface LimiterStats {
  /** Attempts sent (every attempt of every call, retries included). */
  requests: number;
  /** Attempts answered 429. */
  throttled: number;
  /** The adaptive rate now, or `undefined` while no limit is set. */
  rate: number | undefined;
}

/** One client's limiter (`rate-limit.ts` creates it; see its module comment). */
export interface RateLimiter {
  /**
   * Resolves when an attempt may be sent (`undefined` at once when no limit is set); rejects with the
   * signal's reason if it aborts first.
   */
  take(signal: AbortSignal): Promise<void> | undefined;
  /** How an attempt ended: counts it, and adapts the rate on a 429 or a success. */
  observe(outcome: { status?: number; headers?: Headers }): void;
  /** Adds a limit while the returned release is not called; the lowest limit in force applies. */
  limit(pace: Pace): () => void;
  readonly stats: Readonly<LimiterStats>;
}

/** The state one client and its derived clients share. */
export interface ClientShared {
  /** Sets credentials per attempt; holds the token cache. */
  credentials: Credentials;
  bodies: BodyHandoff;
  /** Set once the deprecation warning was given: it is given once per client family. */
  deprecation: { warned: boolean };
  /** Created the first time a limit is set (`rate-limit.ts`'s `limiterOf`); until then requests are not paced. */
  limiter: RateLimiter | undefined;
  /** The longest `Retry-After` pause the limiter will honour: the client's `maxRetryAfterMs`. */
  maxPauseMs: number;
}

const registry = new WeakMap<object, ClientShared>();

/** Records that `client` uses `shared`. */
export function registerClient<T extends object>(client: T, shared: ClientShared): T {
  registry.set(client, shared);
  return client;
}

/** The shared state of a client made by `createInteractionsClient`, or `undefined` for any other object. */
export function sharedOf(client: unknown): ClientShared | undefined {
  return typeof client === 'object' && client !== null ? registry.get(client) : undefined;
}
