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
 * Cost on the hot path: one walk over the parsed value (bounded by the depth limit), a few per cent of
 * `JSON.parse` itself; the exact re-reading happens only for a body that holds such an integer.
 */

/**
 * The deepest nesting of arrays and objects a body may have. A page nests four levels before any
 * undocumented value (page → results → an interaction → a value); 64 leaves room for whatever the
 * vendor adds, far below where recursive code breaks.
 */
export const MAX_JSON_DEPTH = 64;

/** What {@link parseJson} made of a text. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: 'syntax' | 'depth' };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** What {@link scan} found beyond the depth limit's check, as bits. */
const UNSAFE_NUMBER = 1;
const BIGINT = 2;
const TOO_DEEP = -1;

/**
 * Nesting deeper than `limit`, else which of {@link UNSAFE_NUMBER} and {@link BIGINT} occur. Recursive,
 * which is the fastest walk here and safe: it never goes deeper than `limit`.
 */
function scan(value: unknown, limit: number, depth = 1): number {
  let found = 0;
  const visit = (child: unknown): boolean => {
    if (typeof child === 'object') {
      if (child === null) return true;
      if (depth >= limit) return false;
      const inner = scan(child, limit, depth + 1);
      if (inner === TOO_DEEP) return false;
      found |= inner;
    } else if (typeof child === 'number') {
      if (child > MAX_SAFE || child < -MAX_SAFE) found |= UNSAFE_NUMBER;
    } else if (typeof child === 'bigint') found |= BIGINT;
    return true;
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!visit(value[i])) return TOO_DEEP;
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) if (!visit(record[key])) return TOO_DEEP;
  }
  return found;
}

/** The kind of a top-level value for {@link scan}, which walks only inside objects and arrays. */
function scanTop(value: unknown, limit: number): number {
  if (typeof value === 'object' && value !== null) return limit < 1 ? TOO_DEEP : scan(value, limit);
  if (typeof value === 'number') return value > MAX_SAFE || value < -MAX_SAFE ? UNSAFE_NUMBER : 0;
  return typeof value === 'bigint' ? BIGINT : 0;
}

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
  const found = scanTop(value, maxDepth);
  if (found === TOO_DEEP) return { ok: false, problem: 'depth' };
  if (!(found & UNSAFE_NUMBER)) return { ok: true, value };
  // A number beyond 2^53 − 1 may have been an integer literal JSON.parse rounded: read the text again.
  const exact = exactly(text);
  if (typeof exact === 'object' && exact !== null) withBigInts.add(exact);
  return { ok: true, value: exact };
}

/** The values {@link parseJson} gave that hold a `bigint`: looked up, never walked, on the hot path. */
const withBigInts = new WeakSet<object>();

/**
 * `value` as a schema validator must see it: where {@link parseJson} kept an integer exactly (a
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

/** Strings (skipped whole, so digits inside them are never touched) and number literals of JSON text. */
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** A marker no server can predict, so no string it sends is ever mistaken for one. */
function marker(): string {
  return `\u0000${Math.random().toString(36).slice(2)}${Date.now().toString(36)}:`;
}

/** `text` (valid JSON) parsed again, with each integer literal a double cannot hold as a `bigint`. */
function exactly(text: string): unknown {
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
  return revive(JSON.parse(marked));
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
  const found = scanTop(value, maxDepth);
  if (found === TOO_DEEP) throw new JsonDepthError(maxDepth);
  if (!(found & BIGINT)) return JSON.stringify(value, null, space);
  const mark = marker();
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${mark}${v}` : v), space);
  const quoted = JSON.stringify(mark).slice(1, -1).replace(/[\\$]/g, '\\$&');
  return text.replace(new RegExp(`"${quoted}(-?\\d+)"`, 'g'), '$1');
}
