/**
 * One signal fanned out to many requests: a walk or an export can have more requests in flight than the
 * ten listeners on one signal after which Node warns of a leak. Apart from `signals.ts` because only
 * they need it: a bundle loads it with them.
 */

/** A signal handed out by {@link fanOut}; `release` when its work is done. */
export interface Branch {
  readonly signal: AbortSignal;
  release(): void;
}

/**
 * Hands out signals that abort when `parent` does, through one listener on `parent` however many are
 * out: a walk or an export can have more requests in flight than the ten listeners on one signal after
 * which Node warns of a leak. For a signal its owner aborts when done (the listener goes with the abort).
 */
export function fanOut(parent: AbortSignal): { branch(): Branch } {
  const out = new Set<AbortController>();
  parent.addEventListener(
    'abort',
    () => {
      for (const controller of out) controller.abort(parent.reason);
    },
    { once: true },
  );
  return {
    branch() {
      const controller = new AbortController();
      if (parent.aborted) controller.abort(parent.reason);
      else out.add(controller);
      return { signal: controller.signal, release: () => out.delete(controller) };
    },
  };
}
