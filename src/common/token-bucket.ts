/**
 * The token bucket's arithmetic, as pure functions over a plain value: how many requests a bucket holds
 * at a time, how long until it holds one, and a pause (a `Retry-After`). It stands alone so that the
 * client's rate limiter (`http/rate-limit.ts`) and the reference API's rate limit (`testing/throttle.ts`)
 * share one definition of what a rate is, without the testing kit importing the client's machinery.
 */

/**
 * Tokens available at time `at` (ms). `at` may lie in the future: the bucket is paused until then
 * (a `Retry-After`), and gains nothing before it.
 */
export interface Bucket {
  tokens: number;
  at: number;
}

/** The bucket at `now`: refilled at `rate` tokens per second since `at`, up to `burst`. A pause is kept. */
export function refill(bucket: Bucket, now: number, rate: number, burst: number): Bucket {
  if (now <= bucket.at) return bucket;
  return { tokens: Math.min(burst, bucket.tokens + ((now - bucket.at) * rate) / 1000), at: now };
}

/** Milliseconds from `now` until a {@link refill}ed bucket holds a whole token (0: at once). */
export function waitMs(bucket: Bucket, now: number, rate: number): number {
  const pause = Math.max(0, bucket.at - now);
  return pause + (bucket.tokens >= 1 ? 0 : ((1 - bucket.tokens) * 1000) / rate);
}

/** Holds the bucket until `until` (a `Retry-After`): then one request may go, and the rest at the rate. */
export function pause(bucket: Bucket, until: number): Bucket {
  return until <= bucket.at ? bucket : { tokens: 1, at: until };
}
