/**
 * The one sanitiser for text shown on a terminal or in a CI log that came from a server: the CLI's
 * table cells, error lines built from a server's error body, warnings, retry notices and progress line,
 * and every line of the contract checks' reports (`cxengage-interactions/contract`, which must not
 * import the CLI: hence this small core module, with no `node:` imports, that both use). A
 * terminal obeys what it is sent: ESC starts CSI and OSC sequences (move the cursor, recolour, retitle
 * the window, hyperlinks), CR rewrites the line, and bidi controls or invisible format characters make
 * the reader see something other than what is there ("Trojan Source"). Each such character is shown
 * as a visible escape instead, as `less` shows them: C0 controls and DEL in caret notation (`^[` for
 * ESC, `^M` for CR, `^?` for DEL), and every other one as `<U+XXXX>`: C1 controls, format characters
 * (Unicode Cf: bidi embeddings, overrides and isolates, marks like U+200E, zero-width spaces, the BOM…)
 * except the joiners U+200C and U+200D that scripts and emoji need, and the line and paragraph
 * separators U+2028 and U+2029. The rule is idempotent (its escapes are plain ASCII), so text made safe
 * twice reads the same. The CLI's data on stdout is data, so it is not rewritten: csv is left as it is
 * (the format has no escape), and json and ndjson carry each such character as a `\uXXXX` escape
 * ({@link jsonSafeText}), which parses back to the very same string but is plain ASCII on a terminal.
 */

/** One character a terminal would obey or a reader misread: the rule above, as a pattern. */
const UNSAFE_CHAR = String.raw`(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]`;
const UNSAFE = new RegExp(UNSAFE_CHAR, 'gu');
const ANY_UNSAFE = new RegExp(UNSAFE_CHAR, 'u');

function visible(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** One line of text, safe to print: every control and invisible format character made visible. */
export function terminalText(text: string): string {
  return ANY_UNSAFE.test(text) ? text.replace(UNSAFE, visible) : text;
}

/** Several lines (split at `\n`, the CLI's own line breaks), each made safe by {@link terminalText}. */
export function terminalLines(text: string): string {
  return text.split('\n').map(terminalText).join('\n');
}

/** As UNSAFE, but for `\n`: JSON.stringify escapes it inside strings, so a raw one is indentation. */
const UNSAFE_IN_JSON = new RegExp(String.raw`(?!\n)${UNSAFE_CHAR}`, 'gu');

const jsonEscape = (char: string): string =>
  Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/**
 * JSON text (as JSON.stringify writes it) with every character {@link terminalText} would make visible
 * written as a `\uXXXX` escape instead (both halves of a character beyond U+FFFF): `JSON.parse` gives
 * back exactly the same value, and the text holds nothing a terminal obeys or a reader misreads.
 */
export function jsonSafeText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, jsonEscape);
}
