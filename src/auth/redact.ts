/**
 * Redaction: the one place that knows how a credential could leak into something the SDK (or its CLI)
 * shows — an error, a log line, a cause chain — and replaces it. Every message and field built from a
 * request, a response or a thrown error passes through the client's {@link Redactor} first. A client
 * loads this module on demand, through its `Redaction` (`redaction.ts`), the first time it has
 * something to show.
 *
 * The rules:
 * - A secret is found in every spelling an echo can give it: raw; JSON-escaped by any encoder (`\"`,
 *   `\\`, `\/`, `\n`…, or `\uXXXX` in either case, for any subset of its characters); URL-encoded (`%XX`
 *   of its UTF-8 bytes in either case, `+` or `%20` for a space). The text is searched as it is, with its
 *   JSON escapes undone, and with its URL encoding undone. The secret's base64 and base64url (padding
 *   optional) are searched for the same way.
 * - A credential is registered as its secret plus, for HTTP Basic, the `key:secret` pair, whose base64 is
 *   the header value (see `credentialSecrets` in `secrets.ts`); so `Basic …` and `Token …` values are covered.
 * - A form shorter than {@link SHORT_SECRET_LENGTH} characters is redacted only as a whole token: where
 *   neither neighbour is a letter, digit or `_`. A one-letter password therefore never garbles ordinary
 *   words (nor gives itself away by the gaps it would leave in them).
 * - Overlapping matches (of one secret or of several) are merged: each run becomes one {@link REDACTED}.
 */
import { REDACTED, utf8Base64 } from '../http/up-front.js';

/** Forms shorter than this (in characters) are redacted only as whole tokens, never inside words. */
export const SHORT_SECRET_LENGTH = 8;

/**
 * Replaces every occurrence of the client's secrets, deep inside strings, arrays and plain objects (keys
 * included). `add` registers a secret learnt later (a token obtained at runtime), from then on redacted too.
 */
export interface Redactor {
  <T>(value: T): T;
  add(secret: string): void;
  /** A credential-free copy of a thrown error, to keep as a cause: see {@link safeCause}. */
  cause(error: unknown): unknown;
}

/** How deep the redactor looks into arrays and objects; anything deeper is replaced whole. */
const MAX_REDACT_DEPTH = 20;

/** Makes a {@link Redactor} for the client's credentials. Empty secrets are ignored. */
export function createRedactor(secrets: readonly string[]): Redactor {
  const known = new Set<string>();
  let forms: string[] = [];
  const add = (secret: string) => {
    if (typeof secret !== 'string' || secret.length === 0 || known.has(secret)) return;
    known.add(secret);
    forms = [...new Set([...forms, ...formsOf(secret)])];
  };
  for (const secret of secrets) add(secret);
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return redactText(value, forms);
    if (value === null || typeof value !== 'object') return value;
    // Not searched, so not shown: it might hold a credential.
    if (depth > MAX_REDACT_DEPTH) return REDACTED;
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactText(k, forms), walk(v, depth + 1)]));
  };
  const redact = <T>(value: T): T => (forms.length ? (walk(value, 0) as T) : value);
  const redactor: Redactor = Object.assign(redact, { add, cause: (error: unknown) => safeCause(error, redactor) });
  return redactor;
}

/** The secret, and its base64 and base64url (unpadded: that also finds the padded forms). */
function formsOf(secret: string): string[] {
  const base64 = utf8Base64(secret).replace(/=+$/, '');
  return [secret, base64, base64.replaceAll('+', '-').replaceAll('/', '_')];
}

/**
 * A decoded reading of a text (JSON escapes or URL encoding undone), with the way back: one segment per
 * decoded character of an escape (its whole escape is its original span), and one per run of plain
 * text between escapes (mapped character by character).
 */
interface View {
  text: string;
  segments: [decodedStart: number, originalStart: number, originalLength: number, plain: boolean][];
}

const JSON_SHORT_ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

/** Builds a {@link View}: `readEscape(text, at)` reads an escape at `at` as `[decoded, length]`, or undefined. */
function decodedView(
  text: string,
  starts: RegExp,
  readEscape: (text: string, at: number) => [string, number] | undefined,
): View {
  const parts: string[] = [];
  const segments: View['segments'] = [];
  let decoded = 0;
  let plainFrom = 0;
  const plain = (to: number) => {
    if (to <= plainFrom) return;
    segments.push([decoded, plainFrom, to - plainFrom, true]);
    parts.push(text.slice(plainFrom, to));
    decoded += to - plainFrom;
  };
  starts.lastIndex = 0;
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const read = readEscape(text, m.index);
    if (!read) continue;
    plain(m.index);
    const [value, length] = read;
    for (const unit of value.split('')) {
      segments.push([decoded, m.index, length, false]);
      parts.push(unit);
      decoded += 1;
    }
    plainFrom = m.index + length;
    starts.lastIndex = plainFrom;
  }
  plain(text.length);
  return { text: parts.join(''), segments };
}

