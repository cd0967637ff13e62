/**
 * Whether a pipeline's requests are observed: the little of tracing and request logging that every
 * client carries. When tracing is on or the logger logs at `info` or `debug`, a pipeline's first call
 * looks for OpenTelemetry's API and, when something will take what is reported (the API found, or a
 * verbose logger), loads the observer (`instrument.ts`: spans and log lines), and waits for it; every
 * call and attempt is observed from then on. Otherwise a pipeline's send is the loop's, as it is.
 * `@opentelemetry/api` is an optional peer: looked for once per process, by a name in a variable, so that
 * a bundler leaves it out rather than failing to find it where it is not installed.
 */
import { lazy } from '../common/lazy.js';
import type { Observed } from './instrument.js';
import type { ResolvedOptions } from './options.js';
import type { AttemptHooks, RetryingFetch } from './retry.js';
import type { Scoped } from './scope.js';

/** A send, observed when tracing or verbose logs ask for it. */
export interface Watched {
  send: RetryingFetch;
  /** The scope a walk or a sync runs in (once the observer has loaded); absent when nothing observes. */
  scoped?: () => Promise<Scoped | undefined>;
}

const OPENTELEMETRY_API = '@opentelemetry/api';
/** `@opentelemetry/api`, or undefined when it cannot be loaded (not installed, or a browser without it). */
const loadOpenTelemetry = lazy(() =>
  import(/* webpackIgnore: true */ /* @vite-ignore */ OPENTELEMETRY_API).catch(() => undefined),
);

/** The observer's module, loaded once per process (a load that failed is tried again). */
const loadInstrument = lazy(() => import('./instrument.js'));

/**
 * The send `build` makes over `hooks`, observed when tracing or verbose logs ask for it. A load that
 * fails leaves the call unobserved rather than failed (the next call tries again).
 */
export function watched(
  resolved: ResolvedOptions,
  hooks: AttemptHooks,
  build: (hooks: AttemptHooks) => RetryingFetch,
): Watched {
  const plain = build(hooks);
  const { tracing, logger } = resolved;
  const verbose = logger.info || logger.debug;
  if (!tracing && !verbose) return { send: plain };
  const load = lazy(async (): Promise<Partial<Observed>> => {
    const api = tracing ? await loadOpenTelemetry() : undefined;
    return api || verbose ? (await loadInstrument()).observe(resolved, api as never, hooks, build) : {};
  });
  return {
    send: (input, call) =>
      load().then(
        ({ send = plain }) => send(input, call),
        () => plain(input, call),
      ),
    scoped: () =>
      load().then(
        ({ scoped }) => scoped,
        () => undefined,
      ),
  };
}
