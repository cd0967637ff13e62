/**
 * The request loop: every attempt of every call goes through {@link createRetryingFetch}, which owns
 * retries, backoff with jitter, `Retry-After`, the per-attempt timeout and the overall deadline, and
 * reads each body inside its attempt. The policy itself ({@link retryDelay}, {@link isRetryableError})
 * is pure, so it is tested table by table.
 */
import type { BodyHandoff } from './body-handoff.js';
import { abortedError, ConnectionError, CxEngageError, snippet, TimeoutError } from './errors.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readBody } from './read-body.js';
import { type Redactor, safeCause } from './redact.js';
import { abortRace, linkSignal, sleep } from './signals.js';
import type { Logger } from './types.js';

/** Statuses worth another attempt: GET is idempotent, and these are transient by definition. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** Input of {@link retryDelay}. `attempt` is the retry about to be made: 1 for the first retry. */
export interface RetryDelayInput {
  attempt: number;
  /** The failed attempt's status; absent for a network error or an attempt timeout. */
  status?: number;
  /** The raw `Retry-After` header. */
  retryAfter?: string | null;
  now: number;
  random: () => number;
  baseMs?: number;
  capMs?: number;
  maxRetryAfterMs: number;
  /** When given, `attempt > maxRetries` means no retry. */
  maxRetries?: number;
}

/**
 * The retry policy, as a pure function: how long to wait before retry number `attempt`, or `null` for
 * "do not retry". A valid `Retry-After` is honoured exactly; one longer than `maxRetryAfterMs` means
 * "give up now" (waiting less than the server asked would only be refused again). Otherwise
 * exponential backoff with full jitter: `random() × min(capMs, baseMs × 2^(attempt−1))`.
 */
export function retryDelay({
  attempt,
  status,
  retryAfter,
  now,
  random,
  baseMs = 500,
  capMs = 8000,
  maxRetryAfterMs,
  maxRetries,
}: RetryDelayInput): number | null {
  if (maxRetries !== undefined && attempt > maxRetries) return null;
  if (status !== undefined && !RETRYABLE_STATUSES.has(status)) return null;
  const after = retryAfter == null ? undefined : parseRetryAfter(retryAfter, now);
  if (after !== undefined) return after > maxRetryAfterMs ? null : after;
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}

/**
 * Parses `Retry-After` (delay-seconds or an HTTP-date) into milliseconds from `now`.
 * A date in the past is 0; anything else unparseable is `undefined`.
 */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // HTTP-dates start with a day name ("Wed, 21 Oct 2015 07:28:00 GMT"); this keeps Date.parse's
  // leniency ("-5", "1") from turning garbage into a date.
  if (!/^[a-z]{3,9},?\s/i.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The messages of the TypeError `fetch` rejects with on a network failure: undici's `fetch failed` (no
 * answer) and `terminated` (connection lost mid-body), and the browsers' wordings. Any other TypeError is
 * a bug (say, in an injected `fetch`), which retrying cannot fix.
 */
const NETWORK_FAILURE_MESSAGES = new Set([
  'fetch failed',
  'terminated',
  'Failed to fetch',
  'Load failed',
  'NetworkError when attempting to fetch resource.',
]);

/** Whether an error thrown by `fetch` is a transient network failure. */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof TimeoutError) return error.scope === 'attempt';
  if (error instanceof TypeError && NETWORK_FAILURE_MESSAGES.has(error.message)) return true;
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as Error).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
  }
  return false;
}

/** A programming error (an injected `fetch` that throws one, or returns something that is not a Response). */
function isProgrammingError(error: unknown): boolean {
  return (
    (error instanceof TypeError ||
      error instanceof RangeError ||
      error instanceof ReferenceError ||
      error instanceof SyntaxError) &&
    !isRetryableError(error)
  );
}

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
  redact: Redactor;
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
  /** After the attempt: its status and headers, or no status for a network error or timeout. */
  after?(outcome: { status?: number; headers?: Headers }): void;
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
  const { maxRetryAfterMs, redact, logger, bodies, hooks } = options;
  const before = hooks?.before;
  const after = hooks?.after;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  // One attempt: the response and its whole body, so the attempt timeout covers the body read. The
  // hook has set headers on the call's Request before a body-carrying one is cloned, so the clone has them.
  async function send(input: Request, signal: AbortSignal): Promise<Response> {
    const request = input.body !== null ? input.clone() : input;
    const res = await options.fetch(request, { signal, redirect: 'manual' });
    const text = await readBody(res, maxResponseBytes);
    if (!res.ok) return buffered(res, text);
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
        if (isProgrammingError(error)) throw error;
      } finally {
        clearTimeout(timer);
        unlinkCaller?.();
      }
      if (response?.ok) {
        after?.({ status: response.status, headers: response.headers });
        return response;
      }
      after?.(response ? { status: response.status, headers: response.headers } : {});

      const retryable = response ? true : isRetryableError(error);
      const delay = retryable
        ? retryDelay({
            attempt: n + 1,
            maxRetries,
            now: now(),
            random,
            maxRetryAfterMs,
            ...(response ? { status: response.status, retryAfter: response.headers.get('retry-after') } : {}),
          })
        : null;
      // A wait the deadline would cut short is not worth starting: report what we have.
      if (delay === null || now() + delay >= deadlineAt) {
        if (response) return response;
        throw asConnectionError(error, n + 1, redact);
      }
      logger?.debug?.(
        'cxengage: retrying request',
        redact({
          method: input.method,
          url: input.url,
          attempt: n + 1,
          delayMs: delay,
          ...(response ? { status: response.status } : { error: describe(error) }),
        }),
      );
      try {
        await sleep(delay, caller);
      } catch {
        throw abortedError(caller?.reason);
      }
    }
  };
}

/** What `hooks.before` threw, marked so that the loop ends the call with it unchanged. */
class HookFailure {
  constructor(readonly error: unknown) {}
}

function asConnectionError(error: unknown, attempts: number, redact: Redactor): Error {
  // Already typed (a timeout, a body over the size limit, a hook's own error): thrown as it is.
  if (error instanceof CxEngageError) return error;
  const suffix = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new ConnectionError(redact(`Connection failed${suffix}: ${describe(error)}`), {
    cause: safeCause(error, redact),
  });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

/** Error bodies longer than this (characters) are kept only as a snippet, never parsed or held whole. */
const MAX_ERROR_BODY = 64 * 1024;

/**
 * A readable Response over the already-read text of a non-2xx answer, as bytes (so no default
 * content-type is added); `url` is kept. A 304 may not have a body. The status line is the server's,
 * however odd: a status outside 200–599, or a reason phrase the Response constructor refuses (control
 * characters, characters beyond Latin-1, any length), must still give the error its status calls for,
 * so the real status and a cleaned, bounded reason phrase are set on the copy itself.
 */
function buffered(res: Response, text: string): Response {
  const body = text.length > MAX_ERROR_BODY ? snippet(text) : text;
  const copy = new Response(res.status === 304 ? null : new TextEncoder().encode(body), {
    status: res.status >= 300 && res.status <= 599 ? res.status : 599,
    headers: res.headers,
  });
  Object.defineProperties(copy, {
    url: { value: res.url },
    status: { value: res.status },
    statusText: { value: reasonPhrase(res.statusText) },
  });
  return copy;
}

/**
 * A reason phrase safe to show: printable ASCII and Latin-1 only (anything else, controls included,
 * becomes `?`), at most 200 characters.
 */
function reasonPhrase(text: string): string {
  const clean = text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}...` : clean;
}
