/**
 * The request loop: every attempt of every call goes through {@link createRetryingFetch}, which owns
 * retries, backoff with jitter, `Retry-After`, the per-attempt timeout and the overall deadline, and
 * reads each body inside its attempt. What a failed attempt leads to (the policy: when to retry, how
 * long to wait; the answer or the error the call ends with; the retry's notice and wait) is
 * `retry-policy.ts`, loaded on the first failed attempt, with the redactor (what a failure shows is
 * redacted): a call that succeeds at once needs neither, so a browser bundle downloads them only then.
 */

import type { Redaction } from '../auth/redaction.js';
import { lazy } from '../common/lazy.js';
import { TimeoutError } from '../errors.js';
import type { BodyHandoff } from './body-handoff.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readBody } from './read-body.js';
import type { Scope } from './scope.js';
import { abortedError, abortRace, linkSignal } from './signals.js';
import type { Logger } from './types.js';

/** The policy module, loaded once per process on the first failed attempt (a failed load is tried again). */
const policy = lazy(() => import('./retry-policy.js'));

/** The limits of one call. The loop's options give the defaults; a call may bring its own. */
export interface CallLimits {
  timeoutMs: number;
  deadlineMs: number;
  maxRetries: number;
  /**
   * When the call began (the loop's clock), if before this invocation: a call that goes round the loop
   * twice (a retry after a token refresh) keeps one deadline. Default: now.
   */
  startedAt?: number;
  /**
   * The caller's signal. When the key is absent, the Request's own signal is the caller's. A client passes
   * it here (and none to the Request): the loop links each attempt to it for as long as the attempt runs,
   * so the caller's long-lived signal never carries a listener that outlives a call.
   */
  signal?: AbortSignal | undefined;
  /** The walk or contact sync the call belongs to, for whoever observes it (`observe.ts`); the loop ignores it. */
  parent?: Scope | undefined;
}

/** The loop: one call, every attempt of it. */
export type RetryingFetch = (input: Request, call?: Partial<CallLimits>) => Promise<Response>;

/** Settings of {@link createRetryingFetch}. */
export interface RetryingFetchOptions {
  /**
   * Called once per attempt, with the attempt's own signal in `init` (as `fetch(input, init)` takes it),
   * and `redirect: 'manual'`: a redirect is never followed, so it cannot lead to another host or to http.
   */
  fetch: (input: Request, init: { signal: AbortSignal; redirect: 'manual' }) => Promise<Response>;
  timeoutMs: number;
  deadlineMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  /** The most bytes of a body (2xx or error) read, after decompression: see `readBody`. Default 8 MiB. */
  maxResponseBytes?: number;
  /** What a failure's error and the retry notices are redacted with (loaded with the policy). */
  redaction: Redaction;
  /** Where 2xx bodies read by an attempt are handed to the caller. */
  bodies: BodyHandoff;
  /** Extension points around each attempt (credentials, rate limiting). */
  hooks?: AttemptHooks | undefined;
  logger?: Logger | undefined;
  random?: () => number;
  now?: () => number;
}

/**
 * Extension points of the request loop, each called once per attempt, so that what they decide is
 * decided again on a retry (a refreshed credential, a rate that has changed).
 */
export interface AttemptHooks {
  /**
   * Before the attempt is sent (after any backoff), and before its timer starts: set headers on
   * `request` (the call's own Request, so the last attempt's headers stay readable on it), or wait (a
   * rate limiter, a token exchange). A wait does not count toward `timeoutMs`: `signal` aborts only at
   * the call's deadline or when the caller aborts. Return nothing when there is nothing to wait for. A
   * rejection ends the call with that error, as it is: not retried, not wrapped.
   */
  before?(request: Request, signal: AbortSignal): Promise<void> | void;
  /**
   * After the attempt: its status and headers, or no status and the `error` for a network error or
   * timeout; with the call's Request (as `before` had it).
   */
  after?(outcome: { status?: number; headers?: Headers; error?: unknown }, request: Request): void;
}

