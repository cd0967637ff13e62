/**
 * Waiting that a signal cuts short: a retry's backoff ({@link sleep}) and a token that one attempt awaits
 * while others may go on waiting for it ({@link abortable}). Apart from `signals.ts` because only a failed
 * attempt and the credentials that get a token at runtime need them: a bundle loads them with those. Each
 * removes the listener it adds.
 */

/** Resolves with `promise`, or rejects with the signal's reason as soon as it aborts. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Waits `ms`, or rejects with the signal's reason if it aborts first. The timer is always cleared. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return signal ? abortable(wait, signal).finally(() => clearTimeout(timer)) : wait;
}
