import createClient from 'openapi-fetch';
import type { components, paths } from '../generated/schema.js';
import { spec } from '../generated/spec.js';
import {
  InvalidInputError, InvalidResponseError, createApiError, createRedactor, snippet, type ApiError, type Redactor,
  type PaginationError, type ResponseValidationError, type TimeoutError,
} from './errors.js';
import { walkItems, walkPages } from './paginate.js';
import { createRetryingFetch, takeBodyText, type Logger } from './retry.js';
import { linkSignal } from './signals.js';
import {
  checkIterateParams, checkPage, checkParams, checkSignal, type CheckedParams, type InteractionPage, type ValidationMode,
} from './validate.js';

/** One interaction of the contact. Extra (undocumented) properties are kept. */
export type Interaction = components['schemas']['Interaction'];
/** An error body in any of the vendor's three shapes. */
export type ErrorBody = components['schemas']['ErrorBody'];
/** A CxEngage region with a public base URL. */
export type Region = keyof typeof spec.regions;
/** HTTP Basic with an API key and its secret, or `Authorization: Token <token>`. */
export type Auth = { username: string; password: string } | { token: string };

/** The regions' base URLs, read from the spec. */
export const regions: Record<Region, string> = spec.regions;
/** The region used when neither `region` nor `baseUrl` is given, read from the spec. */
export const defaultRegion: Region = spec.defaultRegion;

/** Options of {@link createInteractionsClient}. */
export interface ClientOptions {
  /** API key and secret (Basic), or a token from `POST /v1/tokens`. */
  auth: Auth;
  /** Default {@link defaultRegion}. Ignored when `baseUrl` is given. */
  region?: Region;
  /** Overrides `region`, e.g. `'http://127.0.0.1:4010'`. A trailing slash is dropped. */
  baseUrl?: string;
  /** `http://` is refused unless the host is loopback (127.0.0.0/8, ::1, localhost) or this is true. */
  allowInsecureHttp?: boolean;
  /**
   * Default `globalThis.fetch`. Called once per attempt as `fetch(request, { signal, redirect: 'manual' })`:
   * honour both. Redirects are never followed, so one cannot lead to another host or to `http://`: a 3xx
   * answer is an {@link ApiError} with `kind: 'unexpected_status'` (its `Location` in `headers`), not retried.
   */
  fetch?: typeof fetch;
  /** Per attempt, in ms. Default 30 000. */
  timeoutMs?: number;
  /** For all attempts of one call together, in ms. Default 120 000. */
  deadlineMs?: number;
  /** Retries after the first attempt, on network errors, 408, 429 and 5xx. Default 3. */
  maxRetries?: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the error is thrown. Default 60 000. */
  maxRetryAfterMs?: number;
  /**
   * Response validation. Default `'strict'`. With `'off'` (or `'warn'`), `listInteractions` returns a 2xx
   * JSON body as it came, unchecked (even `null` or `{}`); the iterators still check the fields they walk
   * by (`total`, `results`, each `interactionId`) and throw {@link ResponseValidationError} otherwise.
   */
  validate?: ValidationMode;
  /** Receives retry notices (`debug`) and validation warnings (`warn`). Default: `console.warn` for warnings only. */
  logger?: Logger;
}

/** Parameters of one page call. */
export interface ListParams {
  tenantId: string;
  contactId: string;
  /** 1 to 100, default 10 (server side). */
  limit?: number;
  /** 0-based. When omitted, the server answers `page: null`. */
  page?: number;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborting rejects with the signal's `reason` (an `AbortError` DOMException by default); never retried. */
  signal?: AbortSignal;
}

/** Parameters of the iterators. */
export interface IterateParams {
  tenantId: string;
  contactId: string;
  /** Default: the spec's maximum limit (100). */
  pageSize?: number;
  /** Stop after this many items (the endpoint is "last N"): costs `ceil(last / pageSize)` requests. */
  last?: number;
  /** Pages in flight at once after page 0. Default 1. */
  concurrency?: number;
  /**
   * The most pages the walk may read (page numbers 0 to maxPages − 1). A walk whose `total` needs more
   * throws {@link PaginationError} `max_pages_exceeded` as soon as that is known. Default 100 000.
   */
  maxPages?: number;
  /** For the whole walk, in ms (each request keeps the client's own limits): then {@link TimeoutError} with scope `'walk'`. Default: none. */
  deadlineMs?: number;
  /** Aborts the walk and any request in flight. */
  signal?: AbortSignal;
}

