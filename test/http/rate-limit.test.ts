import { describe, expect, it, vi } from 'vitest';
import { sharedOf } from '../../src/client/shared.js';
import { type Bucket, pause, refill, waitMs } from '../../src/common/token-bucket.js';
import {
  type Aimd,
  type AimdPolicy,
  aimdPolicy,
  createRateLimiter,
  type LimiterClock,
  onSuccess,
  onThrottled,
} from '../../src/http/rate-limit.js';
import { createInteractionsClient, InvalidInputError, limitRate } from '../../src/index.js';
import { CONTACT, json, page, recordingFetch, TENANT } from '../helpers.js';

describe('refill', () => {
  it.each<[string, Bucket, number, number, number, Bucket]>([
    ['adds rate × elapsed', { tokens: 0, at: 0 }, 500, 4, 10, { tokens: 2, at: 500 }],
    ['never beyond burst', { tokens: 1, at: 0 }, 10_000, 4, 3, { tokens: 3, at: 10_000 }],
    ['no time, no tokens', { tokens: 0.5, at: 100 }, 100, 4, 3, { tokens: 0.5, at: 100 }],
    ['a pause in the future is kept', { tokens: 0, at: 2_000 }, 1_000, 4, 3, { tokens: 0, at: 2_000 }],
    ['refills from the end of a pause', { tokens: 0, at: 2_000 }, 2_250, 4, 3, { tokens: 1, at: 2_250 }],
  ])('%s', (_name, bucket, now, rate, burst, expected) => {
    expect(refill(bucket, now, rate, burst)).toEqual(expected);
  });
});

describe('waitMs', () => {
  it.each<[string, Bucket, number, number, number]>([
    ['a whole token: at once', { tokens: 1, at: 0 }, 0, 4, 0],
    ['half a token at 4/s: 125 ms', { tokens: 0.5, at: 0 }, 0, 4, 125],
    ['empty at 10/s: 100 ms', { tokens: 0, at: 0 }, 0, 10, 100],
    ['paused: the pause, then the token', { tokens: 0, at: 1_000 }, 400, 10, 700],
    ['paused with a token: just the pause', { tokens: 1, at: 1_000 }, 400, 10, 600],
  ])('%s', (_name, bucket, now, rate, expected) => {
    expect(waitMs(bucket, now, rate)).toBeCloseTo(expected, 9);
  });
});

describe('pause', () => {
  it.each<[string, Bucket, number, Bucket]>([
    ['holds the bucket until then, one token kept', { tokens: 3, at: 0 }, 2_000, { tokens: 1, at: 2_000 }],
    ['from empty, one request may go at its end', { tokens: 0.25, at: 0 }, 2_000, { tokens: 1, at: 2_000 }],
    ['a shorter pause changes nothing', { tokens: 0, at: 5_000 }, 2_000, { tokens: 0, at: 5_000 }],
  ])('%s', (_name, bucket, until, expected) => {
    expect(pause(bucket, until)).toEqual(expected);
  });
});

describe('AIMD', () => {
  const policy: AimdPolicy = { max: 10, min: 1, decrease: 0.5, increasePerSecond: 2, holdMs: 1_000 };
  it.each<[string, Aimd, number, Aimd]>([
    ['a 429 halves the rate', { rate: 10, cutAt: -Infinity }, 5_000, { rate: 5, cutAt: 5_000 }],
    ['not below the floor', { rate: 1.5, cutAt: 0 }, 5_000, { rate: 1, cutAt: 5_000 }],
    ['within the hold: no second cut', { rate: 5, cutAt: 5_000 }, 5_999, { rate: 5, cutAt: 5_000 }],
    ['after the hold: cut again', { rate: 5, cutAt: 5_000 }, 6_000, { rate: 2.5, cutAt: 6_000 }],
  ])('onThrottled: %s', (_name, state, now, expected) => {
    expect(onThrottled(state, now, policy)).toEqual(expected);
  });

  it.each<[string, Aimd, Aimd]>([
    ['a success adds increasePerSecond / rate', { rate: 4, cutAt: 0 }, { rate: 4.5, cutAt: 0 }],
    ['up to the ceiling', { rate: 9.9, cutAt: 0 }, { rate: 10, cutAt: 0 }],
    ['at the ceiling it stays', { rate: 10, cutAt: 0 }, { rate: 10, cutAt: 0 }],
  ])('onSuccess: %s', (_name, state, expected) => {
    expect(onSuccess(state, policy)).toEqual(expected);
  });

  it('recovers from a cut slowly: about 6 s of successes at pace from 70 % back to the ceiling', () => {
    const p = aimdPolicy(50);
    let state: Aimd = onThrottled({ rate: 50, cutAt: -Infinity }, 0, p);
    expect(state.rate).toBeCloseTo(35);
    let seconds = 0;
    while (state.rate < 50) {
      // One second at the current pace: `rate` successes.
      for (let i = Math.round(state.rate); i > 0; i--) state = onSuccess(state, p);
      seconds += 1;
    }
    expect(seconds).toBeGreaterThanOrEqual(5);
    expect(seconds).toBeLessThanOrEqual(7);
  });
});

