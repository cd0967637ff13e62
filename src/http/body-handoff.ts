/**
 * The hand-off of a 2xx body from the request loop (`retry.ts`) to the client that parses it. The loop
 * reads every body inside its attempt, so the attempt's timeout covers the read; openapi-fetch sits
 * between the two and passes only the Response along. Rather than build a second Response around the
 * text (a measurable cost on every page), the text travels beside the Response in this per-client
 * ledger, keyed weakly by it, and is taken exactly once.
 */
export class BodyHandoff {
  readonly #texts = new WeakMap<Response, string>();

  /** Records the text read from `response`, whose own body is now used up. */
  put(response: Response, text: string): void {
    this.#texts.set(response, text);
  }

  /**
   * The text recorded for `response`, once: a second call (or a Response this ledger never saw) gives
   * `undefined`. Forgetting it at once matters: a WeakMap entry would otherwise keep tens of kilobytes
   * per page alive until a full GC.
   */
  take(response: Response): string | undefined {
    const text = this.#texts.get(response);
    this.#texts.delete(response);
    return text;
  }
}
