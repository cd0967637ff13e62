/**
 * The SDK's errors. Every error it throws extends {@link CxEngageError}; HTTP failures are
 * {@link ApiError} subclasses chosen from one status table ({@link API_ERRORS}), so `instanceof`, `kind`
 * and the fallback text can never disagree. Errors are built from redacted values only (see
 * `auth/redact.ts`). This module is the catalogue: the public classes and the status table, nothing else.
 * Building an `ApiError` from an answer (its body in any of the vendor's three shapes) is
 * `error-body.ts`, which a client loads on its first non-2xx answer.
 */
import type { ValidationIssue } from '../generated/validators.js';
import { snippet } from './common/snippet.js';

export type { ValidationIssue };

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

/** Distinguishes the HTTP failures an application usually handles differently. */
export type ApiErrorKind = (typeof API_ERRORS)[keyof typeof API_ERRORS]['kind'] | 'server_error' | 'unexpected_status';

/** Fields of an {@link ApiError} besides status and message. */
export interface ApiErrorDetails {
  code?: string | number;
  fieldErrors?: Record<string, string[]>;
  body?: unknown;
  headers?: Record<string, string>;
  requestId?: string;
}

/** The API answered with a non-2xx status. Subclasses (and `kind`) tell the common statuses apart. */
export class ApiError extends CxEngageError {
  /** The HTTP status. */
  readonly status: number;
  /** A discriminant for the status: `switch (err.kind)` instead of `instanceof`. */
  readonly kind: ApiErrorKind;
  /** The vendor's error code, when the body carried one. */
  readonly code?: string | number;
  /**
   * Per-field messages, from the object shape's `attribute`. Empty when there are none. A null-prototype
   * object: every field name the server sent (`__proto__` included) is an ordinary key.
   */
  readonly fieldErrors: Record<string, string[]>;
  /**
   * The parsed JSON body, or a snippet of its text (300 characters) when it was not JSON or was longer
   * than 64 KiB (such a body is not parsed, so an error never holds more than that).
   */
  readonly body: unknown;
  /** The response headers (lower-case names). Never request headers. */
  readonly headers: Record<string, string>;
  /** A request id from the response headers, when present (quote it to support). */
  readonly requestId?: string;

  constructor(status: number, message: string, details: ApiErrorDetails = {}) {
    super(message);
    const entry = statusEntry(status);
    // The name comes from the table, not the constructor: minifiers rename classes.
    this.name = this instanceof entry.Class ? entry.name : 'ApiError';
    this.status = status;
    this.kind = entry.kind;
    if (details.code !== undefined) this.code = details.code;
    this.fieldErrors = details.fieldErrors ?? Object.create(null);
    this.body = details.body;
    this.headers = details.headers ?? {};
    if (details.requestId !== undefined) this.requestId = details.requestId;
  }
}

/** HTTP 400: invalid syntax or a missing or out-of-range parameter. */
export class BadRequestError extends ApiError {
  declare readonly kind: 'bad_request';
}
/** HTTP 401: missing or rejected credentials. */
export class AuthenticationError extends ApiError {
  declare readonly kind: 'unauthorized';
}
/** HTTP 403: the credentials lack the operation's permission (e.g. `CONTACTS_INTERACTION_HISTORY_READ`). */
export class PermissionDeniedError extends ApiError {
  declare readonly kind: 'forbidden';
}
/** HTTP 404: no such tenant, contact or interaction. */
export class NotFoundError extends ApiError {
  declare readonly kind: 'not_found';
}
/** HTTP 429, after retries (or when `Retry-After` exceeded `maxRetryAfterMs`). */
export class RateLimitError extends ApiError {
  declare readonly kind: 'rate_limited';
}
/** HTTP 5xx, after retries. */
export class ServerError extends ApiError {
  declare readonly kind: 'server_error';
}

/** One row of the status table. */
export interface StatusEntry {
  kind: ApiErrorKind;
  name: string;
  text: string;
  Class: new (status: number, message: string, details?: ApiErrorDetails) => ApiError;
}

/** The one status table: HTTP status → `kind`, class (and its `name`), and the text used when the body has none. */
export const API_ERRORS = {
  400: { kind: 'bad_request', name: 'BadRequestError', text: 'Bad Request', Class: BadRequestError },
  401: { kind: 'unauthorized', name: 'AuthenticationError', text: 'Unauthorized', Class: AuthenticationError },
  403: { kind: 'forbidden', name: 'PermissionDeniedError', text: 'Forbidden', Class: PermissionDeniedError },
  404: { kind: 'not_found', name: 'NotFoundError', text: 'Not Found', Class: NotFoundError },
  429: { kind: 'rate_limited', name: 'RateLimitError', text: 'Too Many Requests', Class: RateLimitError },
} as const;

const SERVER_ERROR: StatusEntry = {
  kind: 'server_error',
  name: 'ServerError',
  text: 'Server Error',
  Class: ServerError,
};
const UNEXPECTED: StatusEntry = {
  kind: 'unexpected_status',
  name: 'ApiError',
  text: 'Unexpected Status',
  Class: ApiError,
};

/** The table's entry for `status`: a listed status, any other 5xx, or anything else. */
export function statusEntry(status: number): StatusEntry {
  const listed: StatusEntry | undefined = (API_ERRORS as Record<number, StatusEntry>)[status];
  return listed ?? (status >= 500 && status <= 599 ? SERVER_ERROR : UNEXPECTED);
}

/** The request never got an HTTP answer (DNS, refused, reset…), after retries. `cause` is a redacted copy. */
export class ConnectionError extends CxEngageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectionError';
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
 * The credentials could not be had: an `auth.token` function threw or returned something that is not a
 * token. Nothing was sent with them. `cause` is a credential-free copy of what the function threw.
 */
