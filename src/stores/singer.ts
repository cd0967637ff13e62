/**
 * The Singer store (`singer`): the sync as Singer messages on a stream (stdout, for the CLI), one JSON
 * message a line, so Meltano or any Singer target can load it (Singer spec 0.3.0: SCHEMA, RECORD and
 * STATE). The stream is `interactions`, keyed on `interactionId`; a record is the row every SQL store
 * writes (the typed columns under their keys' own names, and the interaction whole as `record`).
 *
 * The state is the runner's: it passes the value of the last STATE message it kept (`--state FILE`) and
 * this store goes on from it; a STATE message is written only after every RECORD it accounts for, so a
 * target that keeps a STATE has loaded what it covers. A state of another tenant or mode is refused. A
 * Singer stream cannot be read back, so a record's `new` or `updated` is the sync's own judgement, and
 * a run killed before a STATE was kept sends again what that STATE did not cover (targets upsert on the
 * key). The whole state is one message, so with many contacts STATE is written at most once a second,
 * and whenever a run starts or ends.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type ColumnKind, typedColumns } from './columns.js';
import { StoreError } from './errors.js';
import { recordJson } from './json.js';
import { normalId, outcome, prepareRows, rowJson } from './rows.js';
import type { InteractionStore, SessionOptions, StoreBatch, StoreCommit, StoreSession } from './types.js';

/** The stream's name. */
export const SINGER_STREAM = 'interactions';
/** The key properties of its records (`key_properties` of its SCHEMA message). */
export const SINGER_KEY = ['interactionId'] as const;

/** What a {@link singerStore} writes to, and the state it goes on from. */
export interface SingerStoreOptions {
  /** Where the messages go, one a line (the CLI: stdout, which then carries nothing else). */
  output: Writable;
  /** The state the runner passed (the value of the last STATE message it kept), parsed; none: a first run. */
  state?: unknown;
  /** STATE messages at most this often, in ms (and always when a run starts or ends). Default 1000. */
  stateIntervalMs?: number;
}

/** What a STATE message's value holds: Singer's `bookmarks`, by stream. */
export interface SingerState {
  /** Per stream (this store has one): the tenant and mode it belongs to, and the sync's state entries. */
  bookmarks: { [SINGER_STREAM]: { tenantId: string; scope: string; entries: Record<string, unknown> } };
}

/** A store that writes Singer messages to `output` (see the module's header). Creating it does no I/O. */
export function singerStore(options: SingerStoreOptions): InteractionStore {
  return {
    kind: 'singer',
    location: 'singer',
    async open(session) {
      const entries = readSingerState(options.state, session);
      const store = new SingerSession(options, session, entries);
      await store.write(schemaMessage());
      return store;
    },
  };
}

const JSON_TYPES: Record<ColumnKind, string> = {
  text: 'string',
  timestamp: 'string',
  real: 'number',
  integer: 'integer',
  boolean: 'boolean',
};

/** The JSON Schema of a record of the stream: the typed columns, the interaction whole, and how it was read. */
export function recordSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const column of typedColumns) {
    const type = JSON_TYPES[column.kind];
    properties[column.field] = {
      type: column.key ? type : [type, 'null'],
      ...(column.kind === 'timestamp' ? { format: 'date-time' } : {}),
    };
  }
  properties['record'] = { type: 'object' };
  properties['fingerprint'] = { type: 'string' };
  properties['source'] = { type: 'string', enum: ['history', 'list'] };
  const required = [...typedColumns.filter((c) => c.key).map((c) => c.field), 'record', 'fingerprint', 'source'];
  return { type: 'object', properties, required, additionalProperties: false };
}

function schemaMessage(): string {
  return JSON.stringify({ type: 'SCHEMA', stream: SINGER_STREAM, schema: recordSchema(), key_properties: SINGER_KEY });
}

function readSingerState(state: unknown, session: SessionOptions): Map<string, unknown> {
  const tenantId = normalId(session.tenantId);
  if (state === undefined || state === null || (isObject(state) && Object.keys(state).length === 0)) return new Map();
  const bookmark = isObject(state) && isObject(state['bookmarks']) ? state['bookmarks'][SINGER_STREAM] : undefined;
  if (!isObject(bookmark) || typeof bookmark['tenantId'] !== 'string' || !isObject(bookmark['entries'])) {
    throw new StoreError(
      'not_a_store',
      'singer',
      `the Singer state given holds no bookmark of stream ${SINGER_STREAM} that this tool wrote`,
    );
  }
  if (normalId(bookmark['tenantId']) !== tenantId) {
    throw new StoreError(
      'other_tenant',
      'singer',
      `the Singer state given is of tenant ${bookmark['tenantId']}, not ${tenantId}: pass the state of this tenant's runs`,
    );
  }
  if (bookmark['scope'] !== session.scope) {
    throw new StoreError(
      'other_scope',
      'singer',
      `the Singer state given is of a ${String(bookmark['scope'])} sync, not a ${session.scope} one: pass the state of the same kind of run`,
    );
  }
  return new Map(Object.entries(bookmark['entries']));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class SingerSession implements StoreSession {
  readonly tenantId: string;
  readonly scope: SessionOptions['scope'];
  readonly #output: Writable;
  readonly #entries: Map<string, unknown>;
  readonly #interval: number;
  #lastState = Number.NEGATIVE_INFINITY;
  #dirty = false;
  #closed = false;

  constructor(options: SingerStoreOptions, session: SessionOptions, entries: Map<string, unknown>) {
    this.#output = options.output;
    this.#entries = entries;
    this.#interval = options.stateIntervalMs ?? 1_000;
    this.tenantId = normalId(session.tenantId);
    this.scope = session.scope;
  }

  async readState(keys?: readonly string[]): Promise<Map<string, unknown>> {
    if (!keys) return new Map(this.#entries);
    return new Map(keys.filter((key) => this.#entries.has(key)).map((key) => [key, this.#entries.get(key)]));
  }

  async known(): Promise<undefined> {
    return undefined;
  }

  async commit(batch: StoreBatch): Promise<StoreCommit> {
    const { rows, of } = prepareRows(batch, this.tenantId);
    const extracted = new Date().toISOString();
    const lines = rows.map(
      (row) =>
        `{"type":"RECORD","stream":${JSON.stringify(SINGER_STREAM)},"record":${rowJson(row)},"time_extracted":"${extracted}"}`,
    );
    for (const line of lines) await this.write(line);
    for (const { key, value } of batch.state) {
      if (value === null) this.#entries.delete(key);
      else this.#entries.set(key, value);
    }
    this.#dirty = true;
    const now = performance.now();
    if (now - this.#lastState >= this.#interval || batch.state.some(({ key }) => key.startsWith('#'))) {
      await this.#writeState();
    }
    // The sync's own judgement, as given: a Singer stream cannot be read back.
    const result = outcome(
      of,
      rows.map((row) => row.change ?? 'new'),
    );
    return result;
  }

  async #writeState(): Promise<void> {
    const value: SingerState = {
      bookmarks: {
        [SINGER_STREAM]: { tenantId: this.tenantId, scope: this.scope, entries: Object.fromEntries(this.#entries) },
      },
    };
    await this.write(`{"type":"STATE","value":${recordJson(value)}}`);
    this.#lastState = performance.now();
    this.#dirty = false;
  }

  /** Writes one message and its newline, waiting while the reader is behind. */
  async write(line: string): Promise<void> {
    try {
      if (!this.#output.write(`${line}\n`)) await once(this.#output, 'drain');
    } catch (error) {
      throw new StoreError('write', 'singer', `the Singer output could not be written: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#dirty) await this.#writeState();
  }
}
