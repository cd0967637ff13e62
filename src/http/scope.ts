/**
 * A walk or a contact's sync, as whoever observes the SDK's calls sees it (`instrument.ts`): the calls made
 * for it are its children (a call's `parent`) and count toward its requests and 429s; `add` counts what it
 * handed over. A leaf module: the options, the loop and the jobs name it without importing the observer.
 */
export interface Scope {
  add(count: string, n: number): void;
}

/**
 * Runs `run`'s items inside a scope (a span, an `info` line at its end), `count` tallying each, when the
 * scope would be reported (a recording tracer, or a logger at `info`); else just runs them.
 */
export type Scoped = <T>(
  kind: 'walk' | 'sync',
  attributes: Record<string, string>,
  run: (scope?: Scope) => AsyncGenerator<T, void, undefined>,
  count: (item: T, scope: Scope) => void,
) => AsyncGenerator<T, void, undefined>;

/** The key under which the SDK's jobs give a call's `parent` in its (otherwise public) call options. */
export const PARENT: unique symbol = Symbol('cxengage.parent');
