/**
 * The options every request is sent with, resolved once: every default applied, every value checked (a
 * bad one throws {@link InvalidInputError} before anything is sent), the credentials checked
 * (`auth/resolve-auth.ts`), the base URL chosen from the spec's regions or checked against the loopback
 * rule, the User-Agent built, and the logger wrapped so that it only ever sees redacted text. A client's
 * options and the contract checks' connection options both come through here; the same checks serve a
 * derived client ({@link deriveOptions}) and a single call ({@link resolveCall}). Nothing else reads raw
 * options.
 */
import { pkg } from '../../generated/package.js';
import { defaultRegion as specDefaultRegion, regions as specRegions } from '../../generated/spec.js';
import { createRedaction, type Redaction } from '../auth/redaction.js';
import { type ResolvedAuth, resolveAuth } from '../auth/resolve-auth.js';
import { REDACTED } from '../auth/secrets.js';
import { InvalidInputError } from '../errors.js';
import { checked, checkSignal, count, oneOf, type Rule, TIMER } from '../validation/params.js';
import { checkLogLevel, leveledLogger } from './log.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './read-body.js';
import { PARENT, type Scope } from './scope.js';
import type {
  ClientOptions,
  DerivedClientOptions,
  Logger,
  LogLevel,
  Region,
  RequestOptions,
  TracingOptions,
  ValidationMode,
} from './types.js';

/** The regions' base URLs, read from the spec. */
export const regions: Record<Region, string> = specRegions;
/** The region used when neither `region` nor `baseUrl` is given: the spec's first server. */
export const defaultRegion: Region = specDefaultRegion;

/** What a derived client may change (see `withOptions`), resolved. */
export interface Behaviour {
  timeoutMs: number;
  deadlineMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  validate: ValidationMode;
  /** The caller's logger (or the default), behind redaction, with only the levels logged (`http/log.ts`). */
  logger: Logger;
  /** The logger and the level as given (undefined: not given), for a derived client to change one of them. */
  logSink?: Logger | undefined;
  logLevel?: LogLevel | undefined;
  /** The `User-Agent` header value, or undefined where the platform forbids it (browsers). */
  userAgent: string | undefined;
}

/** Options with every default applied and every value checked. */
export interface ResolvedOptions extends Behaviour {
  baseUrl: string;
  auth: ResolvedAuth;
  /** The secrets, and the one way to the redactor: whatever is shown from a request, a response or an error goes through it. */
  redaction: Redaction;
  fetch: typeof fetch;
  /** The most bytes of one response body (after decompression) that are read. */
  maxResponseBytes: number;
  /** OpenTelemetry: off, the global tracer provider (`true`), or the given one. */
  tracing: TracingOptions;
}

/** One call's settings: the client's, overridden by the call's own options. */
export interface CallSettings {
  timeoutMs: number;
  deadlineMs: number;
  maxRetries: number;
  validate: ValidationMode;
  signal: AbortSignal | undefined;
  /** The walk or contact sync this call belongs to (see `observe.ts`). */
  parent?: Scope | undefined;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  deadlineMs: 120_000,
  maxRetries: 3,
  maxRetryAfterMs: 60_000,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
} as const;
const MODES: readonly ValidationMode[] = ['off', 'warn', 'strict'];
/** The numbers and the mode a client, a derived client or a call may set, each with its one rule. */
const RULES = {
  timeoutMs: TIMER,
  deadlineMs: TIMER,
  maxRetries: count(0),
  maxRetryAfterMs: [(v) => Number.isFinite(v) && v >= 0, 'must be a finite number ≥ 0'],
  validate: oneOf(MODES),
} satisfies Partial<Record<keyof Behaviour, Rule>>;
/** What a call may set besides its signal: the client's rules, key by key. */
const CALL_TUNABLE = ['timeoutMs', 'deadlineMs', 'maxRetries', 'validate'] as const;

/** Checks `options` and applies the defaults. Throws {@link InvalidInputError} naming the first bad option. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError('options', typeof options, 'must be an object');
  }
  const { auth, secrets } = resolveAuth(options.auth);
  const redaction = createRedaction(secrets);
  const given = options.fetch ?? globalThis.fetch;
  if (typeof given !== 'function') throw new InvalidInputError('fetch', typeof given, 'must be a function');
  // The global one is looked up at each request: a mock installed after the client was made (MSW) is used.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const userAgent = sdkUserAgent();
  const defaults: Defaults = { ...DEFAULTS, validate: 'strict', userAgent };
  return {
    baseUrl: resolveBaseUrl(options),
    auth,
    redaction,
    fetch: fetchImpl,
    maxResponseBytes: checked(
      'maxResponseBytes',
      options.maxResponseBytes,
      count(1, ' (bytes)'),
      DEFAULTS.maxResponseBytes,
    ),
    // On by default where Node.js runs (where a User-Agent is sent), not in browsers.
    tracing: checkTracing(options.tracing ?? userAgent !== undefined),
    ...resolveBehaviour(options, defaults, redaction),
  };
}

const DERIVED_KEYS: ReadonlySet<string> = new Set(
  Object.keys({
    timeoutMs: true,
    deadlineMs: true,
    maxRetries: true,
    maxRetryAfterMs: true,
    validate: true,
    logger: true,
    logLevel: true,
    userAgent: true,
  } satisfies Record<keyof DerivedClientOptions, true>),
);

/**
 * The options of a client derived with `withOptions`: `base` with the given behaviour changed. Where a
 * call goes and who makes it stay as they are, so the derived client can share the token cache.
 */