export class CredentialsError extends CxEngageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CredentialsError';
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

/**
 * A 2xx response whose body is empty, not JSON, truncated, not declared as JSON, or nested deeper than
 * the SDK's bound on JSON depth (64 levels, `MAX_JSON_DEPTH`: no documented record nests more than a few).
 */
export class InvalidResponseError extends CxEngageError {
  /** The HTTP status. */
  readonly status: number;
  /** The first characters of the body. */
  readonly bodySnippet: string;
  constructor(status: number, problem: string, bodySnippet: string) {
    super(`Invalid response (HTTP ${status}): ${problem}${bodySnippet ? `: ${JSON.stringify(bodySnippet)}` : ''}`);
    this.name = 'InvalidResponseError';
    this.status = status;
    this.bodySnippet = bodySnippet;
  }
}

/** A 2xx body that does not match the spec (`validate: 'strict'`). */
export class ResponseValidationError extends CxEngageError {
  /** JSON pointer into the body of the first failure, e.g. `/results/3/channelType`. */
  readonly pointer: string;
  /** Every failure the validator reported. */
  readonly issues: ValidationIssue[];
  constructor(pointer: string, issues: ValidationIssue[], problem: string) {
    super(`Response failed validation at ${pointer || '/'}: ${problem}`);
    this.name = 'ResponseValidationError';
    this.pointer = pointer;
    this.issues = issues;
  }
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

/**
 * Why a walk over pages stopped: the pages do not add up to the list their `total` describes, so
 * finishing normally could lose or repeat interactions.
 *
 * - `page_mismatch`: the `page` echoed is a number other than the page requested.
 * - `offset_mismatch`: `offset` is not page × page size.
 * - `page_size_mismatch`: the `limit` echoed differs from the page size requested (and the walk could
 *   not re-plan: only a smaller `limit` on page 0 is taken as the server's page size).
 * - `oversized_page`: more results than the page size.
 * - `short_page`: fewer results than `total` says remain (an empty page included), on a page before the
 *   last one `total` gives.
 * - `total_mismatch`: more results than `total` says remain: the page runs past the end its own
 *   `total` gives.
 * - `total_shrank`: `total` fell below what the pages read so far imply: items were deleted during
 *   the walk, so some may have been skipped. A fall that cannot have skipped anything (the list had
 *   grown past the pages read) is not an error.
 * - `no_new_ids`: a page holds no id not yielded before, where `total` says new ones are due.
 * - `duplicate_ids`: a page repeats an id (within itself, or one yielded before) beyond what the
 *   list's growth (new interactions at the front) explains.
 * - `overlap_mismatch`: a page lacks the ids the list's growth pushed onto it from the pages before
 *   (the overlap `total` predicts is not the ids already yielded).
 * - `out_of_order`: (`validate: 'strict'`) a result starts later than the one before it, on the same
 *   page or an earlier one: not most recent first.
 * - `ids_missing`: the list ends short of its `total`: the last page `total` gives has fewer results
 *   than remain, or the walk reached the end with fewer distinct ids than the first `total`.
 * - `page_bound_exceeded`: the walk needs more pages than the bound derived from the first `total`
 *   (the list may double while it is walked): pages that never end, or a `total` growing faster than
 *   the walk reads.
 * - `max_pages_exceeded`: the walk needs more pages than its `maxPages` parameter allows.
 */
export type PaginationErrorCode =
  | 'page_mismatch'
  | 'offset_mismatch'
  | 'page_size_mismatch'
  | 'oversized_page'
  | 'short_page'
  | 'total_mismatch'
  | 'total_shrank'
  | 'no_new_ids'
  | 'duplicate_ids'
  | 'overlap_mismatch'
  | 'out_of_order'
  | 'ids_missing'
  | 'page_bound_exceeded'
  | 'max_pages_exceeded';
/** Why a checkpoint was refused. */
export type CheckpointErrorCode = 'malformed' | 'unsupported_version' | 'other_tenant' | 'other_contact';

/**
 * A sync checkpoint (or export progress) that cannot be used: not one this SDK wrote, a version it does
 * not read, or one written for another tenant or contact. Thrown before any request is sent.
 */
export class CheckpointError extends InvalidInputError {
  /** Why: `malformed`, `unsupported_version`, `other_tenant` or `other_contact`. */
  readonly code: CheckpointErrorCode;
  constructor(code: CheckpointErrorCode, param: string, value: unknown, problem: string) {
    super(param, value, problem);
    this.name = 'CheckpointError';
    this.code = code;
  }
}

/** Where a {@link PaginationError} arose, and the counts that disagree. */
export interface PaginationErrorDetails {
  /** The page number (0-based) being checked when the walk stopped. */
  page: number;
  /** What the page should have had (a count, a page number, an offset, a limit or a total), or `null` where not applicable. */
  expected: number | null;
  /** What it had, or `null` where not applicable. */
  actual: number | null;
}

/**
 * Paging that cannot be trusted: the pages do not add up to one list, most recent first, or the walk
 * would not end within its bounds. The results yielded before it are a partial list.
 */
export class PaginationError extends CxEngageError {
  /** The reason, one of {@link PaginationErrorCode} (see there for each). */
  readonly code: PaginationErrorCode;
  /** The page number (0-based) being checked when the walk stopped. */
  readonly page: number;
  /** What the page should have had (a count, a page number, an offset, a limit or a total), or `null` where not applicable. */
  readonly expected: number | null;
  /** What it had, or `null` where not applicable. */
  readonly actual: number | null;
  constructor(code: PaginationErrorCode, message: string, details: PaginationErrorDetails) {
    super(message);
    this.name = 'PaginationError';
    this.code = code;
    this.page = details.page;
    this.expected = details.expected;
    this.actual = details.actual;
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
