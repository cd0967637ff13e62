/**
 * Whether a pipeline's requests are observed, and the hooks through which they are: the little of
 * tracing and request logging that every client carries. What observes them (`instrument.ts`: spans and
 * log lines) is loaded on the first call that needs it, and only when something will take what it
 * reports: OpenTelemetry's API, found installed, or a logger at `info` or `debug`. Otherwise a call
 * costs one comparison, and nothing is loaded. `@opentelemetry/api` is an optional peer: looked for
 * once per process, by a name in a variable, so that a bundler leaves it out rather than failing
 * to find it where it is not installed.
 */
import type { ResolvedOptions } from './options.js';
import type { AttemptHooks, RetryingFetch } from './retry.js';

/** What observes a pipeline's calls and scopes: `instrument.ts`, loaded on demand. */
export type Observer = ReturnType<typeof import('./instrument.js').createObserver>;

/** A pipeline's observing: its calls and attempts wrapped, the observer loaded on first use. */
export interface Observing {
  /** The observer; undefined when there is nothing to report to after all (no OpenTelemetry, quiet logs). */
  load(): Promise<Observer | undefined>;
  calls(send: RetryingFetch): RetryingFetch;
  attempts(hooks: AttemptHooks): AttemptHooks;
}

const OPENTELEMETRY_API = '@opentelemetry/api';
let openTelemetry: Promise<unknown> | undefined;
/** `@opentelemetry/api`, or undefined when it cannot be loaded (not installed, or a browser without it). */
const loadOpenTelemetry = () =>
  (openTelemetry ??= import(/* webpackIgnore: true */ /* @vite-ignore */ OPENTELEMETRY_API).catch(() => undefined));

let instrument: Promise<typeof import('./instrument.js')> | undefined;
/** The observer's module, loaded once per process (a load that failed is tried again). */
const loadInstrument = () =>
  (instrument ??= import('./instrument.js').catch((error: unknown) => {
    instrument = undefined;
    throw error;
  }));

/** The observing of a pipeline over `resolved`, or undefined when neither tracing nor verbose logs are on. */
export function observing(resolved: ResolvedOptions): Observing | undefined {
  const { tracing, logger } = resolved;
  const verbose = logger.info !== undefined || logger.debug !== undefined;
  if (!tracing && !verbose) return undefined;
  let observer: Observer | undefined | null = null; // null: not loaded yet
  let loading: Promise<Observer | undefined> | undefined;
  const load = () =>
    (loading ??= (tracing ? loadOpenTelemetry() : Promise.resolve(undefined))
      .then(async (api) => {
        if (!api && !verbose) return undefined;
        const [{ createObserver }, redact] = await Promise.all([loadInstrument(), resolved.redaction.redactor()]);
        return createObserver(resolved, api as Parameters<typeof createObserver>[1], redact);
      })
      .then(
        (loaded) => (observer = loaded),
        (error: unknown) => {
          loading = undefined; // a chunk that failed to load is tried again by the next call
          throw error;
        },
      ));
  return {
    // For a walk's or a sync's scope: a failed load leaves it unobserved, as it does a call.
    load: () => load().catch(() => undefined),
    calls: (send) => (input, call) => {
      if (observer === undefined) return send(input, call);
      if (observer) return observer.call(input, call, send);
      // A failed load leaves this call unobserved rather than failed.
      return load().then(
        (loaded) => (loaded ? loaded.call(input, call, send) : send(input, call)),
        () => send(input, call),
      );
    },
    attempts: ({ before, after }) => ({
      before(request, signal) {
        const waiting = before?.(request, signal);
        if (waiting) return waiting.then(() => observer?.attempt(request));
        observer?.attempt(request);
      },
      after(outcome, request) {
        after?.(outcome, request);
        observer?.attempted(request, outcome);
      },
    }),
  };
}
