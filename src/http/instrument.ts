/**
 * What the SDK reports of its requests, loaded on demand (`observe.ts` decides when). OpenTelemetry spans
 * after the HTTP client semantic conventions: one `INTERNAL` span per call and a `CLIENT` child per
 * attempt, named `{method} {url.template}` (the spec's path template under the base URL, never the ids),
 * with `http.request.method`, `url.template`, `url.full` (credential-free), `server.address`,
 * `server.port`, `http.response.status_code`, `error.type`, and on a resend `http.request.resend_count`;
 * the attempt's context goes onto its request as `traceparent` (through whatever propagator the
 * application registered), so a caller's own `fetch` sends it too. A walk or a contact's sync is a scope:
 * its own span, parent of its calls, with its counts and its requests answered 429. The log lines ride on
 * the same events: `debug` one per attempt, `info` a call that needed retries and the end of a scope.
 * Nothing here carries a body, a header or a secret: every text passes the client's redactor.
 */
import type * as OpenTelemetry from '@opentelemetry/api';
import { routes } from '../../generated/routes.js';
import type { Redactor } from '../auth/redact.js';
import type { ResolvedOptions } from './options.js';
import type { AttemptHooks, CallLimits, RetryingFetch } from './retry.js';
import type { Scope, Scoped } from './scope.js';
import type { Logger } from './types.js';
import { pkg } from './up-front.js';

type Api = typeof OpenTelemetry;
type Attributes = Record<string, string | number>;

/** A request's route: the span name, and the attributes every span of the call shares. */
interface Route {
  name: string;
  template: string | undefined;
  attributes: Attributes;
}

interface Attempt {
  span: OpenTelemetry.Span | undefined;
  /** 1 for the first attempt of the call (the log's numbering; the resend count is one less). */
  number: number;
  startedAt: number;
}

interface Call {
  route: Route;
  span: OpenTelemetry.Span | undefined;
  context: OpenTelemetry.Context | undefined;
  parent: ObservedScope | undefined;
  attempts: number;
  current: Attempt | undefined;
  startedAt: number;
}

/** Query parameters whose value may be a credential: `url.full` shows `REDACTED` instead. */
const SENSITIVE_QUERY = /token|secret|passw|signature|^sig$|key|auth|credential|session/i;
/** The value the semantic conventions use in `url.full` for what was removed. */
const REMOVED = 'REDACTED';

const headerSetter: OpenTelemetry.TextMapSetter<Headers> = { set: (headers, key, value) => headers.set(key, value) };