/**
 * Wraps `fetch` with the retry loop. It sits beneath openapi-fetch (as its `fetch`). Each attempt is a
 * fresh request: `fetch(input, { signal, redirect: 'manual' })` with the attempt's own signal, so `fetch`
 * builds a new request from `input` (a clone of `input` when it has a body, which can be sent only once).
 * Every attempt's body is read inside the attempt (under its timeout): a 2xx comes back with the text
 * handed over through `options.bodies`; any other status (3xx included: redirects are not followed) comes
 * back as a buffered, still readable Response.
 *
 * One timer per attempt covers both limits: it fires at the attempt timeout or at the overall
 * deadline, whichever is sooner, and a backoff that would cross the deadline is never started. A wait in
 * `hooks.before` comes first, under the deadline alone; the attempt's timeout starts when it is over.
 *
 * Outcomes: a Response (2xx, non-retryable, or retries exhausted); `TimeoutError` (attempt timeout after
 * retries, or the overall deadline); `ConnectionError` (network failure after retries);
 * `ResponseTooLargeError` (a body over `maxResponseBytes`, never retried); a programming error (a
 * TypeError that is no network failure, a RangeError…) as itself, never retried. A caller abort is never
 * retried: it rejects with `AbortedError`, its `cause` the caller signal's `reason` (a reason that is
 * itself an SDK error, such as a walk's deadline, is thrown as it is).
 */
export function createRetryingFetch(options: RetryingFetchOptions): RetryingFetch {
  const { maxRetryAfterMs, redaction, logger, bodies, hooks } = options;
  const before = hooks?.before;
  const after = hooks?.after;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const settings = { now, random, maxRetryAfterMs, redaction, logger, after };

  // One attempt: the response and its whole body, so the attempt timeout covers the body read. The
  // hook has set headers on the call's Request before a body-carrying one is cloned, so the clone has them.
  async function send(input: Request, signal: AbortSignal): Promise<Response> {
    const request = input.body !== null ? input.clone() : input;
    const res = await options.fetch(request, { signal, redirect: 'manual' });
    const text = await readBody(res, maxResponseBytes);
    if (!res.ok) return (await policy()).buffered(res, text);
    bodies.put(res, text);
    return res;
  }

  return async function retryingFetch(input: Request, call: Partial<CallLimits> = {}): Promise<Response> {
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    const deadlineMs = call.deadlineMs ?? options.deadlineMs;
    const maxRetries = call.maxRetries ?? options.maxRetries;
    const caller = 'signal' in call ? call.signal : input.signal;
    if (caller?.aborted) throw abortedError(caller.reason);
    const deadlineAt = (call.startedAt ?? now()) + deadlineMs;
    const deadline = () => new TimeoutError('deadline', deadlineMs);
    for (let n = 0; ; n++) {
      let response: Response | undefined;
      let error: unknown;
      const one = abortRace();
      const unlinkCaller = caller ? linkSignal(one, caller) : undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        // The hook's wait (a rate limiter, a token) comes before the attempt's timer: only the deadline bounds it.
        let waiting: Promise<void> | void;
        try {
          waiting = before?.(input, one.signal);
        } catch (err) {
          throw new HookFailure(err);
        }
        if (waiting) {
          timer = setTimeout(() => one.abort(deadline()), Math.max(0, deadlineAt - now()));
          await one.race(waiting.catch((err: unknown) => Promise.reject(new HookFailure(err))));
          clearTimeout(timer);
        }
        const left = deadlineAt - now();
        timer = setTimeout(
          () => one.abort(left <= timeoutMs ? deadline() : new TimeoutError('attempt', timeoutMs)),
          Math.max(0, Math.min(left, timeoutMs)),
        );
        response = await one.race(send(input, one.signal));
      } catch (err) {
        if (caller?.aborted) throw abortedError(caller.reason);
        if (err instanceof HookFailure) throw err.error;
        error = one.signal.aborted ? one.signal.reason : err;
        if (error instanceof TimeoutError && error.scope === 'deadline') throw error;
      } finally {
        clearTimeout(timer);
        unlinkCaller?.();
      }
      if (response?.ok) {
        after?.({ status: response.status, headers: response.headers }, input);
        return response;
      }
      const failure = { input, response, error, attempt: n + 1, maxRetries, deadlineAt, caller };
      const last = await (await policy()).afterFailure(failure, settings);
      if (last) return last;
    }
  };
}

/** What `hooks.before` threw, marked so that the loop ends the call with it unchanged. */
class HookFailure {
  constructor(readonly error: unknown) {}
}
