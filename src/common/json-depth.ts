/**
 * The depth bound every JSON body is read under, and the one walk that applies it right after
 * `JSON.parse`: the part of the SDK's JSON reading on every call's path (see `exact-json.ts` for the
 * whole of it, loaded only when a body needs more). The walk also notes whether the value holds a number
 * beyond 2^53 − 1, which `JSON.parse` may have rounded from an integer literal. Cost: a few per cent of
 * `JSON.parse` itself (a recursive walk, bounded by the depth limit).
 */

/**
 * The deepest nesting of arrays and objects a body may have. A page nests four levels before any
 * undocumented value (page → results → an interaction → a value); 64 leaves room for whatever the
 * vendor adds, far below where recursive code breaks.
 */
export const MAX_JSON_DEPTH = 64;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** What {@link scanJson} found beyond the depth limit's check, as bits. */
export const UNSAFE_NUMBER = 1;
export const BIGINT = 2;
export const TOO_DEEP = -1;

/**
 * Nesting deeper than `limit`, else which of {@link UNSAFE_NUMBER} and {@link BIGINT} occur. Recursive,
 * which is the fastest walk here and safe: it never goes deeper than `limit`. (No closures: this runs
 * on every value of every page.)
 */
function scan(value: object, limit: number, depth: number): number {
  let found = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = scanChild(value[i], limit, depth);
      if (inner === TOO_DEEP) return TOO_DEEP;
      found |= inner;
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const inner = scanChild(record[key], limit, depth);
      if (inner === TOO_DEEP) return TOO_DEEP;
      found |= inner;
    }
  }
  return found;
}

/** What one value inside a container at `depth` adds to {@link scan}'s result. */
function scanChild(child: unknown, limit: number, depth: number): number {
  switch (typeof child) {
    case 'object':
      if (child === null) return 0;
      return depth >= limit ? TOO_DEEP : scan(child, limit, depth + 1);
    case 'number':
      return child > MAX_SAFE || child < -MAX_SAFE ? UNSAFE_NUMBER : 0;
    case 'bigint':
      return BIGINT;
    default:
      return 0;
  }
}

/**
 * {@link TOO_DEEP} when `value` nests deeper than `limit`, else which of {@link UNSAFE_NUMBER} and
 * {@link BIGINT} occur in it.
 */
export function scanJson(value: unknown, limit: number): number {
  if (typeof value === 'object' && value !== null) return limit < 1 ? TOO_DEEP : scan(value, limit, 1);
  if (typeof value === 'number') return value > MAX_SAFE || value < -MAX_SAFE ? UNSAFE_NUMBER : 0;
  return typeof value === 'bigint' ? BIGINT : 0;
}

/** What {@link readJson} made of a text: a value, and whether it may hold an integer `JSON.parse` rounded. */
export type ReadJson = { ok: true; value: unknown; rounded: boolean } | { ok: false; problem: 'syntax' | 'depth' };

/** `JSON.parse(text)` under the depth bound. Never throws. */
export function readJson(text: string, maxDepth = MAX_JSON_DEPTH): ReadJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'syntax' };
  }
  const found = scanJson(value, maxDepth);
  if (found === TOO_DEEP) return { ok: false, problem: 'depth' };
  return { ok: true, value, rounded: (found & UNSAFE_NUMBER) !== 0 };
}

/** The values read exactly (`exact-json.ts`) that hold a `bigint`: looked up, never walked, on the hot path. */
const withBigInts = new WeakSet<object>();

/** Records that `value` (read exactly) holds a `bigint`, for {@link asJsonNumbers}. */
export function markExact(value: unknown): void {
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
