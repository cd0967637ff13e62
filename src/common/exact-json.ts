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
import { MAX_JSON_DEPTH, scanJson, TOO_DEEP } from './json-depth.js';

export { MAX_JSON_DEPTH };

/** What {@link parseJson} made of a text. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: 'syntax' | 'depth' };

/**
 * Parses `text` as JSON: nested no deeper than `maxDepth`, with every integer literal beyond
 * ±(2^53 − 1) as a `bigint` of exactly its digits. Never throws.
 */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): ParsedJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'syntax' };
  }
  const found = scanJson(value, maxDepth);
  if (found === TOO_DEEP) return { ok: false, problem: 'depth' };
  // A number beyond 2^53 − 1: an integer JSON.parse may have rounded, read again exactly.
  return { ok: true, value: found ? exactly(text) : value };
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
  if (scanJson(value, maxDepth) === TOO_DEEP) throw new JsonDepthError(maxDepth);
  try {
    return JSON.stringify(value, null, space);
  } catch (error) {
    // JSON.stringify refuses a bigint (a TypeError): written below, as its digits.
    if (!(error instanceof TypeError)) throw error;
  }
  const mark = marker();
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${mark}${v}` : v), space);
  const quoted = JSON.stringify(mark).slice(1, -1).replace(/[\\$]/g, '\\$&');
  return text.replace(new RegExp(`"${quoted}(-?\\d+)"`, 'g'), '$1');
}

/** The values read exactly (`exact-json.ts`) that hold a `bigint`: looked up, never walked, on the hot path. */
const withBigInts = new WeakSet<object>();

/** Records that `value` (read exactly) holds a `bigint`, for {@link asJsonNumbers}. */
function markExact(value: unknown): void {
  if (typeof value === 'object' && value !== null) withBigInts.add(value);
}

/**
 * `value` as a schema validator must see it: where the exact reading kept an integer exactly (a
 * `bigint`), a copy with that integer as the JSON number it is (a double), since a validator knows only
 * `number`. Any other value is returned as it is, at no cost.
 */
export function asJsonNumbers(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object' || value === null || !withBigInts.has(value)) return value;
  return numbers(value);
}

function numbers(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(numbers);
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value))
    Object.defineProperty(copy, key, { value: numbers(child), enumerable: true, writable: true, configurable: true });
  return copy;
}
