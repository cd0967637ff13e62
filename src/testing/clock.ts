/**
 * The reference API's clock: the time live interactions start at, and the changes due as it is driven
 * forward (an open interaction ending, its csat score coming in later). Nothing happens on its own:
 * a test moves time with `advance`, so what the API serves at any moment is deterministic.
 */

/** A change due at a time on the clock. */
interface Due {
  at: number;
  seq: number;
  apply: () => void;
}

export class ReferenceClock {
  #now: number;
  #seq = 0;
  #due: Due[] = [];

  constructor(start: number) {
    if (!Number.isFinite(start)) throw new RangeError(`the clock must start at a finite time in ms, got ${start}`);
    this.#now = start;
  }

  /** The time now, in ms since the epoch. */
  now(): number {
    return this.#now;
  }

  /** Runs `apply` when the clock reaches `at` (in the order scheduled, for equal times). */
  schedule(at: number, apply: () => void): void {
    this.#due.push({ at, seq: this.#seq++, apply });
    this.#due.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** Moves the clock forward by `ms`, applying every change that falls due on the way. Returns how many. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance takes a finite number of ms ≥ 0, got ${ms}`);
    const until = this.#now + ms;
    let applied = 0;
    while (this.#due.length > 0 && this.#due[0]!.at <= until) {
      const next = this.#due.shift()!;
      this.#now = Math.max(this.#now, next.at);
      next.apply();
      applied += 1;
    }
    this.#now = until;
    return applied;
  }

  /** Changes still due. */
  get pending(): number {
    return this.#due.length;
  }
}
