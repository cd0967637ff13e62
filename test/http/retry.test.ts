import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRedaction } from '../../src/auth/redaction.js';
import { AbortedError, TimeoutError } from '../../src/errors.js';
import { BodyHandoff } from '../../src/http/body-handoff.js';
import { ConnectionError } from '../../src/http/failures.js';
import { createRetryingFetch } from '../../src/http/retry.js';
import { isRetryableError, parseRetryAfter, type RetryDelayInput, retryDelay } from '../../src/http/retry-policy.js';
import { hangingFetch, SENTINEL } from '../helpers.js';

const NOW = Date.parse('2025-01-01T00:00:00.000Z');
const base = { now: NOW, random: () => 0.5, maxRetryAfterMs: 60_000 } satisfies Partial<RetryDelayInput>;

describe('retryDelay', () => {
  it.each<[string, Partial<RetryDelayInput>, number | null]>([
    ['first retry: half of base (full jitter)', { attempt: 1, status: 503 }, 250],
    ['second retry doubles', { attempt: 2, status: 503 }, 500],
    ['third retry doubles again', { attempt: 3, status: 500 }, 1000],
    ['capped at capMs', { attempt: 10, status: 502, random: () => 0.999 }, 7992],
    ['random 0 may retry at once', { attempt: 1, status: 504, random: () => 0 }, 0],
    ['network error (no status) backs off', { attempt: 1 }, 250],
    ['408 is retried', { attempt: 1, status: 408 }, 250],
    ['429 without Retry-After backs off', { attempt: 1, status: 429 }, 250],
    ['custom base and cap', { attempt: 4, status: 503, baseMs: 100, capMs: 300 }, 150],
    ['400 is not retried', { attempt: 1, status: 400 }, null],
    ['401 is not retried', { attempt: 1, status: 401 }, null],
    ['403 is not retried', { attempt: 1, status: 403 }, null],
    ['404 is not retried', { attempt: 1, status: 404 }, null],
    ['200 is not retried', { attempt: 1, status: 200 }, null],
    ['501 is not retried', { attempt: 1, status: 501 }, null],
    ['Retry-After seconds honoured', { attempt: 1, status: 429, retryAfter: '7' }, 7000],
    ['Retry-After 0', { attempt: 1, status: 503, retryAfter: '0' }, 0],
    [
      'Retry-After HTTP-date honoured',
      { attempt: 1, status: 503, retryAfter: new Date(NOW + 3000).toUTCString() },
      3000,
    ],
    [
      'Retry-After in the past means now',
      { attempt: 1, status: 429, retryAfter: new Date(NOW - 60_000).toUTCString() },
      0,
    ],
    ['garbage Retry-After falls back to backoff', { attempt: 2, status: 429, retryAfter: 'soon' }, 500],
    ['Retry-After beyond maxRetryAfterMs: give up', { attempt: 1, status: 429, retryAfter: '61' }, null],
    ['Retry-After exactly at the cap is honoured', { attempt: 1, status: 429, retryAfter: '60' }, 60_000],
    ['Retry-After ignored on a non-retryable status', { attempt: 1, status: 400, retryAfter: '1' }, null],
    ['within maxRetries', { attempt: 3, status: 503, maxRetries: 3 }, 1000],
    ['past maxRetries', { attempt: 4, status: 503, maxRetries: 3 }, null],
    ['maxRetries 0', { attempt: 1, status: 503, maxRetries: 0 }, null],
  ])('%s', (_name, input, expected) => {
    expect(retryDelay({ ...base, attempt: 1, ...input })).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string, number | undefined]>([
    ['5', 5000],
    [' 5 ', 5000],
    ['0', 0],
    ['1.5', 1500],
    ['86400', 86_400_000],
    [new Date(NOW + 10_000).toUTCString(), 10_000],
    ['Wednesday, 01-Jan-25 00:00:30 GMT', 30_000], // RFC 850 form
    [new Date(NOW - 1).toUTCString(), 0],
    ['Thu, 01 Jan 1970 00:00:00 GMT', 0],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['1e3', undefined],
    ['Wed, 99 Foo 2015 07:28:00 GMT', undefined],
    ['2025-01-01T00:00:10Z', undefined], // not an HTTP-date
  ])('%j → %s', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('isRetryableError', () => {
  const coded = (code: string) => Object.assign(new Error(code), { code });
  it.each<[string, unknown, boolean]>([
    ['fetch failed (TypeError)', new TypeError('fetch failed'), true],
    ['undici reset mid-body', new TypeError('terminated', { cause: coded('UND_ERR_SOCKET') }), true],
    ['a browser network failure', new TypeError('Failed to fetch'), true],
    [
      'a TypeError whose cause has a retryable code',
      new TypeError('socket hang up', { cause: coded('ECONNRESET') }),
      true,
    ],
    ['a TypeError from a bug', new TypeError("Cannot read properties of undefined (reading 'text')"), false],
    [
      'a TypeError from a bug, with an unrelated cause',
      new TypeError('x is not a function', { cause: new Error('y') }),
      false,
    ],
    ['ECONNRESET', coded('ECONNRESET'), true],
    ['code on the cause', new Error('wrapped', { cause: coded('UND_ERR_SOCKET') }), true],
    ['attempt timeout', new TimeoutError('attempt', 10), true],
    ['deadline', new TimeoutError('deadline', 10), false],
    ['an AbortError', new DOMException('x', 'AbortError'), false],
    ['a plain Error', new Error('boom'), false],
    ['ENOTFOUND alone', coded('ENOTFOUND'), false],
    ['a string', 'nope', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isRetryableError(error)).toBe(expected);
  });
});

describe('createRetryingFetch', () => {
  // The loop loads the redactor on a call's first failed attempt (a dynamic import): loaded once here,
  // so that what a test waits for is its fake timers alone, never a module still on its way from disk.
  beforeAll(async () => {
    await createRedaction([]).redactor();
  });
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const request = (init?: RequestInit) =>
    new Request('https://api.example.test/v1/x', { headers: { Authorization: `Token ${SENTINEL}` }, ...init });

  function setup(
    statuses: Array<number | Error | (() => Response)>,
    options: Partial<Parameters<typeof createRetryingFetch>[0]> = {},
  ) {
    const calls: Array<{
      at: number;
      request: Request;
      signal: AbortSignal;
      redirect: RequestRedirect;
      body: string | null;
    }> = [];
    const bodies = new BodyHandoff();
    const debug = vi.fn();
    const retrying = createRetryingFetch({
      fetch: async (r, init) => {
        calls.push({
          at: Date.now(),
          request: r,
          signal: init.signal,
          redirect: init.redirect,
          body: r.body ? await r.text() : null,
        });
        const next = statuses[Math.min(calls.length, statuses.length) - 1]!;
        if (next instanceof Error) throw next;
        if (typeof next === 'function') return next();
        return new Response(`{"n":${calls.length}}`, { status: next });
      },
      timeoutMs: 30_000,
      deadlineMs: 120_000,
      maxRetries: 3,
      maxRetryAfterMs: 60_000,
      redaction: createRedaction([SENTINEL]),
      bodies,
      logger: { debug, warn: vi.fn() },
      random: () => 0.5,
      ...options,
    });
    return { retrying, calls, debug, bodies };
  }

  /**
   * The loop over a `hangingFetch` (every attempt hangs until its signal aborts), with no retries, no
   * `Retry-After` and the default limits unless `options` say otherwise: the timing tests' one factory.
   */
  function overHanging(
    hang: ReturnType<typeof hangingFetch>,
    options: Partial<Parameters<typeof createRetryingFetch>[0]> = {},
  ) {
    return createRetryingFetch({
      fetch: hang.fetch,
      timeoutMs: 30_000,
      deadlineMs: 120_000,
      maxRetries: 0,
      maxRetryAfterMs: 0,
      redaction: createRedaction([]),
      bodies: new BodyHandoff(),
      ...options,
    });
  }

  async function settle<T>(promise: Promise<T>): Promise<T> {
    const caught = promise.catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const result = await caught;
    if (result instanceof Error || result instanceof DOMException) throw result;
    return result as T;
  }

  /** A Response as undici builds it from the wire, with a status line `new Response` itself would refuse. */
  const wire = (status: number, statusText: string) => () => {
    const response = new Response('{"error":"x"}', { status: 500 });
    Object.defineProperties(response, { status: { value: status }, statusText: { value: statusText } });
    return response;
  };

  it.each([
    ['a control character', 503, 'Busy\x01', 'Busy?'],
    ['ESC and an OSC title', 503, '\x1b]0;pwned\x07Busy', '?]0;pwned?Busy'],
    ['beyond Latin-1', 503, 'Занято ☃', '?????? ?'],
    ['empty', 503, '', ''],
    ['very long', 503, 'x'.repeat(20_000), `${'x'.repeat(200)}...`],
  ])('an odd reason phrase (%s) keeps its status: 503 is retried', async (_name, status, text, shown) => {
    const { retrying, calls } = setup([wire(status, text), wire(status, text)], { maxRetries: 1 });
    const response = await settle(retrying(request()));
    expect(calls).toHaveLength(2);
    expect(response.status).toBe(503);
    expect(response.statusText).toBe(shown);
    expect(await response.text()).toBe('{"error":"x"}');
  });

  it.each([404, 999, 600, 103])(
    'a status of %i (or one Response would refuse) is kept, not retried',
    async (status) => {
      const { retrying, calls } = setup([wire(status, 'Odd\x00')]);
      const response = await settle(retrying(request()));
      expect(calls).toHaveLength(1);
      expect(response.status).toBe(status);
      expect(response.ok).toBe(false);
      expect(response.statusText).toBe('Odd?');
    },
  );

  it.each([408, 429, 500, 502, 503, 504])('retries %i, then returns the success', async (status) => {
    const { retrying, calls, bodies } = setup([status, 200]);
    const response = await settle(retrying(request()));
    expect(response.status).toBe(200);
    // Read inside the attempt: the text is handed on, the body itself is used up.
    expect(bodies.take(response)).toBe('{"n":2}');
    expect(bodies.take(response)).toBeUndefined(); // handed over once, then forgotten
    expect(response.bodyUsed).toBe(true);
    expect(calls).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([400, 401, 403, 404])('does not retry %i', async (status) => {
    const { retrying, calls, bodies } = setup([status, 200]);
    const response = await settle(retrying(request()));
    expect(response.status).toBe(status);
    // Not a 2xx: buffered, and still readable by error-body.ts's apiErrorOf (which parses it with the SDK's reader).
    expect(await response.text()).toBe('{"n":1}');
    expect(bodies.take(response)).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('backs off exponentially with jitter, and respects maxRetries', async () => {
    const { retrying, calls } = setup([503]);
    const response = await settle(retrying(request()));
    expect(response.status).toBe(503);
    expect(calls.map((c) => c.at - NOW)).toEqual([0, 250, 750, 1750]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('maxRetries: 0 makes one attempt', async () => {
    const { retrying, calls } = setup([503], { maxRetries: 0 });
    expect((await settle(retrying(request()))).status).toBe(503);
    expect(calls).toHaveLength(1);
  });

  it('honours Retry-After to the millisecond', async () => {
    const { retrying, calls } = setup([() => new Response('', { status: 429, headers: { 'Retry-After': '5' } }), 200]);
    const promise = retrying(request());
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect((await promise).status).toBe(200);
  });

  it('gives up at once when Retry-After exceeds maxRetryAfterMs', async () => {
    const { retrying, calls } = setup([
      () => new Response('', { status: 429, headers: { 'Retry-After': '3600' } }),
      200,
    ]);
    expect((await settle(retrying(request()))).status).toBe(429);
    expect(calls).toHaveLength(1);
  });

  it('makes each attempt a fresh request: same URL and headers, its own signal', async () => {
    const { retrying, calls } = setup([500, 502, 200]);
    const original = request();
    await settle(retrying(original));
    expect(calls).toHaveLength(3);
    expect(new Set([original.signal, ...calls.map((c) => c.signal)]).size).toBe(4);
    for (const { request: r } of calls) {
      expect(r.url).toBe(original.url);
      expect(r.headers.get('authorization')).toBe(`Token ${SENTINEL}`);
    }
  });

  it('sends a request body in full on every attempt', async () => {
    const { retrying, calls } = setup([503, 503, 200]);
    await settle(retrying(request({ method: 'POST', body: '{"q":1}' })));
    expect(calls.map((c) => c.body)).toEqual(['{"q":1}', '{"q":1}', '{"q":1}']);
  });

  it('retries network errors, then throws ConnectionError with a cause', async () => {
    const { retrying, calls } = setup([
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      }),
    ]);
    const error = await settle(retrying(request())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/after 4 attempts.*ECONNREFUSED/);
    expect((error as Error).cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect(calls).toHaveLength(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['a TypeError', new TypeError('fetchImpl is not a function')],
    ['a RangeError', new RangeError('Invalid array length')],
  ])('a programming error (%s) in the injected fetch surfaces as itself, not retried', async (_name, bug) => {
    const { retrying, calls } = setup([bug, 200]);
    await expect(settle(retrying(request()))).rejects.toBe(bug);
    expect(calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an injected fetch resolving to something that is not a Response: the TypeError surfaces, not retried', async () => {
    const { retrying, calls } = setup([() => undefined as unknown as Response, 200]);
    await expect(settle(retrying(request()))).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(1);
  });

  it('asks fetch not to follow redirects on every attempt; a 3xx comes back as is, readable, not retried', async () => {
    const { retrying, calls } = setup([
      503,
      () => new Response('moved', { status: 301, headers: { location: 'http://x.test/' } }),
    ]);
    const response = await settle(retrying(request()));
    expect(calls.map((c) => c.redirect)).toEqual(['manual', 'manual']);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('http://x.test/');
    expect(await response.text()).toBe('moved');
  });

  it('a 304 (which may not have a body) comes back as a readable, empty Response', async () => {
    const { retrying, calls } = setup([() => new Response(null, { status: 304, headers: { etag: '"v1"' } })]);
    const response = await settle(retrying(request()));
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe('"v1"');
    expect(await response.text()).toBe('');
    expect(calls).toHaveLength(1);
  });

  it('does not retry an unknown error', async () => {
    const { retrying, calls } = setup([new Error('boom')]);
    await expect(settle(retrying(request()))).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toHaveLength(1);
  });

  it('logs each retry at debug level, without headers', async () => {
    const { retrying, debug } = setup([503, new TypeError('fetch failed'), 200]);
    await settle(retrying(request()));
    expect(debug).toHaveBeenCalledTimes(2);
    expect(debug.mock.calls[0]![1]).toMatchObject({ attempt: 1, delayMs: 250, status: 503, method: 'GET' });
    expect(debug.mock.calls[1]![1]).toMatchObject({ attempt: 2, delayMs: 500, error: 'fetch failed' });
    expect(JSON.stringify(debug.mock.calls)).not.toMatch(/authorization|Token|S3NT1NEL/i);
  });

  it('times out each attempt, retries, then throws TimeoutError (attempt)', async () => {
    const hang = hangingFetch();
    const retrying = overHanging(hang, { timeoutMs: 1000, deadlineMs: 60_000, maxRetries: 2, random: () => 0.5 });
    const error = await settle(retrying(request())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ scope: 'attempt', timeoutMs: 1000 });
    expect(hang.requests).toHaveLength(3);
    expect(hang.requests.every((r) => r.signal.aborted)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops at the overall deadline with TimeoutError (deadline)', async () => {
    const hang = hangingFetch();
    const retrying = overHanging(hang, { timeoutMs: 10_000, deadlineMs: 3000, maxRetries: 5, random: () => 0.5 });
    const promise = retrying(request()).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2999);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(1);
    const error = await promise;
    expect(error).toMatchObject({ name: 'TimeoutError', scope: 'deadline', timeoutMs: 3000 });
    expect((error as Error).message).toContain('3000 ms');
    expect(hang.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a deadline falling inside a later attempt cuts that attempt short (one timer per attempt)', async () => {
    const hang = hangingFetch();
    const retrying = overHanging(hang, { timeoutMs: 2000, deadlineMs: 3000, maxRetries: 5, random: () => 0 });
    const promise = retrying(request()).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2001); // the first attempt times out; its backoff (random 0) ends
    expect(hang.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(998);
    expect(hang.requests[1]!.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await promise).toMatchObject({ name: 'TimeoutError', scope: 'deadline', timeoutMs: 3000 });
    expect(hang.requests).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not start a backoff the deadline would cut short: returns the last response', async () => {
    const { retrying, calls } = setup([() => new Response('', { status: 503, headers: { 'Retry-After': '10' } })], {
      deadlineMs: 5000,
    });
    expect((await settle(retrying(request()))).status).toBe(503);
    expect(calls).toHaveLength(1);
  });

  it('never retries a caller abort: rejects with AbortedError, the signal reason as its cause', async () => {
    const hang = hangingFetch();
    const retrying = overHanging(hang, { timeoutMs: 1000, deadlineMs: 60_000, maxRetries: 3 });
    const controller = new AbortController();
    const promise = retrying(request({ signal: controller.signal })).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    const reason = new Error('user cancelled');
    controller.abort(reason);
    const error = await promise;
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as AbortedError).cause).toBe(reason);
    expect(hang.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a caller abort during backoff stops the retries', async () => {
    const { retrying, calls } = setup([503]);
    const controller = new AbortController();
    const promise = retrying(request({ signal: controller.signal })).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100); // inside the first 250 ms backoff
    controller.abort();
    const error = await promise;
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ cause: { name: 'AbortError' } });
    expect(calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  describe('per-attempt hooks', () => {
    it('before runs for every attempt, on the call’s Request, so what it sets is on every attempt (a body cloned after it)', async () => {
      let n = 0;
      const seen: Request[] = [];
      const { retrying, calls } = setup([503, 200], {
        hooks: {
          before: (r) => {
            seen.push(r);
            r.headers.set('authorization', `Token attempt-${++n}`);
          },
        },
      });
      const original = request({ method: 'POST', body: '{"q":1}' });
      await settle(retrying(original));
      expect(seen).toEqual([original, original]);
      expect(calls.map((c) => [c.request.headers.get('authorization'), c.body])).toEqual([
        ['Token attempt-1', '{"q":1}'],
        ['Token attempt-2', '{"q":1}'],
      ]);
      expect(original.headers.get('authorization')).toBe('Token attempt-2');
    });

    it('an error from before ends the call as it is: not retried, not wrapped', async () => {
      const refused = new RangeError('no credentials');
      class Typed extends Error {}
      for (const error of [refused, new Typed('typed'), new TypeError('fetch failed')]) {
        const { retrying, calls } = setup([200], { hooks: { before: () => Promise.reject(error) } });
        await expect(settle(retrying(request()))).rejects.toBe(error);
        expect(calls).toHaveLength(0);
      }
    });

    it('a wait in before does not count toward timeoutMs: the attempt’s timer starts when it is over', async () => {
      const { retrying, calls } = setup([200], {
        timeoutMs: 1000,
        hooks: { before: () => new Promise<void>((resolve) => setTimeout(resolve, 5000)) },
      });
      expect((await settle(retrying(request()))).status).toBe(200);
      expect(calls.map((c) => c.at - NOW)).toEqual([5000]);

      const hang = hangingFetch();
      const loop = overHanging(hang, {
        timeoutMs: 1000,
        hooks: { before: () => new Promise<void>((resolve) => setTimeout(resolve, 900)) },
      });
      const started = Date.now();
      const error = await settle(loop(request())).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TimeoutError', scope: 'attempt', timeoutMs: 1000 });
      expect(Date.now() - started).toBe(1900);
    });

    it('a wait in before is bounded by the deadline (not retried) and by the caller’s signal', async () => {
      let waits = 0;
      const forever = () => {
        waits++;
        return new Promise<void>(() => {});
      };
      const { retrying, calls } = setup([200], { timeoutMs: 1000, deadlineMs: 3000, hooks: { before: forever } });
      const started = Date.now();
      const error = await settle(retrying(request())).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TimeoutError', scope: 'deadline', timeoutMs: 3000 });
      expect([Date.now() - started, waits, calls.length]).toEqual([3000, 1, 0]);

      const controller = new AbortController();
      const reason = new Error('stop waiting');
      const aborted = retrying(request({ signal: controller.signal })).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(500);
      controller.abort(reason);
      expect(await aborted).toMatchObject({ name: 'AbortedError', cause: reason });
      expect(calls).toHaveLength(0);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('the signal before gets aborts with the deadline, so an abortable wait lets go', async () => {
      let seen: AbortSignal | undefined;
      const { retrying } = setup([200], {
        deadlineMs: 2000,
        hooks: {
          before: (_r, signal) => {
            seen = signal;
            return new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
          },
        },
      });
      const error = await settle(retrying(request())).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TimeoutError', scope: 'deadline' });
      expect(seen?.aborted).toBe(true);
    });

    it('after sees each attempt’s status and headers, or none for a network error', async () => {
      const outcomes: unknown[] = [];
      const { retrying } = setup([503, new TypeError('fetch failed'), 200], {
        hooks: { after: (o) => outcomes.push(o.status ?? 'none') },
      });
      await settle(retrying(request()));
      expect(outcomes).toEqual([503, 'none', 200]);
    });
  });

  describe('per-call limits', () => {
    it('override the loop’s own for one call', async () => {
      const { retrying, calls } = setup([503], { maxRetries: 3 });
      expect((await settle(retrying(request(), { maxRetries: 1 }))).status).toBe(503);
      expect(calls).toHaveLength(2);
      const hang = hangingFetch();
      const loop = overHanging(hang);
      const error = await settle(loop(request(), { timeoutMs: 50 })).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TimeoutError', scope: 'attempt', timeoutMs: 50 });
    });

    it('startedAt keeps one deadline across two trips round the loop', async () => {
      const hang = hangingFetch();
      const loop = overHanging(hang, { deadlineMs: 3000 });
      const promise = loop(request(), { startedAt: Date.now() - 2000 }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1000);
      expect(await promise).toMatchObject({ name: 'TimeoutError', scope: 'deadline', timeoutMs: 3000 });
    });
  });

  it('an already-aborted signal sends nothing', async () => {
    const { retrying, calls } = setup([200]);
    const controller = new AbortController();
    controller.abort();
    await expect(retrying(request({ signal: controller.signal }))).rejects.toMatchObject({
      name: 'AbortedError',
      cause: controller.signal.reason,
    });
    expect(calls).toHaveLength(0);
  });
});
