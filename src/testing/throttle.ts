/**
 * The reference API's rate limit: a token bucket in requests per second over the whole API (as a
 * gateway in front of it would keep), answering 429 with a `Retry-After` in whole seconds. The vendor
 * documents no limit; this one exists so that a client's pacing can be tested against a real refusal.
 * The bucket arithmetic is the SDK's own (`token-bucket.ts`), so the two cannot disagree on what a rate is.
 */
import { type Bucket, refill, waitMs } from '../common/token-bucket.js';

/** A rate limit of the reference API. */
export interface ReferenceRateLimit {
  /** Requests admitted per second, on average. */
  requestsPerSecond: number;
  /** Requests admitted at once after a quiet spell. Default: one second's worth. */
  burst?: number;
}

/** Admits a request, or says how many whole seconds to wait (the `Retry-After`). */
export type Throttle = () => { admitted: true } | { admitted: false; retryAfterSeconds: number };

export function createThrottle(limit: ReferenceRateLimit, now: () => number = () => performance.now()): Throttle {
  const rate = limit.requestsPerSecond;
  if (!(rate > 0 && Number.isFinite(rate))) throw new RangeError(`requestsPerSecond must be > 0, got ${rate}`);
  const burst = limit.burst ?? Math.max(1, rate);
  if (!(burst >= 1)) throw new RangeError(`burst must be ≥ 1, got ${burst}`);
  let bucket: Bucket = { tokens: burst, at: now() };
  return () => {
    const t = now();
    bucket = refill(bucket, t, rate, burst);
    if (bucket.tokens >= 1) {
      bucket = { tokens: bucket.tokens - 1, at: bucket.at };
      return { admitted: true };
    }
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs(bucket, t, rate) / 1000)) };
  };
}
