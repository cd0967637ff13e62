/**
 * The errors of a request that failed at the HTTP level, loaded with the code that throws them (error
 * bodies, the retry policy, the token exchange) so that a client whose requests succeed never downloads
 * them: an answer with a non-2xx status ({@link ApiError} and its subclasses, chosen from one status table,
 * {@link API_ERRORS}, so `instanceof`, `kind` and the fallback text can never disagree), no answer at all
 * ({@link ConnectionError}), and a 2xx answer whose body is not JSON ({@link InvalidResponseError}). Built
 * from redacted values only (see `auth/redact.ts`); building an `ApiError` from an answer's body is
 * `error-body.ts`. The package root exports them all.
 */
import { CxEngageError } from './up-front.js';

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