/** The client. */
export interface InteractionsClient {
  /** One page of the contact's interactions, most recent first. */
  listInteractions(params: ListParams, options?: RequestOptions): Promise<InteractionPage>;
  /** {@link InteractionsClient.listInteractions} plus the raw Response (status, headers; body already read). */
  listInteractionsWithResponse(params: ListParams, options?: RequestOptions): Promise<{ data: InteractionPage; response: Response }>;
  /** Every interaction (or the `last` N), in order, never the same `interactionId` twice. Bad params throw synchronously. */
  iterateInteractions(params: IterateParams): AsyncIterableIterator<Interaction>;
  /** Pages in order, each holding only results not yielded before. Bad params throw synchronously. */
  iteratePages(params: IterateParams): AsyncIterableIterator<InteractionPage>;
}

const DEFAULTS = { timeoutMs: 30_000, deadlineMs: 120_000, maxRetries: 3, maxRetryAfterMs: 60_000 } as const;
/** setTimeout's largest delay; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const MODES: readonly ValidationMode[] = ['off', 'warn', 'strict'];
const consoleLogger: Logger = { warn: (msg, meta) => console.warn(msg, meta) };

/**
 * Creates a client. Options are checked here: a bad option throws {@link InvalidInputError}.
 *
 * @example
 * const client = createInteractionsClient({ auth: { username: key, password: secret }, region: 'eu-west-1' });
 * const page = await client.listInteractions({ tenantId, contactId, limit: 50 });
 */
export function createInteractionsClient(options: ClientOptions): InteractionsClient {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError('options', typeof options, 'must be an object');
  const { authorization, secrets } = authHeader(options.auth);
  const redact = createRedactor(secrets);
  const baseUrl = resolveBaseUrl(options);
  const timeoutMs = positive('timeoutMs', options.timeoutMs, DEFAULTS.timeoutMs);
  const deadlineMs = positive('deadlineMs', options.deadlineMs, DEFAULTS.deadlineMs);
  const maxRetryAfterMs = nonNegative('maxRetryAfterMs', options.maxRetryAfterMs, DEFAULTS.maxRetryAfterMs);
  const maxRetries = options.maxRetries ?? DEFAULTS.maxRetries;
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) throw new InvalidInputError('maxRetries', maxRetries, 'must be an integer ≥ 0');
  const mode = options.validate ?? 'strict';
  if (!MODES.includes(mode)) throw new InvalidInputError('validate', mode, `must be one of ${MODES.join(', ')}`);
  if (options.logger !== undefined && typeof options.logger?.warn !== 'function') {
    throw new InvalidInputError('logger', typeof options.logger, 'must have a warn(msg, meta) method');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new InvalidInputError('fetch', typeof fetchImpl, 'must be a function');
  const logger = options.logger ?? consoleLogger;
  const safeLogger: Logger = {
    ...(logger.debug ? { debug: (msg, meta) => logger.debug?.(redact(msg), redact(meta)) } : {}),
    warn: (msg, meta) => logger.warn(redact(msg), redact(meta)),
  };

  const api = createClient<paths>({
    baseUrl,
    headers: { Authorization: authorization, Accept: 'application/json' },
    fetch: createRetryingFetch({
      fetch: (request, init) => fetchImpl(request, init), timeoutMs, deadlineMs, maxRetries, maxRetryAfterMs, redact, logger: safeLogger,
    }),
  });

  async function getPage(params: CheckedParams, signal: AbortSignal | undefined) {
    const { tenantId, contactId, limit, page } = params;
    const query: { limit?: number; page?: number } = {};
    if (limit !== undefined) query.limit = limit;
    if (page !== undefined) query.page = page;
    // The retrying fetch has already read the body (under the attempt timeout): 'stream' keeps
    // openapi-fetch from reading it again, and the text comes from takeBodyText(). The Request it
    // builds gets its own signal: undici removes the listener it adds to that signal only at GC, so
    // the caller's (long-lived) signal gets a listener that is removed as soon as this call ends.
    const request = new AbortController();
    const unlink = linkSignal(request, signal);
    const { error, response } = await api
      .GET(spec.path, { params: { path: { tenantId, contactId }, query }, parseAs: 'stream', signal: request.signal })
      .finally(unlink);
    if (!response.ok) {
      const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'set-cookie'));
      throw createApiError(response.status, redact(response.statusText), redact(error ?? ''), redact(headers));
    }
    const body = parseJson(response, takeBodyText(response) ?? '', redact);
    return { data: checkPage(body, mode, safeLogger, limit), response };
  }

  // async: a bad parameter rejects the returned promise rather than throwing.
  async function listInteractionsWithResponse(params: ListParams, options?: RequestOptions) {
    return getPage(checkParams(params), checkSignal(options?.signal));
  }

  function walk(params: IterateParams) {
    const { tenantId, contactId, ...walk } = checkIterateParams(params);
    const fetchPage = (page: number, limit: number, s: AbortSignal) => getPage({ tenantId, contactId, limit, page }, s).then((r) => r.data);
    return walkPages(fetchPage, { ...walk, order: mode, logger: safeLogger });
  }

  return {
    listInteractionsWithResponse,
    listInteractions: async (params, options) => (await listInteractionsWithResponse(params, options)).data,
    iteratePages: (params) => walk(params),
    iterateInteractions: (params) => walkItems(walk(params), params.signal),
  };
}