/** A clock whose timers fire only when the test advances it. */
function fakeClock(): LimiterClock & { advance(ms: number): Promise<void> } {
  let now = 0;
  let id = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    setTimeout(callback, ms) {
      timers.set(++id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > until) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].callback();
        await flush();
      }
      now = until;
      await flush();
    },
  };
}

function track(promise: Promise<void> | undefined, log: string[], name: string) {
  promise?.then(
    () => log.push(name),
    (e: unknown) => log.push(`${name}:${(e as Error).message}`),
  );
}

describe('createRateLimiter', () => {
  const signal = new AbortController().signal;

  it('without a limit, take costs nothing and waits for nothing', () => {
    const limiter = createRateLimiter(undefined, { maxPauseMs: 60_000, clock: fakeClock() });
    expect(limiter.take(signal)).toBeUndefined();
    expect(limiter.stats.rate).toBeUndefined();
  });

  it('paces at the rate after the burst, in order', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 10, burst: 2 }, { maxPauseMs: 60_000, clock });
    const log: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) track(limiter.take(signal), log, name);
    await clock.advance(0);
    expect(log).toEqual(['a', 'b']);
    await clock.advance(99);
    expect(log).toEqual(['a', 'b']);
    await clock.advance(1);
    expect(log).toEqual(['a', 'b', 'c']);
    await clock.advance(100);
    expect(log).toEqual(['a', 'b', 'c', 'd']);
  });

  it('an aborted waiter leaves the queue with its reason; the next one takes its turn', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 10, burst: 1 }, { maxPauseMs: 60_000, clock });
    const log: string[] = [];
    const controller = new AbortController();
    track(limiter.take(signal), log, 'a');
    track(limiter.take(controller.signal), log, 'b');
    track(limiter.take(signal), log, 'c');
    await clock.advance(0);
    controller.abort(new Error('gone'));
    await clock.advance(100);
    expect(log).toEqual(['a', 'b:gone', 'c']);
  });

  it('a 429 cuts the rate and its Retry-After pauses every waiter', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 10, burst: 1 }, { maxPauseMs: 60_000, clock });
    const log: string[] = [];
    track(limiter.take(signal), log, 'a');
    await clock.advance(0);
    limiter.observe({ status: 429, headers: new Headers({ 'retry-after': '2' }) });
    expect(limiter.stats).toMatchObject({ requests: 1, throttled: 1, rate: 7 });
    track(limiter.take(signal), log, 'b');
    await clock.advance(1_999);
    expect(log).toEqual(['a']);
    await clock.advance(1);
    expect(log).toEqual(['a', 'b']);
  });

  it('a Retry-After beyond maxPauseMs pauses only that long', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 10, burst: 1 }, { maxPauseMs: 500, clock });
    const log: string[] = [];
    limiter.observe({ status: 429, headers: new Headers({ 'retry-after': '3600' }) });
    track(limiter.take(signal), log, 'a');
    await clock.advance(499);
    expect(log).toEqual([]);
    await clock.advance(1);
    expect(log).toEqual(['a']);
  });

  it('successes win the rate back, up to the ceiling; other statuses and network errors only count', () => {
    const limiter = createRateLimiter({ requestsPerSecond: 10, burst: 1 }, { maxPauseMs: 60_000, clock: fakeClock() });
    limiter.observe({ status: 429 });
    expect(limiter.stats.rate).toBe(7);
    limiter.observe({ status: 500 });
    limiter.observe({});
    expect(limiter.stats.rate).toBe(7);
    for (let i = 0; i < 200; i++) limiter.observe({ status: 200 });
    expect(limiter.stats).toMatchObject({ requests: 203, throttled: 1, rate: 10 });
  });

  it('the lowest limit in force applies; releasing it restores the others, or no limit at all', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(undefined, { maxPauseMs: 60_000, clock });
    const releaseSlow = limiter.limit({ requestsPerSecond: 2, burst: 1 });
    const releaseFast = limiter.limit({ requestsPerSecond: 20, burst: 1 });
    expect(limiter.stats.rate).toBe(2);
    const log: string[] = [];
    track(limiter.take(signal), log, 'a');
    track(limiter.take(signal), log, 'b');
    await clock.advance(0);
    expect(log).toEqual(['a']);
    releaseSlow();
    expect(limiter.stats.rate).toBe(2); // the adaptive rate climbs back; it does not jump
    releaseFast();
    await clock.advance(0);
    expect(log).toEqual(['a', 'b']);
    expect(limiter.take(signal)).toBeUndefined();
  });
});

