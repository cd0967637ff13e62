/**
 * Redaction: the one place that knows how a credential could leak into something the SDK shows
 * (an error, a log line, a cause chain) and replaces it. Every message and field built from a
 * request, a response or a thrown error passes through the client's {@link Redactor} first.
 */

/** What a removed credential is replaced with. */
export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of the client's secrets, deep inside strings, arrays and plain objects.
 * `add` registers a secret learnt later (a token obtained at runtime), from then on redacted too.
 */
export interface Redactor {
  <T>(value: T): T;
  add(secret: string): void;
}

/** How deep the redactor looks into arrays and objects; anything deeper is replaced whole. */
const MAX_REDACT_DEPTH = 20;

/** Makes a {@link Redactor} for the client's credentials. Empty secrets are ignored. */
export function createRedactor(secrets: readonly string[]): Redactor {
  let list: string[] = [];
  const add = (secret: string) => {
    if (secret.length > 0 && !list.includes(secret)) list = [...list, secret].sort((a, b) => b.length - a.length);
  };
  for (const secret of secrets) add(secret);
  const redactString = (s: string): string => list.reduce((acc, secret) => acc.split(secret).join(REDACTED), s);
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (value === null || typeof value !== 'object') return value;
    // Not searched, so not shown: it might hold a credential.
    if (depth > MAX_REDACT_DEPTH) return REDACTED;
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactString(k), walk(v, depth + 1)]));
  };
  const redact = <T>(value: T): T => (list.length ? (walk(value, 0) as T) : value);
  return Object.assign(redact, { add });
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
