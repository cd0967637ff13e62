/**
 * A store named by one string, as `--to` takes it: `sqlite:FILE`, `postgres://…` (or `postgresql://…`,
 * libpq's URL form, which pg reads), `ndjson:FILE`, or `singer`. Parsing it does no I/O; a string that names no store,
 * or names one badly, is an `InvalidInputError` before anything else happens. A password in the URL is
 * never repeated: the message shows `[redacted]` in its place, and {@link StoreTarget} keeps it apart so
 * a caller can redact it from whatever else it prints.
 */
import { InvalidInputError } from '../errors.js';

/** The store a URL names: a SQLite file, a PostgreSQL database (its URL, a location without password, the password apart), an NDJSON file, or Singer. */
export type StoreTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'ndjson'; file: string }
  | { kind: 'postgres'; url: string; location: string; password: string | undefined }
  | { kind: 'singer' };

export const STORE_FORMS = 'sqlite:FILE, postgres://USER@HOST:PORT/DATABASE, ndjson:FILE or singer';

/** `text` with any password of a URL's user part replaced, for a message. */
export function withoutPassword(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/?#]*:)[^/?#]*@/i, '$1[redacted]@');
}

/** Reads a store's name. `param` names it in errors (the CLI: `--to`). */
export function parseStoreUrl(text: string, param = 'store'): StoreTarget {
  const bad = (problem: string): never => {
    throw new InvalidInputError(param, withoutPassword(String(text)), problem);
  };
  if (typeof text !== 'string' || text.trim() === '') return bad(`must name a store: ${STORE_FORMS}`);
  if (text === 'singer') return { kind: 'singer' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') return { kind: 'sqlite', file: sqliteFile(text.slice('sqlite:'.length), bad) };
  if (scheme === 'ndjson') return { kind: 'ndjson', file: ndjsonFile(text.slice('ndjson:'.length), bad) };
  if (scheme === 'postgres' || scheme === 'postgresql') return postgresTarget(text, bad);
  return bad(`must be one of ${STORE_FORMS}${scheme ? ` (no store is called ${scheme}:)` : ''}`);
}

function sqliteFile(rest: string, bad: (problem: string) => never): string {
  if (rest === '') return bad('sqlite: needs a file: sqlite:FILE, such as sqlite:interactions.db');
  if (rest === ':memory:' || rest.startsWith('file::memory:'))
    return bad('an in-memory SQLite database keeps nothing once the sync ends: name a file');
  if (rest.startsWith('//')) {
    // sqlite:///abs/path is the URL form of an absolute path; sqlite://name would read as a host.
    if (rest.startsWith('///')) return rest.slice(2);
    return bad('sqlite: takes a path, not a host: sqlite:relative/file.db or sqlite:/absolute/file.db');
  }
  return rest;
}

function ndjsonFile(rest: string, bad: (problem: string) => never): string {
  if (rest === '') return bad('ndjson: needs a file: ndjson:FILE, such as ndjson:interactions.ndjson');
  if (rest === '-')
    return bad('ndjson: writes a file it can cut back on resume, not stdout: name a file (or use singer)');
  if (rest.startsWith('//')) {
    if (rest.startsWith('///')) return rest.slice(2);
    return bad('ndjson: takes a path, not a host: ndjson:relative/file.ndjson or ndjson:/absolute/file.ndjson');
  }
  return rest;
}

function postgresTarget(text: string, bad: (problem: string) => never): StoreTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad(
      'is not a valid URL: postgres://USER@HOST:PORT/DATABASE (special characters in a password percent-encoded)',
    );
  }
  const socket = url.searchParams.get('host');
  if (url.hostname === '' && !socket) return bad('names no host: postgres://USER@HOST:PORT/DATABASE');
  const decode = (part: string): string => {
    try {
      return decodeURIComponent(part);
    } catch {
      return bad('has a malformed percent-encoding (%XX)');
    }
  };
  const database = decode(url.pathname.replace(/^\//, ''));
  if (database.includes('/')) return bad('names a path, not a database: postgres://USER@HOST:PORT/DATABASE');
  const password = url.password === '' ? undefined : decode(url.password);
  const user = url.username ? `${url.username}@` : '';
  const where = url.hostname === '' ? '' : `${url.hostname}${url.port ? `:${url.port}` : ''}`;
  const location = `postgres://${user}${where}/${database}${url.hostname === '' ? `?host=${socket}` : ''}`;
  return { kind: 'postgres', url: text, location, password };
}
