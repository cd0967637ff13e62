/**
 * JSON read and written without loss or surprise: the one reader of every body the SDK parses (pages,
 * records, tokens, error bodies, the contract checks' answers) and the writer of the CLI's json, ndjson
 * and csv output. A server's JSON is untrusted, and `JSON.parse` accepts two things no caller can use:
 *
 * - **Nesting without bound.** `JSON.parse` reads 100 000 levels without complaint, but every recursive
 *   consumer after it (`JSON.stringify`, `structuredClone`, a logger, a deep-equal) throws `RangeError`.
 *   No documented record nests more than a few levels (a page: page → results → item → a value), so a
 *   body nested deeper than {@link MAX_JSON_DEPTH} is refused as a whole, right after parsing.
 * - **Integers beyond 2^53 − 1.** `JSON.parse` rounds `12345678901234567890` to `12345678901234567000`
 *   without a word. Such an integer is read as a `bigint` with its exact digits instead, and
 *   {@link stringifyJson} writes a `bigint` back as those digits, so data passes through unchanged.
 *   (Numbers with a fraction or an exponent are doubles in JSON's usual reading, and stay so.)
 *
 * The depth bound and its walk are `json-depth.ts`, on every call's path; this module (the exact
 * re-reading, the writer) is loaded by the client only for a body that holds such an integer.
 */
import { BIGINT, MAX_JSON_DEPTH, markExact, readJson, scanJson, TOO_DEEP } from './json-depth.js';

export { asJsonNumbers } from './json-depth.js';

export { MAX_JSON_DEPTH };

/** What {@link parseJson} made of a text. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: 'syntax' | 'depth' };

/**
 * Parses `text` as JSON: nested no deeper than `maxDepth`, with every integer literal beyond
 * ±(2^53 − 1) as a `bigint` of exactly its digits. Never throws.
 */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): ParsedJson {
  const read = readJson(text, maxDepth);
  if (!read.ok) return read;
  return { ok: true, value: read.rounded ? exactly(text) : read.value };
}

/** Strings (skipped whole, so digits inside them are never touched) and number literals of JSON text. */
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** A marker no server can predict, so no string it sends is ever mistaken for one. */
function marker(): string {
  return `\u0000${Math.random().toString(36).slice(2)}${Date.now().toString(36)}:`;
}

/**
 * `text` (valid JSON, within the depth bound) parsed again, with each integer literal a double cannot
 * hold as a `bigint`: for a text whose first reading held a number beyond 2^53 − 1.
 */
export function exactly(text: string): unknown {
  const mark = marker();
  const escaped = JSON.stringify(mark).slice(1, -1);
  const marked = text.replace(TOKENS, (token) =>
    token.charCodeAt(0) !== 0x22 && /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))
      ? `"${escaped}${token}"`
      : token,
  );
  const revive = (value: unknown): unknown => {
    if (typeof value === 'string') return value.startsWith(mark) ? BigInt(value.slice(mark.length)) : value;
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const before = record[key];
      const after = revive(before);
      if (after !== before) record[key] = after;
    }
    return value;
  };
  const exact = revive(JSON.parse(marked));
  markExact(exact);
  return exact;
}

/** Why {@link stringifyJson} refused a value. */
export class JsonDepthError extends Error {
  constructor(readonly maxDepth: number) {
    super(`the data is nested more than ${maxDepth} levels deep`);
    this.name = 'JsonDepthError';
  }
}

/**
 * `JSON.stringify(value, null, space)`, except that a `bigint` is written as its digits (a JSON number,
 * as the server sent it), and that data nested deeper than `maxDepth` throws {@link JsonDepthError}
 * rather than overflowing the stack.
 */
export function stringifyJson(value: unknown, space?: number, maxDepth = MAX_JSON_DEPTH): string {
  const found = scanJson(value, maxDepth);
  if (found === TOO_DEEP) throw new JsonDepthError(maxDepth);
  if (!(found & BIGINT)) return JSON.stringify(value, null, space);
  const mark = marker();
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${mark}${v}` : v), space);
  const quoted = JSON.stringify(mark).slice(1, -1).replace(/[\\$]/g, '\\$&');
  return text.replace(new RegExp(`"${quoted}(-?\\d+)"`, 'g'), '$1');
}
