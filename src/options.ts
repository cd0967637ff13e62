/**
 * Client options, resolved once: every default applied, every value checked (a bad one throws
 * {@link InvalidInputError} before anything is sent), the auth header built, the base URL chosen from
 * the spec's regions or checked against the loopback rule, and the logger wrapped so that it only ever
 * sees redacted text. `client.ts` wires what comes out of {@link resolveOptions}; nothing else reads
 * raw options.
 */
import { spec } from '../generated/spec.js';
import { InvalidInputError } from './errors.js';
import { createRedactor, REDACTED, type Redactor } from './redact.js';
import type { ClientOptions, Logger, Region, ValidationMode } from './types.js';

/** The regions' base URLs, read from the spec. */
export const regions: Record<Region, string> = spec.regions;
/** The region used when neither `region` nor `baseUrl` is given: the spec's first server. */
export const defaultRegion: Region = spec.defaultRegion;

/** Options with every default applied and every value checked. */
export interface ResolvedOptions {
  baseUrl: string;
  /** The `Authorization` header value. */
  authorization: string;
  redact: Redactor;
  fetch: typeof fetch;
  timeoutMs: number;
  deadlineMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  validate: ValidationMode;
  /** The caller's logger (or the default), behind redaction. */
  logger: Logger;
}

const DEFAULTS = { timeoutMs: 30_000, deadlineMs: 120_000, maxRetries: 3, maxRetryAfterMs: 60_000 } as const;
/** setTimeout's largest delay; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const MODES: readonly ValidationMode[] = ['off', 'warn', 'strict'];
const consoleLogger: Logger = { warn: (msg, meta) => console.warn(msg, meta) };

/** Checks `options` and applies the defaults. Throws {@link InvalidInputError} naming the first bad option. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError('options', typeof options, 'must be an object');
  }
  const { authorization, secrets } = authHeader(options.auth);
  const redact = createRedactor(secrets);
  const maxRetries = options.maxRetries ?? DEFAULTS.maxRetries;
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
    throw new InvalidInputError('maxRetries', maxRetries, 'must be an integer ≥ 0');
  }
  const validate = options.validate ?? 'strict';
  if (!MODES.includes(validate))
    throw new InvalidInputError('validate', validate, `must be one of ${MODES.join(', ')}`);
  if (options.logger !== undefined && typeof options.logger?.warn !== 'function') {
    throw new InvalidInputError('logger', typeof options.logger, 'must have a warn(msg, meta) method');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new InvalidInputError('fetch', typeof fetchImpl, 'must be a function');
  return {
    baseUrl: resolveBaseUrl(options),
    authorization,
    redact,
    fetch: fetchImpl,
    timeoutMs: positive('timeoutMs', options.timeoutMs, DEFAULTS.timeoutMs),
    deadlineMs: positive('deadlineMs', options.deadlineMs, DEFAULTS.deadlineMs),
    maxRetries,
    maxRetryAfterMs: nonNegative('maxRetryAfterMs', options.maxRetryAfterMs, DEFAULTS.maxRetryAfterMs),
    validate,
    logger: redactedLogger(options.logger ?? consoleLogger, redact),
  };
}

function redactedLogger(logger: Logger, redact: Redactor): Logger {
  return {
    ...(logger.debug ? { debug: (msg, meta) => logger.debug?.(redact(msg), redact(meta)) } : {}),
    warn: (msg, meta) => logger.warn(redact(msg), redact(meta)),
  };
}

function authHeader(auth: unknown): { authorization: string; secrets: string[] } {
  const fail = (param: string, problem: string): never => {
    throw new InvalidInputError(param, REDACTED, problem);
  };
  if (typeof auth !== 'object' || auth === null) return fail('auth', 'must be { username, password } or { token }');
  const a = auth as Record<string, unknown>;
  if ('token' in a) {
    if ('username' in a || 'password' in a) fail('auth', 'give either { token } or { username, password }, not both');
    const token = a['token'];
    // A header value with other characters would make fetch throw an error that quotes it.
    if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
      return fail('auth.token', 'must be a non-empty string of visible ASCII');
    }
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
    const shown = `${url.protocol}//${REDACTED}@${url.host}${url.pathname}`;
    throw new InvalidInputError('baseUrl', shown, 'must not hold credentials; use auth');
  }
  const shown = withoutCredentials(options.baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidInputError('baseUrl', shown, 'must be an http(s) URL');
  }
  if (url.search || url.hash) throw new InvalidInputError('baseUrl', shown, 'must not have a query or fragment');
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && options.allowInsecureHttp !== true) {
    const problem = 'http:// is refused for a non-loopback host; use https, or set allowInsecureHttp: true';
    throw new InvalidInputError('baseUrl', shown, problem);
  }
  return `${url.origin}${url.pathname.replace(/\/{2,}/g, '/').replace(/\/$/, '')}`;
}

/**
 * The base URL as it may be echoed in an error: any `user:pass@` before the host is replaced, even in a
 * string the URL parser refused (or read as a scheme, as in `key:secret@host`).
 */
function withoutCredentials(baseUrl: unknown): unknown {
  if (typeof baseUrl !== 'string') return baseUrl;
  return baseUrl.replace(/^([a-z][a-z\d+.-]*:[/\\]+|[/\\]*)[^/\\?#]*@/i, `$1${REDACTED}@`);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function positive(param: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_TIMER_MS)) {
    throw new InvalidInputError(param, value, `must be a number in (0, ${MAX_TIMER_MS}]`);
  }
  return value;
}

function nonNegative(param: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError(param, value, 'must be a finite number ≥ 0');
  }
  return value;
}
