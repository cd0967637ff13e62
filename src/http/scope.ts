/**
 * A walk or a contact's sync, as whoever observes the SDK's calls sees it (`observe.ts`): the calls made
 * for it are its children (a call's `parent`) and count toward its requests and 429s; `add` counts what it
 * handed over. A leaf module: the options, the loop and the jobs name it without importing the observer.
 */
export interface Scope {
  add(count: string, n: number): void;
}

/** The key under which the SDK's jobs give a call's `parent` in its (otherwise public) call options. */
export const PARENT: unique symbol = Symbol('cxengage.parent');
