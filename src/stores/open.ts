/**
 * A store from its name (`--to`): `sqlite:FILE`, `postgres://…`, `ndjson:FILE` or `singer`, with what a Singer store
 * needs besides (the stream it writes, the state the runner passed). No I/O until the store is opened.
 */
import { ndjsonStore } from './ndjson.js';
import { postgresStore } from './postgres.js';
import { type SingerStoreOptions, singerStore } from './singer.js';
import { sqliteStore } from './sqlite.js';
import type { InteractionStore } from './types.js';
import { parseStoreUrl } from './url.js';

/** Options of {@link storeFromUrl}: `singer` is required for a Singer store (where its messages go). */
export interface StoreFromUrlOptions {
  /** Where a `singer` store writes, and the runner's state. */
  singer?: SingerStoreOptions;
  /** The name of the option or flag the URL came from, for its errors (default `store`). */
  param?: string;
}

/** The store `url` names. A URL that names none, or names one badly, throws `InvalidInputError`. */
export function storeFromUrl(url: string, options: StoreFromUrlOptions = {}): InteractionStore {
  const target = parseStoreUrl(url, options.param);
  if (target.kind === 'sqlite') return sqliteStore({ file: target.file });
  if (target.kind === 'ndjson') return ndjsonStore({ file: target.file });
  if (target.kind === 'postgres') return postgresStore({ url: target.url });
  if (!options.singer) throw new TypeError('a Singer store needs options.singer (at least its output stream)');
  return singerStore(options.singer);
}