function jsonEscape(text: string, at: number): [string, number] | undefined {
  const next = text[at + 1] ?? '';
  if (next === 'u') {
    const hex = text.slice(at + 2, at + 6);
    return /^[0-9a-f]{4}$/i.test(hex) ? [String.fromCharCode(Number.parseInt(hex, 16)), 6] : undefined;
  }
  const short = JSON_SHORT_ESCAPES.get(next);
  return short === undefined ? undefined : [short, 2];
}

/** A run of `%XX` bytes read as one UTF-8 character (or a single byte of Latin-1 when invalid), or `+`. */
function urlEscape(text: string, at: number): [string, number] | undefined {
  if (text[at] === '+') return [' ', 1];
  const byte = (i: number) =>
    /^%[0-9a-f]{2}$/i.test(text.slice(i, i + 3)) ? Number.parseInt(text.slice(i + 1, i + 3), 16) : -1;
  const lead = byte(at);
  if (lead < 0) return undefined;
  const size = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  const bytes = [lead];
  for (let k = 1; k < size; k++) bytes.push(byte(at + 3 * k));
  const valid = bytes.every((b, k) => k === 0 || (b >= 0 && (b & 0xc0) === 0x80));
  const char = valid ? new TextDecoder().decode(new Uint8Array(bytes)) : '\ufffd';
  return char.includes('\ufffd') ? [String.fromCharCode(lead), 3] : [char, 3 * size];
}

/** The original span of decoded characters `[from, to)` of `view`. */
function originalSpan(view: View, from: number, to: number): [number, number] {
  const at = (d: number): [number, number] => {
    let lo = 0;
    let hi = view.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (view.segments[mid]![0] <= d) lo = mid;
      else hi = mid - 1;
    }
    const [start, origin, length, plain] = view.segments[lo]!;
    return plain ? [origin + d - start, origin + d - start + 1] : [origin, origin + length];
  };
  return [at(from)[0], at(to - 1)[1]];
}

const WORD = /[\p{L}\p{N}_]/u;

/** Whether the character (code point) ending just before `at`, or starting at `at`, is a word character. */
function wordBefore(text: string, at: number): boolean {
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2;
  return WORD.test(text.slice(pair ? at - 2 : at - 1, at));
}

function wordAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return code !== undefined && WORD.test(String.fromCodePoint(code));
}

/** Every occurrence of every form, overlapping ones included; short forms only as whole tokens. */
function findSpans(text: string, forms: readonly string[], spans: [number, number][]): void {
  for (const form of forms) {
    const short = [...form].length < SHORT_SECRET_LENGTH;
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
      const end = i + form.length;
      if (short && (wordBefore(text, i) || wordAt(text, end))) continue;
      spans.push([i, end]);
    }
  }
}

/**
 * Replaces every occurrence of the forms, raw or in a JSON-escaped or URL-encoded reading of the text,
 * with {@link REDACTED}; overlapping and adjacent occurrences become one marker.
 */
function redactText(text: string, forms: readonly string[]): string {
  if (text.length === 0 || forms.length === 0) return text;
  const spans: [number, number][] = [];
  findSpans(text, forms, spans);
  const views: View[] = [];
  if (text.includes('\\')) views.push(decodedView(text, /\\/g, jsonEscape));
  if (text.includes('%') || text.includes('+')) views.push(decodedView(text, /[%+]/g, urlEscape));
  for (const view of views) {
    const found: [number, number][] = [];
    findSpans(view.text, forms, found);
    for (const [from, to] of found) spans.push(originalSpan(view, from, to));
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  let [start, end] = spans[0]!;
  for (const [s, e] of spans) {
    if (s > end) {
      out += text.slice(at, start) + REDACTED;
      at = end;
      start = s;
    }
    end = Math.max(end, e);
  }
  return out + text.slice(at, start) + REDACTED + text.slice(end);
}

/**
 * A credential-free copy of an error thrown by `fetch`: name, message, `code` and nested causes only,
 * so that an error object graph (which might hold the Request and its headers) is never kept.
 */
export function safeCause(error: unknown, redact: Redactor, depth = 0): unknown {
  if (!(error instanceof Error)) return redact(typeof error === 'string' ? error : String(error));
  const copy = new Error(
    redact(error.message),
    depth < 3 && error.cause !== undefined ? { cause: safeCause(error.cause, redact, depth + 1) } : undefined,
  );
  copy.name = error.name;
  if (error.stack) copy.stack = redact(error.stack);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  return copy;
}
