/**
 * Pacing a client's requests: a token bucket in requests per second that every attempt of the client
 * (and of the clients derived from it) draws from, made adaptive by AIMD: a 429 cuts the rate, each
 * success wins a little of it back, and a `Retry-After` pauses the whole bucket. The vendor documents no
 * rate limit, so one polite bucket per client is what keeps many contacts' walks from tripping one.
 * The policy is pure functions (the bucket's in `token-bucket.ts`, {@link onThrottled}, {@link onSuccess});
 * {@link createRateLimiter} is the small stateful shell around them, with its clock injected. A client
 * carries only an empty slot for it (see `client/shared.ts`): the limiter is created the first time a
 * limit is set (`limitRate`, an export: `client/limit-rate.ts`), so bundles that never limit do not
 * carry this module.
 */
import { type Bucket, pause, refill, waitMs } from '../common/token-bucket.js';
import { InvalidInputError } from '../errors.js';
import { parseRetryAfter } from './retry-policy.js';
import type { RateLimitOptions } from './types.js';

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

/** One client's limiter (created by {@link createRateLimiter}). */
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

/** The adaptive rate, and when it was last cut. */
export interface Aimd {
  rate: number;
  cutAt: number;
}

/** How the rate adapts. */
export interface AimdPolicy {
  /** The ceiling: the configured rate. */
  max: number;
  /** The floor. */
  min: number;
  /** A 429 multiplies the rate by this. */
  decrease: number;
  /** Successes add this much rate per second of requests at the current pace (additive increase). */
  increasePerSecond: number;
  /** Throttles within this long of the last cut cut nothing: they answer requests sent before it. */
  holdMs: number;
}

/** The default policy for a ceiling of `max` requests per second: cut by 30 %, win it back in about 6 s. */
export function aimdPolicy(max: number): AimdPolicy {
  return { max, min: max / 16, decrease: 0.7, increasePerSecond: max / 20, holdMs: 1000 };
}

/** After a 429: multiplicative decrease, at most once per `holdMs`. */
export function onThrottled(state: Aimd, now: number, policy: AimdPolicy): Aimd {
  if (now - state.cutAt < policy.holdMs) return state;
  return { rate: Math.max(policy.min, state.rate * policy.decrease), cutAt: now };
}

/**
 * After a success: additive increase. Each success adds `increasePerSecond / rate`, so at full pace
 * (`rate` successes a second) the rate grows by `increasePerSecond` each second, up to `max`.
 */
export function onSuccess(state: Aimd, policy: AimdPolicy): Aimd {
  if (state.rate >= policy.max) return state.rate === policy.max ? state : { ...state, rate: policy.max };
  return { ...state, rate: Math.min(policy.max, state.rate + policy.increasePerSecond / state.rate) };
}

/** The timer functions the limiter uses; injected in tests so that no test sleeps. */
export interface LimiterClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: LimiterClock = {
  now: () => performance.timeOrigin + performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
}

/**
 * Creates a limiter, limited by `pace` if given (more limits can be added with `limit`). A pause asked by
 * `Retry-After` is capped at `maxPauseMs`.
 */
export function createRateLimiter(
  pace: Pace | undefined,
  options: { maxPauseMs: number; clock?: LimiterClock },
): RateLimiter {
  const clock = options.clock ?? realClock;
  const limits = new Set<Pace>();
  if (pace) limits.add(pace);
  let bucket: Bucket = { tokens: 0, at: -Infinity };
  let aimd: Aimd | undefined;
  let policy: AimdPolicy | undefined;
  let burst = 1;
  const queue: Waiter[] = [];
  let timer: unknown;
  const stats: LimiterStats = { requests: 0, throttled: 0, rate: undefined };

  // The lowest limit in force, with the adaptive rate kept under its ceiling.
  const configure = () => {
    const paces = [...limits];
    if (paces.length === 0) {
      aimd = undefined;
      policy = undefined;
      stats.rate = undefined;
      return;
    }
    const max = Math.min(...paces.map((p) => p.requestsPerSecond));
    burst = Math.min(...paces.map((p) => p.burst));
    policy = aimdPolicy(max);
    aimd = { rate: Math.min(aimd?.rate ?? max, max), cutAt: aimd?.cutAt ?? -Infinity };
    if (bucket.at === -Infinity) bucket = { tokens: burst, at: clock.now() };
    stats.rate = aimd.rate;
  };

  const pump = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    while (queue.length > 0) {
      if (!aimd) {
        for (const waiter of queue.splice(0)) grant(waiter);
        return;
      }
      const now = clock.now();
      bucket = refill(bucket, now, aimd.rate, burst);
      const wait = waitMs(bucket, now, aimd.rate);
      if (wait > 0) {
        timer = clock.setTimeout(pump, Math.ceil(wait));
        return;
      }
      bucket = { tokens: bucket.tokens - 1, at: bucket.at };
      grant(queue.shift()!);
    }
  };

  const grant = (waiter: Waiter) => {
    waiter.signal.removeEventListener('abort', waiter.onAbort);
    waiter.resolve();
  };

  configure();
  return {
    stats,
    take(signal) {
      if (!aimd) return undefined;
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            const i = queue.indexOf(waiter);
            if (i >= 0) queue.splice(i, 1);
            reject(signal.reason);
          },
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
        if (queue.length === 1) pump();
      });
    },
    observe({ status, headers }) {
      stats.requests += 1;
      if (status === 429) stats.throttled += 1;
      if (!aimd || !policy || status === undefined) return;
      const now = clock.now();
      if (status === 429) {
        aimd = onThrottled(aimd, now, policy);
        const after = headers?.get('retry-after');
        const ms = after == null ? undefined : parseRetryAfter(after, Date.now());
        if (ms !== undefined)
          bucket = pause(refill(bucket, now, aimd.rate, burst), now + Math.min(ms, options.maxPauseMs));
        pump();
      } else if (status >= 200 && status < 300) {
        aimd = onSuccess(aimd, policy);
      }
      stats.rate = aimd.rate;
    },
    limit(added) {
      const entry = { ...added };
      limits.add(entry);
      configure();
      pump();
      return () => {
        if (!limits.delete(entry)) return;
        configure();
        pump();
      };
    },
  };
}

/** Most requests per second a limit may allow: beyond it, timers cannot pace (and nobody needs it). */
const MAX_RATE = 10_000;

/**
 * Checks a rate limit and applies its default burst (a quarter of a second's worth, at least 1), so a
 * late timer can be caught up without letting a burst through. Throws {@link InvalidInputError}.
 */
export function resolvePace(param: string, value: RateLimitOptions): Pace {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidInputError(param, value, 'must be { requestsPerSecond, burst? }');
  }
  const { requestsPerSecond: rate, burst } = value;
  if (typeof rate !== 'number' || !(rate > 0 && rate <= MAX_RATE)) {
    throw new InvalidInputError(`${param}.requestsPerSecond`, rate, `must be a number in (0, ${MAX_RATE}]`);
  }
  if (burst !== undefined && (!Number.isSafeInteger(burst) || burst < 1)) {
    throw new InvalidInputError(`${param}.burst`, burst, 'must be an integer ≥ 1');
  }
  return { requestsPerSecond: rate, burst: burst ?? Math.max(1, Math.ceil(rate / 4)) };
}
