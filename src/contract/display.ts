/**
 * What the contract checks print comes partly from the server (bodies, header values) and is untrusted:
 * before it reaches a terminal, a CI log or a report it is cut short and every control or format
 * character (ANSI escapes, carriage returns, bidi overrides, NULs) is shown as a `\uXXXX` escape, so
 * it can neither move a cursor nor disguise a line.
 */

/** Longest body snippet kept in a finding. */
export const SNIPPET_CHARS = 160;

const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** `text` with every control/format character escaped, at most `max` characters (then `…`). */
export function clean(text: string, max = SNIPPET_CHARS): string {
  let cut = text.length > max ? text.slice(0, max) : text;
  // A surrogate pair split by the cut would print as garbage.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const safe = cut.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return cut.length < text.length ? `${safe}…` : safe;
}

/** A short, safe rendering of any value from a body, for messages: `got ${shown(value)}`. */
export function shown(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return clean(text, max);
}
