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

/** What {@link scanJson} found beyond the depth limit's check, as bits. */
export const UNSAFE_NUMBER = 1;
/** All bits set: or-ed with anything, it stays itself, so a walk's result is it once any part is too deep. */
export const TOO_DEEP = -1;

/**
 * Nesting deeper than `limit`, else whether {@link UNSAFE_NUMBER} occurs. Recursive,
 * which is the fastest walk here and safe: it never goes deeper than `limit`. (No closures: this runs
 * on every value of every page.) It does not stop at the first part too deep: the rest is no deeper,
 * and the whole walk is bounded by the size of the text `JSON.parse` has read.
 */
function scan(value: object, limit: number, depth: number): number {
  let found = 0;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) found |= scanJson(value[i], limit, depth);
  else for (const key in value) found |= scanJson((value as Record<string, unknown>)[key], limit, depth);
  return found;
}

/**
 * {@link TOO_DEEP} when `child`, a value inside a container at `depth` (0: the value itself), nests
 * deeper than `limit`, else whether a number beyond 2^53 − 1 ({@link UNSAFE_NUMBER}) occurs in it.
 */
export function scanJson(child: unknown, limit: number, depth = 0): number {
  switch (typeof child) {
    case 'object':
      if (child === null) return 0;
      return depth >= limit ? TOO_DEEP : scan(child, limit, depth + 1);
    case 'number':
      return Math.abs(child) >= 2 ** 53 ? UNSAFE_NUMBER : 0; // beyond Number.MAX_SAFE_INTEGER
    default:
      return 0;
  }
}