function parseJson(response: Response, text: string, redact: Redactor): unknown {
  const type = response.headers.get('content-type');
  const fail = (problem: string): never => {
    throw new InvalidResponseError(response.status, problem, problem === EMPTY ? '' : snippet(redact(text), 120));
  };
  if (type !== null && !/[/+]json\b/i.test(type)) {
    if (!text.trim()) fail(EMPTY);
    fail(`the content-type is ${JSON.stringify(type)}, not JSON`);
  }
  try {
    return JSON.parse(text);
  } catch {
    return fail(text.trim() ? 'the body is not valid JSON (malformed or truncated)' : EMPTY);
  }
}

const EMPTY = 'the body is empty';

function authHeader(auth: unknown): { authorization: string; secrets: string[] } {
  const fail = (param: string, problem: string): never => {
    throw new InvalidInputError(param, '[redacted]', problem);
  };
  if (typeof auth !== 'object' || auth === null) return fail('auth', 'must be { username, password } or { token }');
  const a = auth as Record<string, unknown>;
  if ('token' in a) {
    if ('username' in a || 'password' in a) fail('auth', 'give either { token } or { username, password }, not both');
    const token = a['token'];
    // A header value with other characters would make fetch throw an error that quotes it.
    if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) return fail('auth.token', 'must be a non-empty string of visible ASCII');
    return { authorization: `Token ${token}`, secrets: [token, `Token ${token}`] };
  }
  const { username, password } = a;
  if (typeof username !== 'string' || !username || username.includes(':') || /[\x00-\x1f\x7f]/.test(username)) {
    return fail('auth.username', 'must be a non-empty API key without ":" or control characters');
  }
  if (typeof password !== 'string' || !password) return fail('auth.password', 'must be a non-empty string');
  const encoded = btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)));
  return { authorization: `Basic ${encoded}`, secrets: [password, encoded] };
}

function resolveBaseUrl(options: ClientOptions): string {
  const region = options.region ?? defaultRegion;
  if (!Object.hasOwn(spec.regions, region)) {
    throw new InvalidInputError('region', region, `must be one of ${Object.keys(spec.regions).join(', ')}`);
  }
  if (options.baseUrl === undefined) return spec.regions[region];
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new InvalidInputError('baseUrl', withoutCredentials(options.baseUrl), 'must be an absolute http(s) URL');
  }
  if (url.username || url.password) {
    throw new InvalidInputError('baseUrl', `${url.protocol}//[redacted]@${url.host}${url.pathname}`, 'must not hold credentials; use auth');
  }
  const shown = withoutCredentials(options.baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidInputError('baseUrl', shown, 'must be an http(s) URL');
  if (url.search || url.hash) throw new InvalidInputError('baseUrl', shown, 'must not have a query or fragment');
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && options.allowInsecureHttp !== true) {
    throw new InvalidInputError('baseUrl', shown, 'http:// is refused for a non-loopback host; use https, or set allowInsecureHttp: true');
  }
  return `${url.origin}${url.pathname.replace(/\/{2,}/g, '/').replace(/\/$/, '')}`;
}

/**
 * The base URL as it may be echoed in an error: any `user:pass@` before the host is replaced, even in a
 * string the URL parser refused (or read as a scheme, as in `key:secret@host`).
 */
function withoutCredentials(baseUrl: unknown): unknown {
  return typeof baseUrl === 'string' ? baseUrl.replace(/^([a-z][a-z\d+.-]*:[/\\]+|[/\\]*)[^/\\?#]*@/i, '$1[redacted]@') : baseUrl;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function positive(param: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_TIMER_MS)) throw new InvalidInputError(param, value, `must be a number in (0, ${MAX_TIMER_MS}]`);
  return value;
}

function nonNegative(param: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new InvalidInputError(param, value, 'must be a finite number ≥ 0');
  return value;
}
