/**
 * One contact's interaction history, most recent first. A generated history is a window of indices of
 * the one generator (`interactionAt`) and costs no memory however long it is. What arrives in front of a
 * window without extending it (given interactions, live ones) is held in a short list before it, so the
 * window stays virtual; the history becomes one plain list only when something changes an interaction
 * of the window itself. An observer (the tenant's timeline) is told of every change to what the history
 * holds, so an index over many histories stays true without reading them.
 */
import type { Interaction } from '../types.js';
import { interactionAt, NEWEST_START, SLOT_MS, startMsAt } from './interactions.js';

/** Indices `first` … `first + count − 1` of the generator, most recent first. */
export interface Window {
  readonly first: number;
  readonly count: number;
}

/** Told of every change to what a history holds (see {@link ContactHistory.attach}). */
export interface HistoryObserver {
  /** These interactions are now held as objects (given, arrived, or taken out of the window). */
  added(items: readonly Interaction[]): void;
  /** These interactions, held as objects, are gone. */
  removed(items: readonly Interaction[]): void;
  /** The window is now `after` (undefined: none) instead of `before`. */
  windowChanged(before: Window | undefined, after: Window | undefined): void;
}

/** A run of a history's interactions that can be paged without being built: a count and a slice. */
export interface Run {
  readonly length: number;
  slice(start: number, end: number): Interaction[];
}

/** Instants as the tenant's listing compares them: an unreadable start sorts as the oldest. */
export const startMs = (item: Interaction): number => {
  const ms = Date.parse(item.startTimestamp);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
};

/** The list in front of a window that holds nothing yet, shared (never written) so a million contacts need no array each. */
const NOTHING: Interaction[] = [];

export class ContactHistory {
  /** What the generated window and arrivals are drawn from. @internal */
  readonly seed: string;
  /** While virtual: the interactions in front of the window (explicit), most recent first. */
  #head: Interaction[] = NOTHING;
  /** Once explicit: the whole history. */
  #items: Interaction[] | undefined;
  #window: Window | undefined;
  /** The lowest generator index handed out so far: arrivals take the indices below it. */
  #lowest = 0;
  /** While virtual: generator index by interaction id, for the window it was built for. */
  #ids: { first: number; count: number; index: Map<string, number> } | undefined;
  #observer: HistoryObserver | undefined;

  private constructor(seed: string, items: Interaction[] | undefined, count: number) {
    this.seed = seed;
    this.#items = items;
    this.#window = items ? undefined : { first: 0, count };
  }

  /** The given interactions (copied), most recent first; generated arrivals use `seed`. */
  static of(seed: string, items: readonly Interaction[]): ContactHistory {
    return new ContactHistory(
      seed,
      items.map((item) => ({ ...item })),
      0,
    );
  }

