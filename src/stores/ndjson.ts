/**
 * The NDJSON store (`ndjson:FILE`): the sync as a change log in a file, one JSON object a line, each an
 * interaction stored for the first time or changed since (`change`: `new` or `updated`, and `revision`:
 * 1, 2, … as a SQL store counts it), in the row shape every store writes (the typed columns under their
 * keys' own names, the interaction whole as `record`, its `fingerprint`, `source`) plus `syncedAt`. An
 * unchanged interaction writes nothing, so the latest line of an id is its latest version.
 *
 * The sync's state lives beside it, in `FILE.state`: the export's journal (`files/journal.ts`), each line
 * naming the length of FILE it accounts for. A commit writes its lines at that length and syncs FILE,
 * then appends ONE journal line holding the state entries and the fingerprints of the rows written, with
 * FILE's new length, and syncs it. A run killed at any instant leaves a journal whose last whole line
 * names what was committed; the next run cuts FILE back to that length (bytes past it are a commit that
 * never finished, which the sync re-reads from its state) and goes on: no line is lost or written twice.
 *
 * A file cannot be queried, so `new` is told from `updated` (and `unchanged`) by the fingerprint of every
 * interaction stored, kept in the state: exactly as the SQL stores tell them, at the cost of the state
 * holding (and a run reading into memory) about 100 bytes per interaction. For tens of millions of
 * interactions, use SQLite. One sync writes a FILE at a time (the lock file `FILE.lock`); FILE and its
 * state are checked as the export checks its files (not a directory, not one file under two names).
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { JournalError, type JournalHeader, StateJournal } from '../files/journal.js';
import { acquireLock, type FileLock, LockedError } from '../files/lock.js';
import { checkFileUses, FileUseError } from '../files/paths.js';
import { StoreError } from './errors.js';
import { recordJson } from './json.js';
import { normalId, outcome, prepareRows, rowJson } from './rows.js';
import type { InteractionStore, RowChange, SessionOptions, StoreBatch, StoreCommit, StoreSession } from './types.js';

/** Where a {@link ndjsonStore} writes. */
export interface NdjsonStoreOptions {
  /** The change log; its state is `FILE.state` beside it, its lock `FILE.lock`. Created when missing. */
  file: string;
}

/** The `format` of the state's first line: what tells it from an export's state file. */
const FORMAT = 'ndjson-store';
/** State keys of the fingerprints (`fingerprint:ID` → `REVISION:FINGERPRINT`), apart from the sync's own keys. */
const FINGERPRINT = 'fingerprint:';

/** A store writing a change log in NDJSON (see the module's header). Creating it does no I/O. */
export function ndjsonStore(options: NdjsonStoreOptions): InteractionStore {
  const file = options.file;
  const location = `ndjson:${file}`;
  return { kind: 'ndjson', location, open: (session) => openNdjson(file, location, session) };
}

async function openNdjson(file: string, location: string, options: SessionOptions): Promise<StoreSession> {
  options.signal?.throwIfAborted();
  const stateFile = `${file}.state`;
  // How file errors name the two files: `ndjson: FILE: is a directory…`, `the state of ndjson: FILE.state: …`.
  const label = 'the state of ndjson:';
  const fail = (code: 'not_a_store' | 'other_tenant' | 'other_scope', problem: string): never => {
    throw new StoreError(code, location, `${location}: ${problem}`);
  };
  // A file error or a damaged state already names the file.
  const refuse = (error: FileUseError | JournalError): never => {
    throw new StoreError('not_a_store', location, error.message, { cause: error });
  };
  let real: string;
  try {
    [real] = (await checkFileUses([
      { label: 'ndjson:', file, writes: true },
      { label, file: stateFile, writes: true },
    ])) as [string];
  } catch (error) {
    if (error instanceof FileUseError) refuse(error);
    throw error;
  }
  let lock: FileLock;
  try {
    lock = await acquireLock(file, location, 'cxengage-interactions sync');
  } catch (error) {
    if (error instanceof LockedError) throw new StoreError('locked', location, error.message, { cause: error });
    throw new StoreError('unreachable', location, `${location}: ${(error as Error).message}`, { cause: error });
  }
  let output: FileHandle | undefined;
  try {
    const tenantId = normalId(options.tenantId);
    const shard = options.part ?? null;
    const saved = await StateJournal.read<unknown>(stateFile, label).catch((error: unknown) => {
      if (error instanceof JournalError) refuse(error);
      throw error;
    });
    // O_RDWR, not append: a commit writes at the length the state names, over what a crash left past it.
    output = await open(file, constants.O_RDWR | constants.O_CREAT);
    const size = (await output.stat()).size;
    let journal: StateJournal<unknown>;
    if (saved) {
      const { header } = saved;
      if (header.format !== FORMAT) fail('not_a_store', `${stateFile} is not the state of an NDJSON store`);
      if (header.tenantId !== tenantId) {
        fail('other_tenant', `holds tenant ${header.tenantId}, not ${tenantId}: name another file for this tenant`);
      }
      if (header.scope !== options.scope || header.shard !== shard) {
        const what = (scope: unknown, part: string | null) => `a ${String(scope)} sync${part ? ` (part ${part})` : ''}`;
        fail('other_scope', `holds ${what(header.scope, header.shard)}, not ${what(options.scope, shard)}`);
      }
      if (size < saved.at) {
        fail('not_a_store', `is ${size} bytes, shorter than the ${saved.at} its state accounts for: it was changed`);
      }
      await output.truncate(saved.at);
      await output.datasync();
      journal = await StateJournal.resume(stateFile, saved, { label, stringify: recordJson });
    } else {
      if (size > 0) fail('not_a_store', `holds data but has no state (${stateFile}): name a new file`);
      const header: JournalHeader = { cxengageExport: 1, tenantId, format: FORMAT, out: real, shard, at: 0 };
      journal = await StateJournal.create(
        stateFile,
        { ...header, scope: options.scope },
        { label, stringify: recordJson },
      );
    }
    return new NdjsonSession(location, tenantId, options.scope, output, journal, lock);
  } catch (error) {
    await output?.close();
    await lock.release();
    if (error instanceof FileUseError) refuse(error);
    throw error;
  }
}

