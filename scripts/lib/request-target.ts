// The one place the sandbox's own servers (the docs site, the front door before Prism) read a request's
// target. A hostile target (`/%`, `%E0%A4%A`, `//x:99999`, an absolute URL, 100 KB of path) must get a
// 4xx answer, never an exception: a single uncaught `URIError` used to take the whole sandbox down, and
// Prism itself dies on a path that does not percent-decode. So parsing never throws; it says why it refuses.

/** Longer targets get 414, as real servers answer (Node itself refuses header blocks over 16 KiB). */
export const MAX_TARGET_LENGTH = 8_192;

export type RequestTarget =
  | {
      ok: true;
      /** The path as sent (still percent-encoded), for forwarding. */
      path: string;
      /** `?…` as sent, or ''. */
      query: string;
      /** The path percent-decoded, for looking things up. */
      decodedPath: string;
    }
  | { ok: false; status: 400 | 414; reason: string };

/**
 * Splits an origin-form target (`/path?query`) and checks that both parts percent-decode as UTF-8.
 * Anything else (`*`, absolute-form, a bare `%`, invalid UTF-8, an over-long target) is refused.
 */
export function parseTarget(raw: string | undefined): RequestTarget {
  if (raw === undefined || !raw.startsWith('/'))
    return { ok: false, status: 400, reason: 'Malformed request target: expected a path starting with /.' };
  if (raw.length > MAX_TARGET_LENGTH)
    return { ok: false, status: 414, reason: `Request target longer than ${MAX_TARGET_LENGTH} characters.` };
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const query = mark < 0 ? '' : raw.slice(mark);
  const decodedPath = decode(path);
  if (decodedPath === undefined || decode(query.replaceAll('+', ' ')) === undefined)
    return { ok: false, status: 400, reason: 'Malformed request target: invalid percent-encoding.' };
  return { ok: true, path, query, decodedPath };
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
