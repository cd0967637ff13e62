/**
 * One contact's interaction history, most recent first. A generated history is a window of indices of
 * the one generator (`interactionAt`) and costs no memory however long it is; it becomes a plain list
 * the first time something other than generated arrivals changes it.
 */
import type { Interaction } from '../types.js';
import { interactionAt, NEWEST_START, SLOT_MS } from './interactions.js';

export class ContactHistory {
  readonly #seed: string;
  #items: Interaction[] | undefined;
  /** While virtual: the history is indices `first` … `first + count − 1` of the generator. */
  #window: { first: number; count: number } | undefined;
  /** The lowest generator index handed out so far: arrivals take the indices below it. */
  #lowest: number;
  /** While virtual: generator index by interaction id, for the window it was built for. */
  #ids: { first: number; count: number; index: Map<string, number> } | undefined;

  private constructor(seed: string, items: Interaction[] | undefined, count: number) {
    this.#seed = seed;
    this.#items = items;
    this.#window = items ? undefined : { first: 0, count };
    this.#lowest = 0;
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

  get length(): number {
    return this.#items ? this.#items.length : this.#window!.count;
  }

  /**
   * The interaction with this id (a fresh object for a virtual history, the stored one otherwise), or
   * undefined. A virtual history generates its ids once per window and remembers them, so looking up every
   * interaction of a history costs one pass, not one pass each.
   */
  find(interactionId: string): Interaction | undefined {
    if (this.#items) return this.#items.find((item) => item.interactionId === interactionId);
    const { first, count } = this.#window!;
    if (this.#ids?.first !== first || this.#ids.count !== count) {
      const index = new Map(this.slice(0, count).map((item, i) => [item.interactionId, first + i]));
      this.#ids = { first, count, index };
    }
    const at = this.#ids.index.get(interactionId);
    return at === undefined ? undefined : interactionAt(this.#seed, at);
  }

  /** Items `start` … `end − 1`. Fresh objects for a virtual history, the stored ones otherwise. */
  slice(start: number, end: number): Interaction[] {
    if (this.#items) return this.#items.slice(start, end);
    const { first, count } = this.#window!;
    const from = Math.max(0, start);
    const to = Math.min(count, end);
    return Array.from({ length: Math.max(0, to - from) }, (_, i) => interactionAt(this.#seed, first + from + i));
  }

  /**
   * New activity at the front: `n` generated interactions, each newer than every existing one, or the
   * given ones (most recent first). Returns what arrived.
   */
  arrive(added: number | readonly Interaction[]): Interaction[] {
    if (typeof added !== 'number') {
      const fresh = added.map((item) => ({ ...item }));
      this.list().unshift(...fresh);
      return fresh.map((item) => ({ ...item }));
    }
    // Index i starts inside the slot (NEWEST_START − (i + 1)·SLOT, NEWEST_START − i·SLOT]: an index whose
    // whole slot is later than the newest existing start is strictly newer.
    const newest = this.length > 0 ? Date.parse(this.slice(0, 1)[0]!.startTimestamp) : NEWEST_START + SLOT_MS;
    const top = Math.min(this.#lowest, Math.floor((NEWEST_START - newest) / SLOT_MS)) - 1;
    const first = top - added + 1;
    this.#lowest = first;
    if (this.#window && this.#window.first === top + 1) {
      this.#window = { first, count: this.#window.count + added };
      return this.slice(0, added);
    }
    const fresh = Array.from({ length: added }, (_, i) => interactionAt(this.#seed, first + i));
    this.list().unshift(...fresh);
    return fresh.map((item) => ({ ...item }));
  }

  /** Removes the interactions with these ids, or all when `ids` is undefined; returns how many went. */
  remove(ids?: readonly string[]): number {
    const items = this.list();
    const before = items.length;
    const doomed = ids ? new Set(ids) : undefined;
    const kept = doomed ? items.filter((item) => !doomed.has(item.interactionId)) : [];
    items.splice(0, items.length, ...kept);
    return before - items.length;
  }

  /** Changes fields of the interaction with this id (materialising the history); false when there is none. */
  update(interactionId: string, changes: Partial<Interaction>): boolean {
    const item = this.list().find((i) => i.interactionId === interactionId);
    if (item) Object.assign(item, changes);
    return item !== undefined;
  }

  /** The whole list, owned by this history (a virtual one is materialised first): mutate it to change the history. */
  list(): Interaction[] {
    if (!this.#items) {
      this.#items = this.slice(0, this.length);
      this.#window = undefined;
    }
    return this.#items;
  }
}
