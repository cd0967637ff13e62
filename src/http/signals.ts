/**
 * Small AbortSignal helpers shared by the request loop, the page walk and the jobs, and what an abort
 * becomes ({@link abortedError}). Each one removes what it adds: a listener left on a caller's
 * long-lived signal is a leak (and a MaxListenersExceededWarning). Those only some paths need are apart,
 * so that a bundle loads them with those paths: the waits (`waits.ts`: a retry's backoff, a token
 * awaited) and the fan-out of one signal to many requests (`fan-out.ts`: the walk, the export).
 */
import { AbortedError, CxEngageError } from '../errors.js';

/** Aborts `controller` when `signal` aborts, with the same reason. Returns the unlink function. */
export function linkSignal(controller: Pick<AbortController, 'abort'>, signal: AbortSignal | undefined): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** An AbortController that can also cut short the promise it races, see {@link abortRace}. */
export interface AbortRace {
  readonly signal: AbortSignal;
  abort(reason: unknown): void;
  /** Settles like `promise`, or rejects with the reason as soon as `abort` is called. */
  race<T>(promise: Promise<T>): Promise<T>;
}

/**
 * Like {@link abortable} over a controller's own signal, for code that aborts only through this
 * object: `abort` rejects the race directly, with no listener to add and remove on every attempt.
 */
export function abortRace(): AbortRace {
  const controller = new AbortController();
  let stop: (reason: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => {}); // aborted after the race settled, or never raced
  return {
    signal: controller.signal,
    abort(reason) {
      stop(reason);
      controller.abort(reason);
    },
    race: (promise) => Promise.race([promise, stopped]),
  };
}

/**
 * `source`, except that a rejection with the caller signal's own `reason` (however the walk let it
 * through) becomes the typed error `abortedError` makes of it. Ending early (`break`) still reaches
 * `source`'s `finally`. `source` may be a function giving the generator: it is called on the first
 * `next()` (so code the walk needs can be loaded then, and a walk never started loads nothing).
 */
export async function* typedAborts<T>(
  source: AsyncGenerator<T, void, undefined> | (() => Promise<AsyncGenerator<T, void, undefined>>),
  signal: AbortSignal | undefined,
): AsyncGenerator<T, void, undefined> {
  try {
    yield* typeof source === 'function' ? await source() : source;
  } catch (error) {
    throw signal?.aborted && error === signal.reason ? abortedError(error) : error;
  }
}

/**
 * What a call rejects with when the caller's signal aborted with `reason`: an SDK error as itself (a
 * walk's own deadline, say), anything else wrapped in {@link AbortedError}.
 */
export function abortedError(reason: unknown): CxEngageError {
  return reason instanceof CxEngageError ? reason : new AbortedError(reason);
}