  /** `count` generated interactions: indices 0 … count − 1 of the generator for `seed`. */
  static generated(seed: string, count: number): ContactHistory {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`count must be a non-negative integer, got ${count}`);
    return new ContactHistory(seed, undefined, count);
  }

  /**
   * Reports everything the history holds to `observer`, then every change; `undefined` stops it
   * (reporting the removal). @internal
   */
  attach(observer: HistoryObserver | undefined): void {
    if (this.#observer) {
      this.#observer.removed(this.#explicit());
      this.#observer.windowChanged(this.#window, undefined);
    }
    this.#observer = observer;
    observer?.windowChanged(undefined, this.#window);
    observer?.added(this.#explicit());
  }

  /** The generated window, while there is one. @internal */
  get window(): Window | undefined {
    return this.#window;
  }

  get length(): number {
    return this.#items ? this.#items.length : this.#head.length + this.#window!.count;
  }

  /**
   * The interaction with this id (a fresh object for one of the window, the stored one otherwise), or
   * undefined. The window's ids are generated once per window and remembered, so looking up every
   * interaction of a history costs one pass, not one pass each.
   */
  find(interactionId: string): Interaction | undefined {
    const held = (this.#items ?? this.#head).find((item) => item.interactionId === interactionId);
    if (held || this.#items) return held;
    const { first, count } = this.#window!;
    if (this.#ids?.first !== first || this.#ids.count !== count) {
      const index = new Map(this.#windowSlice(0, count).map((item, i) => [item.interactionId, first + i]));
      this.#ids = { first, count, index };
    }
    const at = this.#ids.index.get(interactionId);
    return at === undefined ? undefined : interactionAt(this.seed, at);
  }

  /** Items `start` … `end − 1`. Fresh objects from the window, the stored ones otherwise. */
  slice(start: number, end: number): Interaction[] {
    if (this.#items) return this.#items.slice(start, end);
    const head = this.#head.slice(start, end);
    const from = Math.max(0, start - this.#head.length);
    const to = Math.max(0, end - this.#head.length);
    return head.concat(this.#windowSlice(from, to));
  }

  /**
   * The interactions that started in `[from, to)` (ms; either may be infinite), in the history's order,
   * as a run to page through: the window's part is found by bisection (its starts fall with the index),
   * so a history of millions costs a few dozen starts, not its length. @internal
   */
  startedIn(from: number, to: number): Run {
    const inRange = (item: Interaction) => startMs(item) >= from && startMs(item) < to;
    if (this.#items) return this.#items.filter(inRange);
    const head = this.#head.filter(inRange);
    const { first, count } = this.#window!;
    // Positions p in the window with start(p) < to come after those with start ≥ to, likewise for from.
    const firstBefore = (limit: number) => {
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (startMsAt(this.seed, first + mid) < limit) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const lo = to === Number.POSITIVE_INFINITY ? 0 : firstBefore(to);
    const hi = from === Number.NEGATIVE_INFINITY ? count : firstBefore(from);
    const inWindow = Math.max(0, hi - lo);
    return {
      length: head.length + inWindow,
      slice: (start, end) =>
        head
          .slice(start, end)
          .concat(this.#windowSlice(lo + Math.max(0, start - head.length), lo + Math.min(inWindow, end - head.length))),
    };
  }

  /**
   * New activity at the front: `n` generated interactions, each newer than every existing one, or the
   * given ones (most recent first). Returns what arrived.
   */
  arrive(added: number | readonly Interaction[]): Interaction[] {
    if (typeof added !== 'number') {
      const fresh = added.map((item) => ({ ...item }));
      this.#explicit().unshift(...fresh);
      this.#observer?.added(fresh);
      return fresh.map((item) => ({ ...item }));
    }
    // Index i starts inside the slot (NEWEST_START − (i + 1)·SLOT, NEWEST_START − i·SLOT]: an index whose
    // whole slot is later than the newest existing start is strictly newer.
    const newest = this.length > 0 ? Date.parse(this.slice(0, 1)[0]!.startTimestamp) : NEWEST_START + SLOT_MS;
    const top = Math.min(this.#lowest, Math.floor((NEWEST_START - newest) / SLOT_MS)) - 1;
    const first = top - added + 1;
    this.#lowest = first;
    const window = this.#window;
    if (window && this.#head.length === 0 && window.first === top + 1) {
      this.#setWindow({ first, count: window.count + added });
      return this.slice(0, added);
    }
    const fresh = Array.from({ length: added }, (_, i) => interactionAt(this.seed, first + i));
    this.#explicit().unshift(...fresh);
    this.#observer?.added(fresh);
    return fresh.map((item) => ({ ...item }));
  }

  /** Removes the interactions with these ids, or all when `ids` is undefined; returns how many went. */
  remove(ids?: readonly string[]): number {
    const doomed = ids ? new Set(ids) : undefined;
    // Only arrivals in front of the window: the window stays virtual.
    const items =
      doomed && this.#head.filter((i) => doomed.has(i.interactionId)).length === doomed.size ? this.#head : this.list();
    const gone = doomed ? items.filter((item) => doomed.has(item.interactionId)) : [...items];
    const kept = doomed ? items.filter((item) => !doomed.has(item.interactionId)) : [];
    items.splice(0, items.length, ...kept);
    this.#observer?.removed(gone);
    return gone.length;
  }

  /**
   * Changes fields of the interaction with this id (an interaction of the window makes the history a
   * list first); false when there is none.
   */
  update(interactionId: string, changes: Partial<Interaction>): boolean {
    const byId = (i: Interaction) => i.interactionId === interactionId;
    // Looked up first, so that an id the history does not have leaves its window virtual.
    const item = this.#head.find(byId) ?? (this.find(interactionId) ? this.list().find(byId) : undefined);
    if (!item) return false;
    const moves = changes.startTimestamp !== undefined && changes.startTimestamp !== item.startTimestamp;
    if (moves) this.#observer?.removed([item]);
    Object.assign(item, changes);
    if (moves) this.#observer?.added([item]);
    return true;
  }

  /**
   * The whole list, owned by this history (a window is materialised first): mutate it to change what the
   * history route answers. Its observer (the tenant's listing) sees changes made through `arrive`,
   * `remove` and `update`, and changes to an interaction's fields other than its start, not a list
   * spliced or reordered here.
   */
  list(): Interaction[] {
    if (!this.#items) {
      const fromWindow = this.#windowSlice(0, this.#window!.count);
      this.#items = this.#head.concat(fromWindow);
      this.#head = NOTHING;
      this.#setWindow(undefined);
      this.#observer?.added(fromWindow);
    }
    return this.#items;
  }

  /** What is held as objects, and where arrivals go: the list in front of a window, or the whole list. */
  #explicit(): Interaction[] {
    if (this.#items) return this.#items;
    if (this.#head === NOTHING) this.#head = [];
    return this.#head;
  }

  #setWindow(window: Window | undefined): void {
    const before = this.#window;
    this.#window = window;
    this.#observer?.windowChanged(before, window);
  }

  /** Window positions `start` … `end − 1`, generated. */
  #windowSlice(start: number, end: number): Interaction[] {
    const { first, count } = this.#window!;
    const from = Math.max(0, start);
    const to = Math.min(count, end);
    return Array.from({ length: Math.max(0, to - from) }, (_, i) => interactionAt(this.seed, first + from + i));
  }
}