export function deriveOptions(base: ResolvedOptions, options: DerivedClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError('options', typeof options, 'must be an object');
  }
  const fixed = Object.keys(options).find((key) => !DERIVED_KEYS.has(key));
  if (fixed !== undefined) {
    const problem = `cannot be changed by withOptions (only ${[...DERIVED_KEYS].join(', ')}); create another client`;
    throw new InvalidInputError(fixed, fixed === 'auth' ? REDACTED : typeof options[fixed as never], problem);
  }
  return { ...base, ...resolveBehaviour(options, base, base.redaction) };
}

const CALL_KEYS: ReadonlySet<string> = new Set(
  Object.keys({
    signal: true,
    timeoutMs: true,
    deadlineMs: true,
    maxRetries: true,
    validate: true,
  } satisfies Record<keyof RequestOptions, true>),
);

/**
 * One call's settings: `base`'s, overridden by the call's `options` (checked as the client's are, so a bad
 * one throws {@link InvalidInputError} before anything is sent; an unknown key too).
 */
export function resolveCall(base: Behaviour, options: unknown): CallSettings {
  const o = checkCallOptions(options);
  return {
    timeoutMs: o.timeoutMs ?? base.timeoutMs,
    deadlineMs: o.deadlineMs ?? base.deadlineMs,
    maxRetries: o.maxRetries ?? base.maxRetries,
    validate: o.validate ?? base.validate,
    signal: o.signal,
    // Set only by the SDK's own jobs, under a symbol key that no unknown-key check sees.
    parent: (o as { [PARENT]?: Scope })[PARENT],
  };
}

/** Checks a call's own options (each as the client's option of the same name); undefined means not set. */
export function checkCallOptions(options: unknown): RequestOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError('options', typeof options, 'must be an object');
  }
  const o = options as RequestOptions;
  const unknown = Object.keys(o).find((key) => !CALL_KEYS.has(key));
  if (unknown !== undefined) throw new InvalidInputError(unknown, typeof o[unknown as never], 'is not a call option');
  for (const key of CALL_TUNABLE) checked(key, o[key], RULES[key]);
  checkSignal(o.signal);
  return o;
}

/** What a client's behaviour is resolved over: the defaults, or the client a derived client is made from. */
type Defaults = Omit<Behaviour, 'logger'>;

function resolveBehaviour(options: DerivedClientOptions, base: Defaults, redaction: Redaction): Behaviour {
  if (options.logger !== undefined && typeof options.logger?.warn !== 'function') {
    throw new InvalidInputError('logger', typeof options.logger, 'must have a warn(msg, meta) method');
  }
  const logSink = options.logger ?? base.logSink;
  const logLevel = checkLogLevel(options.logLevel) ?? base.logLevel;
  const behaviour: Record<string, unknown> = {
    logger: leveledLogger(logSink, logLevel, redaction),
    logSink,
    logLevel,
    userAgent: options.userAgent === undefined ? base.userAgent : withProduct(options.userAgent),
  };
  for (const key of Object.keys(RULES) as (keyof typeof RULES)[]) {
    behaviour[key] = checked(key, options[key], RULES[key], base[key]);
  }
  return behaviour as unknown as Behaviour;
}

/**
 * `cxengage-interactions/<version> (node <version>)` where the platform lets a request set `User-Agent`
 * (Node.js, and runtimes that present themselves as it); undefined in browsers, which forbid the header.
 */
export function sdkUserAgent(): string | undefined {
  const node = (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node;
  return typeof node === 'string' ? `${pkg.name}/${pkg.version} (node ${node})` : undefined;
}

function withProduct(product: unknown): string | undefined {
  if (typeof product !== 'string' || !/^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$/.test(product)) {
    throw new InvalidInputError('userAgent', product, 'must be visible ASCII, e.g. "my-sync/1.2"');
  }
  const sdk = sdkUserAgent();
  return sdk === undefined ? undefined : `${sdk} ${product.trim()}`;
}

function checkTracing(value: unknown): TracingOptions {
  if (
    typeof value !== 'boolean' &&
    typeof (value as TracingOptions & object)?.tracerProvider?.getTracer !== 'function'
  ) {
    throw new InvalidInputError('tracing', typeof value, 'must be a boolean or { tracerProvider } (OpenTelemetry)');
  }
  return value as TracingOptions;
}

function resolveBaseUrl(options: ClientOptions): string {
  const region = options.region ?? defaultRegion;
  if (!Object.hasOwn(regions, region)) {
    throw new InvalidInputError('region', region, `must be one of ${Object.keys(regions).join(', ')}`);
  }
  if (options.baseUrl === undefined) return regions[region];
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