describe('the client-wide limiter', () => {
  it('a client carries no limiter until a limit is set; every attempt is then counted and paced', async () => {
    const { fetch, requests } = recordingFetch((_req, n) =>
      n === 2 ? json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': '0' } }) : json(page([])),
    );
    const client = createInteractionsClient({ auth: { token: 't' }, baseUrl: 'http://127.0.0.1:1/v1', fetch });
    await client.listInteractions({ tenantId: TENANT, contactId: CONTACT });
    expect(sharedOf(client)?.limiter).toBeUndefined();
    const release = limitRate(client, { requestsPerSecond: 1000 });
    await client.listInteractions({ tenantId: TENANT, contactId: CONTACT });
    expect(requests).toHaveLength(3);
    const stats = sharedOf(client)!.limiter!.stats;
    expect(stats).toMatchObject({ requests: 2, throttled: 1 });
    expect(stats.rate).toBeCloseTo(700 + 50 / 700, 6); // cut by 30 %, then one success's worth back
    release();
    expect(stats.rate).toBeUndefined();
  });

  it('waiting for the bucket does not count toward timeoutMs: a wait longer than it does not time the attempt out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    try {
      const sentAt: number[] = [];
      const fetch = (async () => {
        sentAt.push(Date.now());
        return json(page([]));
      }) as typeof globalThis.fetch;
      const client = createInteractionsClient({
        auth: { token: 't' },
        baseUrl: 'http://127.0.0.1:1/v1',
        fetch,
        timeoutMs: 100,
        maxRetries: 0,
      });
      limitRate(client, { requestsPerSecond: 1, burst: 1 });
      const params = { tenantId: TENANT, contactId: CONTACT };
      await client.listInteractions(params);
      const second = client.listInteractions(params).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1000);
      expect(await second).toMatchObject({ total: 0 });
      expect(sentAt).toHaveLength(2);
      expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(1000);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each<[string, unknown]>([
    ['a rate of 0', { requestsPerSecond: 0 }],
    ['a rate that is not a number', { requestsPerSecond: '5' }],
    ['an infinite rate', { requestsPerSecond: Infinity }],
    ['a fractional burst', { requestsPerSecond: 5, burst: 1.5 }],
    ['not an object', 5],
  ])('limitRate refuses %s', (_name, options) => {
    const client = createInteractionsClient({ auth: { token: 't' } });
    expect(() => limitRate(client, options as { requestsPerSecond: number })).toThrow(InvalidInputError);
  });

  it('limitRate refuses an object that is not a client of this SDK', () => {
    expect(() => limitRate({} as never, { requestsPerSecond: 1 })).toThrow(
      expect.objectContaining({ name: 'InvalidInputError', param: 'client' }),
    );
  });
});
