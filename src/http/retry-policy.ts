/**
 * What the request loop (`retry.ts`) needs only once an attempt has failed: what the failure leads to
 * ({@link afterFailure}: the answer, the error, or the retry reported and waited for), the retry policy
 * ({@link retryDelay}, {@link isRetryableError}: pure, so tested table by table), the typed error for a
 * network failure, and the buffered copy of a non-2xx answer. A module apart because a call that
 * succeeds at once never needs it: the loop loads it (a dynamic import) on the first failed attempt, so
 * a browser bundle downloads it only then.
 */

import type { Redactor } from '../auth/redact.js';
import type { Redaction } from '../auth/redaction.js';
import { snippet } from '../common/snippet.js';
import { ConnectionError } from './failures.js';
import type { Logger } from './types.js';
import { abortedError, CxEngageError, TimeoutError } from './up-front.js';
import { sleep } from './waits.js';

/** A failed attempt, as the loop saw it: an answer that is not a 2xx, or an error in its place. */
export interface Failure {
  input: Request;
  response: Response | undefined;
  error: unknown;
  /** The attempt that failed: 1 for the first. */
  attempt: number;
  maxRetries: number;
  /** When the call's deadline falls (the loop's clock). */
  deadlineAt: number;
  caller: AbortSignal | undefined;
}

/** The loop's own settings a failure is judged and reported by. */
export interface LoopSettings {
  now: () => number;
  random: () => number;
  maxRetryAfterMs: number;
  redaction: Redaction;
  logger: Logger | undefined;
  /** The attempt hooks' `after` (see `retry.ts`). */
  after: ((outcome: { status?: number; headers?: Headers; error?: unknown }, request: Request) => void) | undefined;
}

/**
 * What a failed attempt leads to: the answer to give (not to be retried, or the last one), the error to
 * throw (a network failure as `ConnectionError`, redacted; a programming error as it is), or, once the
 * retry has been reported (the logger's `debug`) and waited for under the caller's signal, `undefined`:
 * the loop goes round again. A wait the deadline would cut short is not started: what there is is given.
 */
export async function afterFailure(failure: Failure, loop: LoopSettings): Promise<Response | undefined> {
  const { input, response, error, attempt, caller } = failure;
  const redact = await loop.redaction.redactor();
  if (!response && isProgrammingError(error)) throw error;
  loop.after?.(response ? { status: response.status, headers: response.headers } : { error }, input);
  const retryable = response ? true : isRetryableError(error);
  const delay = retryable
    ? retryDelay({
        attempt,
        maxRetries: failure.maxRetries,
        now: loop.now(),
        random: loop.random,
        maxRetryAfterMs: loop.maxRetryAfterMs,
        ...(response ? { status: response.status, retryAfter: response.headers.get('retry-after') } : {}),
      })
    : null;
  if (delay === null || loop.now() + delay >= failure.deadlineAt) {
    if (response) return response;
    throw asConnectionError(error, attempt, redact);
  }
  loop.logger?.debug?.(
    'cxengage: retrying request',
    redact({
      method: input.method,
      url: input.url,
      attempt,
      delayMs: delay,
      ...(response ? { status: response.status } : { error: describe(error) }),
    }),
  );
  try {
    await sleep(delay, caller);
  } catch {
    throw abortedError(caller?.reason);
  }
  return undefined;
}

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
export function isProgrammingError(error: unknown): boolean {
  return (
    (error instanceof TypeError ||
      error instanceof RangeError ||
      error instanceof ReferenceError ||
      error instanceof SyntaxError) &&
    !isRetryableError(error)
  );
}

/** The error a call ends with after a network failure (or a typed error, as it is). */
export function asConnectionError(error: unknown, attempts: number, redact: Redactor): Error {
  // Already typed (a timeout, a body over the size limit, a hook's own error): thrown as it is.
  if (error instanceof CxEngageError) return error;
  const suffix = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new ConnectionError(redact(`Connection failed${suffix}: ${describe(error)}`), {
    cause: redact.cause(error),
  });
}

/** An error in one line, with its cause's message: for logs and messages. */
export function describe(error: unknown): string {
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
export function buffered(res: Response, text: string): Response {
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
