/**
 * `limitRate`, the public way to pace a client, and the lookup that finds (or creates) the one limiter a
 * client family shares. The limiter itself is `http/rate-limit.ts`; a client carries only an empty slot
 * for it until a limit is set, so this module and that one are in a bundle only if it limits.
 */

import { InvalidInputError } from '../errors.js';
import { createRateLimiter, type RateLimiter, resolvePace } from '../http/rate-limit.js';
import type { RateLimitOptions } from '../http/types.js';
import { sharedOf } from './shared.js';
import type { InteractionsClient } from './types.js';

/**
 * The limiter of a client made by `createInteractionsClient` (shared with the clients derived from
 * it), created the first time it is asked for. Throws {@link InvalidInputError} for any other object.
 */
export function limiterOf(client: InteractionsClient): RateLimiter {
  const shared = sharedOf(client);
  if (!shared)
    throw new InvalidInputError('client', typeof client, 'must be a client made by createInteractionsClient');
  shared.limiter ??= createRateLimiter(undefined, { maxPauseMs: shared.maxPauseMs });
  return shared.limiter;
}

/**
 * Paces every request of `client`, and of the clients derived from it, at `options` until the returned
 * function is called: one token bucket per client, AIMD on 429, `Retry-After` honoured. With several
 * limits in force (an export adds one while it runs), the lowest applies. Time spent waiting for the
 * bucket does not count toward `timeoutMs` (an attempt's timer starts once it may go); the call's
 * `deadlineMs` and its signal still bound the wait.
 *
 * @example
 * const release = limitRate(client, { requestsPerSecond: 5 });
 */
export function limitRate(client: InteractionsClient, options: RateLimitOptions): () => void {
  const pace = resolvePace('rateLimit', options);
  return limiterOf(client).limit(pace);
}