/** The spec's operations as patterns of a path relative to the base URL, each with its template. */
const operations = routes.map(({ method, path }) => ({
  method: method.toUpperCase(),
  path,
  pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** `url` without credentials: no user info, and the value of a query parameter that may hold one removed. */
export function safeUrl(url: URL, redact: Redactor): string {
  const safe = new URL(url.href);
  if (safe.username || safe.password) {
    safe.username = REMOVED;
    safe.password = REMOVED;
  }
  for (const name of new Set(safe.searchParams.keys())) {
    if (SENSITIVE_QUERY.test(name)) safe.searchParams.set(name, REMOVED);
  }
  return redact(safe.href);
}

const errorType = (error: unknown) =>
  error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
    ? String((error as { name: unknown }).name)
    : '_OTHER';

class ObservedScope implements Scope {
  readonly counts: Record<string, number> = {};
  requests = 0;
  throttled = 0;
  #ended = false;

  constructor(
    readonly kind: 'walk' | 'sync',
    readonly attributes: Attributes,
    readonly span: OpenTelemetry.Span | undefined,
    readonly context: OpenTelemetry.Context | undefined,
    readonly logger: Logger,
    readonly api: Api | undefined,
  ) {}

  add(count: string, n: number): void {
    this.counts[count] = (this.counts[count] ?? 0) + n;
  }

  end(error?: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    const counts: Attributes = { ...this.counts, requests: this.requests, throttled: this.throttled };
    const prefixed = Object.fromEntries(Object.entries(counts).map(([k, v]) => [`cxengage.${this.kind}.${k}`, v]));
    const failed = error === undefined ? {} : { 'error.type': errorType(error) };
    this.span?.setAttributes({ ...prefixed, ...failed });
    if (error !== undefined && this.api) this.span?.setStatus({ code: this.api.SpanStatusCode.ERROR });
    this.span?.end();
    const contact = this.attributes['cxengage.contact.id'];
    const tally = Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    this.logger.info?.(
      `cxengage: ${this.kind} of contact ${contact} ${error === undefined ? 'ended' : `failed (${errorType(error)})`}: ${tally}`,
      { ...this.attributes, ...prefixed, ...failed },
    );
  }
}

/** What observes a pipeline's calls (see `observe.ts`). */
export interface Observer {
  /** Sends one call through `send`, observed (a span, and log lines), with its attempts. */
  call(input: Request, call: Partial<CallLimits> | undefined, send: RetryingFetch): Promise<Response>;
  /** An attempt of a call is about to be sent (its waits are over): starts its span, sets `traceparent`. */
  attempt(request: Request): void;
  /** The attempt ended with an answer (`status`) or an error. */
  attempted(request: Request, outcome: { status?: number; error?: unknown }): void;
  /** `run`'s items, inside a scope when it would be reported now (a recording tracer, or a logger at `info`). */
  scoped: Scoped;
}

/** What the global provider delegates to until an SDK registers one (one per copy of the API). */
const noops = new WeakMap<Api, unknown>();
function noopProvider(api: Api): unknown {
  if (!noops.has(api)) noops.set(api, new api.ProxyTracerProvider().getDelegate());
  return noops.get(api);
}

/** A pipeline's send, observed, and the scope its walks and syncs run in. */
export interface Observed {
  send: RetryingFetch;
  scoped: Scoped;
}

/**
 * The send `build` makes over `hooks`, observed (see `observe.ts`, which decides when): each call, and each
 * of its attempts once the attempt's own waits (`hooks.before`) are over.
 */
export async function observe(
  resolved: ResolvedOptions,
  api: Api | undefined,
  hooks: AttemptHooks,
  build: (hooks: AttemptHooks) => RetryingFetch,
): Promise<Observed> {
  const observer = createObserver(resolved, api, await resolved.redaction.redactor());
  const { before, after } = hooks;
  const send = build({
    before(request, signal) {
      const waiting = before?.(request, signal);
      if (waiting) return waiting.then(() => observer.attempt(request));
      observer.attempt(request);
    },
    after(outcome, request) {
      after?.(outcome, request);
      observer.attempted(request, outcome);
    },
  });
  return { send: (input, call) => observer.call(input, call, send), scoped: observer.scoped };
}

/** The observer of one pipeline, over `api` when OpenTelemetry is there (else log lines only). */
function createObserver(resolved: ResolvedOptions, api: Api | undefined, redact: Redactor): Observer {
  const { logger, tracing } = resolved;
  const tracer: OpenTelemetry.Tracer | undefined =
    api && tracing
      ? ((tracing === true ? api.trace : tracing.tracerProvider).getTracer(
          pkg.name,
          pkg.version,
        ) as OpenTelemetry.Tracer)
      : undefined;
  // The global provider is a proxy: until an OpenTelemetry SDK registers one, its tracer records nothing,
  // and a call is not worth a span (nor, unless logged, observing). Asked per call: an SDK registered
  // later is used from then on.
  const noop = api && noopProvider(api);
  const live = () =>
    tracer !== undefined &&
    (tracing !== true || (api!.trace.getTracerProvider() as { getDelegate?(): unknown }).getDelegate?.() !== noop);
  const verbose = logger.info !== undefined || logger.debug !== undefined;
  const base = new URL(resolved.baseUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  const calls = new WeakMap<Request, Call>();
  const now = () => performance.now();

  const routeOf = (request: Request): Route => {
    const url = new URL(request.url);
    const relative =
      url.origin === base.origin && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : '';
    const operation = operations.find((op) => op.method === request.method && op.pattern.test(relative));
    const template = operation && `${basePath}${operation.path}`;
    const attributes: Attributes = {
      'http.request.method': request.method,
      'server.address': url.hostname,
      'server.port': Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
      ...(template ? { 'url.template': template } : {}),
    };
    return { name: template ? `${request.method} ${template}` : request.method, template, attributes };
  };

  const startSpan = (
    traced: boolean,
    name: string,
    kind: 'INTERNAL' | 'CLIENT',
    attributes: () => Attributes,
    context: OpenTelemetry.Context | undefined,
  ) => (traced ? tracer!.startSpan(name, { kind: api!.SpanKind[kind], attributes: attributes() }, context) : undefined);

  /** Ends the call's open attempt: its span, its counts, its `debug` line. */
  const finishAttempt = (call: Call, outcome: { status?: number | undefined; error?: unknown }) => {
    const attempt = call.current;
    if (!attempt) return;
    call.current = undefined;
    const { status, error } = outcome;
    const failed = status === undefined ? errorType(error) : status >= 400 ? String(status) : undefined;
    if (attempt.span) {
      if (status !== undefined) attempt.span.setAttribute('http.response.status_code', status);
      if (failed) {
        attempt.span.setAttribute('error.type', failed);
        attempt.span.setStatus({ code: api!.SpanStatusCode.ERROR });
      }
      attempt.span.end();
    }
    if (call.parent) {
      call.parent.requests += 1;
      if (status === 429) call.parent.throttled += 1;
    }
    if (logger.debug) {
      const durationMs = Math.round(now() - attempt.startedAt);
      const what = status ?? failed;
      logger.debug(`cxengage: ${call.route.name} → ${what} in ${durationMs} ms (attempt ${attempt.number})`, {
        method: call.route.attributes['http.request.method'],
        urlTemplate: call.route.template,
        ...(status !== undefined ? { status } : { error: failed }),
        durationMs,
        attempt: attempt.number,
      });
    }
  };

  const finishCall = (input: Request, call: Call, response?: Response, error?: unknown) => {
    calls.delete(input);
    finishAttempt(call, response ? { status: response.status } : { error });
    const failed = response ? (response.status >= 400 ? String(response.status) : undefined) : errorType(error);
    if (call.span) {
      call.span.setAttribute('cxengage.attempts', call.attempts);
      if (response) call.span.setAttribute('http.response.status_code', response.status);
      if (failed) {
        call.span.setAttribute('error.type', failed);
        call.span.setStatus({ code: api!.SpanStatusCode.ERROR });
      }
      call.span.end();
    }
    if (call.attempts > 1) {
      const durationMs = Math.round(now() - call.startedAt);
      logger.info?.(
        `cxengage: ${call.route.name} → ${response?.status ?? failed} after ${call.attempts} attempts in ${durationMs} ms`,
        {
          urlTemplate: call.route.template,
          attempts: call.attempts,
          durationMs,
          ...(response ? { status: response.status } : { error: failed }),
        },
      );
    }
  };

  return {
    call(input, limits, send) {
      const parent = limits?.parent as ObservedScope | undefined;
      const traced = live();
      if (!traced && !verbose) return send(input, limits);
      const route = routeOf(input);
      const parentContext = parent?.context ?? api?.context.active();
      const span = startSpan(traced, route.name, 'INTERNAL', () => route.attributes, parentContext);
      const context = span && parentContext ? api!.trace.setSpan(parentContext, span) : parentContext;
      const call: Call = { route, span, context, parent, attempts: 0, current: undefined, startedAt: now() };
      calls.set(input, call);
      return send(input, limits).then(
        (response) => {
          finishCall(input, call, response);
          return response;
        },
        (error: unknown) => {
          finishCall(input, call, undefined, error);
          throw error;
        },
      );
    },

    attempt(request) {
      const call = calls.get(request);
      if (!call) return;
      if (call.current) finishAttempt(call, { error: { name: 'superseded' } }); // the loop closes each; never leak one
      call.attempts += 1;
      const resent = call.attempts - 1;
      const span = startSpan(
        call.span !== undefined,
        call.route.name,
        'CLIENT',
        () => ({
          ...call.route.attributes,
          'url.full': safeUrl(new URL(request.url), redact),
          ...(resent > 0 ? { 'http.request.resend_count': resent } : {}),
        }),
        call.context,
      );
      if (span) {
        api!.propagation.inject(
          api!.trace.setSpan(call.context ?? api!.context.active(), span),
          request.headers,
          headerSetter,
        );
      }
      call.current = { span, number: call.attempts, startedAt: now() };
    },

    attempted(request, outcome) {
      const call = calls.get(request);
      if (call) finishAttempt(call, outcome);
    },

    async *scoped(kind, attributes, run, count) {
      const traced = live();
      if (!traced && !verbose) return yield* run();
      const parentContext = api?.context.active();
      const span = startSpan(traced, `cxengage.${kind}`, 'INTERNAL', () => attributes, parentContext);
      const context = span && parentContext ? api!.trace.setSpan(parentContext, span) : parentContext;
      const scope = new ObservedScope(kind, attributes, span, context, logger, api);
      try {
        for await (const item of run(scope)) {
          count(item, scope);
          yield item;
        }
      } catch (error) {
        scope.end(error);
        throw error;
      } finally {
        scope.end(); // also when the consumer stops early (break): the scope ended, not failed
      }
    },
  };
}
