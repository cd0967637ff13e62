/**
 * The options every request is sent with: a client's (`ClientOptions`, of which the contract checks take
 * the connection part), a derived client's, one call's, and a rate limit; the logger they report to and
 * the regions the spec names. `options.ts` resolves and checks them, once, for the client and the
 * contract checks alike.
 */
import type { spec } from '../../generated/spec.js';
import type { Auth } from '../auth/types.js';

/** A CxEngage region with a public base URL. */
export type Region = keyof typeof spec.regions;

/** How 2xx bodies are checked against the spec: throw, log and return, or skip (zero cost). */
export type ValidationMode = 'off' | 'warn' | 'strict';

/**
 * How much the SDK logs, from nothing to one line per request: each level includes the ones before it.
 * `error`: a call that failed for good for a reason on the server's side (429, 5xx, a time-out, the
 * network), after its retries (the call still throws); `warn`: what you should know although nothing
 * failed; `info`: a call that needed retries, once it is over, and the end of each walk and of each
 * contact's sync (pages, items, 429s); `debug`: one line per request (method, URL template, status,
 * duration, attempt) and each retry before it waits.
 */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/**
 * Where the SDK logs (see {@link LogLevel}): `warn` is required, the other levels are optional (a level the
 * logger lacks is not logged). Messages and `meta` are redacted before they reach it. Called as
 * `logger.warn(msg, meta)` (console, winston…), or, for a pino logger (one with pino's `levels.values`
 * table), object first as pino expects: `logger.warn(meta, msg)`.
 */
export interface Logger {
  error?(msg: string, meta?: Record<string, unknown>): void;
  warn(msg: string, meta?: Record<string, unknown>): void;
  info?(msg: string, meta?: Record<string, unknown>): void;
  debug?(msg: string, meta?: Record<string, unknown>): void;
}

/** An OpenTelemetry `TracerProvider` (`@opentelemetry/api` 1.x), e.g. your SDK's, or `trace.getTracerProvider()`. */
export interface TracerProviderLike {
  getTracer(name: string, version?: string): unknown;
}

/**
 * OpenTelemetry tracing (`@opentelemetry/api` 1.x, an optional peer dependency). `true`: the tracer
 * provider registered globally (the default on Node.js when the package is installed); `false`: none,
 * and the package is never loaded; `{ tracerProvider }`: that provider instead of the global one.
 */
export type TracingOptions = boolean | { tracerProvider: TracerProviderLike };

/** Options of `createInteractionsClient`. */
export interface ClientOptions {
  /** API key and secret (Basic), or a token from `POST /v1/tokens`. */
  auth: Auth;
  /** Default: the spec's first server (`us-east-1`). Ignored when `baseUrl` is given. */
  region?: Region;
  /** Overrides `region`, e.g. `'http://127.0.0.1:4010/v1'`. A trailing slash is dropped. */
  baseUrl?: string;
  /** `http://` is refused unless the host is loopback (127.0.0.0/8, ::1, localhost) or this is true. */
  allowInsecureHttp?: boolean;
  /**
   * Default `globalThis.fetch`. Called once per attempt as `fetch(request, { signal, redirect: 'manual' })`:
   * honour both. Redirects are never followed, so one cannot lead to another host or to `http://`: a 3xx
   * answer is an `ApiError` with `kind: 'unexpected_status'` (its `Location` in `headers`), not retried.
   */
  fetch?: typeof fetch;
  /**
   * Per attempt, in ms, from sending to the whole body read; a wait for the rate limiter or for a token
   * comes before it (bounded by `deadlineMs`). Default 30 000.
   */
  timeoutMs?: number;
  /** For all attempts of one call together, in ms. Default 120 000. */
  deadlineMs?: number;
  /** Retries after the first attempt, on network errors, 408, 429 and 5xx. Default 3. */
  maxRetries?: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the error is thrown. Default 60 000. */
  maxRetryAfterMs?: number;
  /**
   * The most bytes of one response body (2xx or error) the client reads, counted after decompression
   * while the body streams in. Beyond it, reading stops and the call rejects with
   * `ResponseTooLargeError` (not retried). Default 8 MiB (8 388 608), far above a full page of 100
   * interactions (about 56 KB).
   */
  maxResponseBytes?: number;
  /**
   * Response validation. Default `'strict'`. With `'off'` (or `'warn'`), `listInteractions` returns a 2xx
   * JSON body as it came, unchecked (even `null` or `{}`); the iterators still check the fields they walk
   * by (`total`, `results`, each `interactionId`) and throw `ResponseValidationError` otherwise.
   */
  validate?: ValidationMode;
  /**
   * Receives what the SDK logs (see {@link LogLevel}): warnings (`warn`: response validation in `'warn'`
   * mode, and once per client, with the clients derived from it, a `Deprecation` or `Sunset` header on an
   * answer), and at the levels `logLevel` lets through, request lines, retries and summaries.
   * Default: `console`, at `warn`.
   */
  logger?: Logger;
  /**
   * The most detail logged. Default: the `CXENGAGE_LOG` environment variable where there is one (Node.js;
   * a browser has none), else `warn` for the default console logger and `debug` for a logger of your own
   * (which filters for itself, as before this option). The option wins over the variable.
   */
  logLevel?: LogLevel;
  /**
   * OpenTelemetry spans for each call (with a child per attempt), walk and contact sync, and `traceparent`
   * on every request. Default: on in Node.js when `@opentelemetry/api` can be loaded (spans go to the
   * provider your OpenTelemetry SDK registered; none registered, none recorded), off in browsers.
   */
  tracing?: TracingOptions;
  /**
   * Your own product token, appended to the SDK's `User-Agent` (`cxengage-interactions/1.2.3 (node 20.19.0)
   * my-sync/4.5`). Visible ASCII, spaces allowed. Browsers forbid setting `User-Agent`, so there the SDK
   * sends none, and this is ignored.
   */
  userAgent?: string;
}

/**
 * What `client.withOptions()` may change: how calls behave, not where they go or who makes them (`auth`,
 * `region`, `baseUrl` and `fetch` stay, so the token cache can be shared).
 */
export type DerivedClientOptions = Pick<
  ClientOptions,
  'timeoutMs' | 'deadlineMs' | 'maxRetries' | 'maxRetryAfterMs' | 'validate' | 'logger' | 'logLevel' | 'userAgent'
>;

/** A rate limit: one token bucket for every request of a client (see `limitRate`, `exportInteractions`). */
export interface RateLimitOptions {
  /** At most this many requests per second. The vendor documents no limit: start with a few. */
  requestsPerSecond: number;
  /** How many requests may go at once after a quiet spell. Default: a quarter of a second's worth, at least 1. */
  burst?: number;
}

/**
 * Per-call options: each one overrides the client's for this call only. Invalid values throw
 * `InvalidInputError` before anything is sent.
 */
export interface RequestOptions {
  /**
   * Aborting rejects with `AbortedError` (a `CxEngageError`) whose `cause` is the signal's `reason`,
   * whether the call was waiting to start, in flight, or in a retry's backoff; never retried.
   */
  signal?: AbortSignal;
  /** Per attempt, in ms. */
  timeoutMs?: number;
  /** For all attempts of this call together (a token refresh and its retry included), in ms. */
  deadlineMs?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** Response validation for this call. */
  validate?: ValidationMode;
}
