/**
 * The base of the SDK's errors, and the errors the code a client loads up front throws: every error it
 * throws extends {@link CxEngageError}; bad input ({@link InvalidInputError}), a limit of time or size, an
 * abort and an answer for another request are raised before or while a request is sent. The errors only
 * a failure, a validating client, a walk or a job raises are defined beside the code that throws them and
 * loaded with it, so that an app whose requests succeed never downloads them: `http/failures.ts` (the
 * `ApiError` family and its status table, `ConnectionError`, `InvalidResponseError`),
 * `auth/credentials-error.ts`, `validation/response.ts`, `paging/pagination-error.ts` and
 * `jobs/checkpoint-error.ts`. The package root (`index.ts`) exports them all. Errors are built from
 * redacted values only (see `auth/redact.ts`).
 */
import { snippet } from './common/snippet.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Base class of every error the SDK throws. `toJSON()` and `util.inspect` show only the error's own
 * fields, all of which are built redacted, so logging an error never prints a credential.
 */
export class CxEngageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CxEngageError';
  }

  /** A plain, credential-free object: `name`, `message` and the subclass's own fields. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (key !== 'cause') out[key] = value;
    if (this.cause !== undefined) out['cause'] = describeCause(this.cause);
    return out;
  }

  /** `util.inspect` shows the stack and `toJSON()`, never a raw cause object graph. */
  [inspectSymbol](_depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    const { name: _n, message: _m, ...fields } = this.toJSON();
    return Object.keys(fields).length
      ? `${this.stack ?? this.message} ${inspect(fields, options)}`
      : (this.stack ?? this.message);
  }
}

/** The caller passed a bad parameter or option. Thrown before any request is sent. */
export class InvalidInputError extends CxEngageError {
  /** The parameter or option that failed, e.g. `limit`, `baseUrl`, `auth.token`. */
  readonly param: string;
  /** The rejected value (`'[redacted]'` for credentials). */
  readonly value: unknown;
  constructor(param: string, value: unknown, problem: string) {
    super(`Invalid ${param}: ${problem} (got ${preview(value)})`);
    this.name = 'InvalidInputError';
    this.param = param;
    this.value = value;
  }
}

/** An attempt exceeded `timeoutMs` (after retries), a call exceeded `deadlineMs`, or a walk exceeded its own `deadlineMs`. */
export class TimeoutError extends CxEngageError {
  /** Which limit was hit: one attempt's `timeoutMs`, the whole call's `deadlineMs`, or the whole walk's `deadlineMs` (an iterator parameter). */
  readonly scope: 'attempt' | 'deadline' | 'walk';
  /** The limit, in milliseconds. */
  readonly timeoutMs: number;
  constructor(scope: 'attempt' | 'deadline' | 'walk', timeoutMs: number) {
    super(
      scope === 'attempt'
        ? `Request attempt timed out after ${timeoutMs} ms (timeoutMs)`
        : scope === 'deadline'
          ? `Request exceeded its overall deadline of ${timeoutMs} ms (deadlineMs)`
          : `The walk over pages exceeded its deadline of ${timeoutMs} ms (the iterator's deadlineMs)`,
    );
    this.name = 'TimeoutError';
    this.scope = scope;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A response body (2xx or error) longer than the client's `maxResponseBytes`, counted after
 * decompression while it streams in. Reading stopped at the limit and the rest was discarded; not retried
 * (the same request would get the same body).
 */
export class ResponseTooLargeError extends CxEngageError {
  /** The HTTP status of the response whose body was too large. */
  readonly status: number;
  /** The limit that was exceeded: the client's `maxResponseBytes`. */
  readonly limitBytes: number;
  constructor(status: number, limitBytes: number) {
    super(`Response body (HTTP ${status}) exceeds maxResponseBytes (${limitBytes} bytes); reading stopped there`);
    this.name = 'ResponseTooLargeError';
    this.status = status;
    this.limitBytes = limitBytes;
  }
}

/**
 * The caller's `AbortSignal` aborted the call or the walk (before a request, during one, or during a
 * retry's backoff). `cause` is the signal's `reason`, as given. Never retried.
 */
export class AbortedError extends CxEngageError {
  constructor(reason: unknown) {
    super(`Aborted: ${abortReasonText(reason)}`, { cause: reason });
    this.name = 'AbortedError';
  }
}

function abortReasonText(reason: unknown): string {
  if (reason instanceof Error && reason.message) return reason.message;
  if (typeof reason === 'string' && reason) return snippet(reason, 200);
  return 'the signal was aborted';
}

/** Which of the request's ids an answer contradicts. */
export type ResponseMismatchCode = 'other_interaction' | 'other_tenant' | 'other_contact';

/**
 * A 2xx answer for something other than what was asked: a record of another interaction than the one
 * requested, or a page (or an item of it) that names another tenant or contact than the request. The
 * server answered the wrong question, so the answer is refused whatever the validation mode (never
 * retried: it is not transient). Ids are compared in their normal form (trimmed, lower-case).
 */
export class ResponseMismatchError extends CxEngageError {
  /** What differs: `other_interaction`, `other_tenant` or `other_contact`. */
  readonly code: ResponseMismatchCode;
  /** JSON pointer of the value in the body, e.g. `/interactionId` or `/results/3/contactId`. */
  readonly pointer: string;
  /** The id the request named (normal form). */
  readonly expected: string;
  /** What the body holds there (its first 80 characters). */
  readonly actual: string;
  constructor(code: ResponseMismatchCode, pointer: string, expected: string, actual: string) {
    const what = code.slice(6); // after `other_`
    const shown = snippet(actual, 80);
    super(
      `The answer is not for the request (${code}): ${pointer} holds ${what} ${JSON.stringify(shown)} where ${what} ${expected} was requested`,
    );
    this.name = 'ResponseMismatchError';
    this.code = code;
    this.pointer = pointer;
    this.expected = expected;
    this.actual = shown;
  }
}

function describeCause(cause: unknown, depth = 0): unknown {
  if (!(cause instanceof Error)) return cause;
  const code = (cause as { code?: unknown }).code;
  return {
    name: cause.name,
    message: cause.message,
    ...(code !== undefined ? { code } : {}),
    ...(cause.cause !== undefined && depth < 3 ? { cause: describeCause(cause.cause, depth + 1) } : {}),
  };
}

function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(snippet(value, 80));
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value == null)
    return String(value);
  if (typeof value === 'function') return 'a function';
  try {
    return snippet(JSON.stringify(value) ?? String(value), 80);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
