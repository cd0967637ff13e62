/**
 * What the contract checks print comes partly from the server (bodies, header values, ids) and is
 * untrusted: before it reaches a terminal, a CI log or a report it is cut short and made safe by the
 * one sanitiser the CLI uses too (`terminal-text.ts`: control characters in caret notation like `^[`,
 * bidi and other invisible format characters as `<U+202E>`), so it can neither move a cursor nor
 * disguise a line. Findings and evidence are made safe when they are made, so the report object, and
 * the JSON and JUnit files written from it, hold exactly what the terminal shows.
 */
import { stringifyJson } from '../common/exact-json.js';
import { terminalText } from '../common/terminal-text.js';

/** Longest body snippet kept in a finding. */
export const SNIPPET_CHARS = 160;

/** `text` cut to at most `max` characters (then `…`), every control or format character made visible. */
export function clean(text: string, max = SNIPPET_CHARS): string {
  let cut = text.length > max ? text.slice(0, max) : text;
  // A surrogate pair split by the cut would print as garbage.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const safe = terminalText(cut);
  return cut.length < text.length ? `${safe}…` : safe;
}

/** A short, safe rendering of any value from a body, for messages: `got ${shown(value)}`. */
export function shown(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = stringifyJson(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return clean(text, max);
}