class NdjsonSession implements StoreSession {
  readonly #location: string;
  readonly #output: FileHandle;
  readonly #journal: StateJournal<unknown>;
  readonly #lock: FileLock;
  #at: number;
  /** The commit in progress: commits run one at a time, each writing where the last one ended. */
  #queue: Promise<unknown> = Promise.resolve();
  #failed = false;
  #closed = false;

  constructor(
    location: string,
    readonly tenantId: string,
    readonly scope: SessionOptions['scope'],
    output: FileHandle,
    journal: StateJournal<unknown>,
    lock: FileLock,
  ) {
    this.#location = location;
    this.#output = output;
    this.#journal = journal;
    this.#lock = lock;
    this.#at = journal.at;
  }

  async readState(keys?: readonly string[]): Promise<Map<string, unknown>> {
    const all = this.#journal.contacts;
    if (keys) return new Map(keys.filter((key) => all.has(key)).map((key) => [key, all.get(key)]));
    return new Map([...all].filter(([key]) => !key.startsWith(FINGERPRINT)));
  }

  async known(ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of ids) {
      const stored = this.#stored(normalId(id));
      if (stored) found.set(normalId(id), stored.fingerprint);
    }
    return found;
  }

  #stored(id: string): { revision: number; fingerprint: string } | undefined {
    const value = this.#journal.contacts.get(`${FINGERPRINT}${id}`);
    if (typeof value !== 'string') return undefined;
    const colon = value.indexOf(':');
    return { revision: Number(value.slice(0, colon)), fingerprint: value.slice(colon + 1) };
  }

  commit(batch: StoreBatch): Promise<StoreCommit> {
    if (this.#closed) {
      return Promise.reject(new StoreError('write', this.#location, `${this.#location}: the session is closed`));
    }
    const next = this.#queue.then(() => this.#commit(batch));
    this.#queue = next.catch(() => {});
    return next;
  }

  async #commit(batch: StoreBatch): Promise<StoreCommit> {
    if (this.#failed) {
      throw new StoreError(
        'write',
        this.#location,
        `${this.#location}: an earlier commit failed: open the store again`,
      );
    }
    const { rows, of } = prepareRows(batch, this.tenantId);
    const syncedAt = JSON.stringify(new Date().toISOString());
    const lines: string[] = [];
    const entries: [string, unknown][] = batch.state.map(({ key, value }) => [key, value]);
    const changes: RowChange[] = rows.map((row) => {
      const before = this.#stored(row.id);
      if (before?.fingerprint === row.fingerprint) return 'unchanged';
      const change = before ? 'updated' : 'new';
      const revision = (before?.revision ?? 0) + 1;
      lines.push(`${rowJson(row, { change: `"${change}"`, revision: String(revision), syncedAt })}\n`);
      entries.push([`${FINGERPRINT}${row.id}`, `${revision}:${row.fingerprint}`]);
      return change;
    });
    try {
      // The rows first, synced; then the state naming the new length: a crash between leaves bytes the
      // state does not account for, which the next open cuts off.
      const bytes = Buffer.from(lines.join(''));
      if (bytes.length > 0) {
        await this.#output.write(bytes, 0, bytes.length, this.#at);
        await this.#output.datasync();
      }
      await this.#journal.appendAll(entries, this.#at + bytes.length);
      this.#at += bytes.length;
    } catch (error) {
      // What reached the disk is either accounted for by the state or cut off by the next open.
      this.#failed = true;
      throw new StoreError(
        'write',
        this.#location,
        `${this.#location}: the commit failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    return outcome(of, changes);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue;
    try {
      await this.#journal.close();
      await this.#output.close();
    } finally {
      await this.#lock.release();
    }
  }
}
